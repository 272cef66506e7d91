package dev.chorm.query.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.QueryException;
import dev.chorm.db.Database;
import dev.chorm.query.Aggregate;
import dev.chorm.query.Count;
import dev.chorm.query.Sum;
import dev.chorm.query.fixtures.Hit;
import dev.chorm.query.write.InsertSelectModels.HitCopy;
import dev.chorm.query.write.InsertSelectModels.ProtocolTotals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Run INSERT ... SELECT from QuerySets on the engine: the rows, the written count, settings, errors. */
class InsertSelectEngineTest {
    private static Database db;

    @BeforeAll
    static void open() {
        db = WriteTesting.open("insert_select", Map.of(), Hit.class, ProtocolTotals.class, HitCopy.class);
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Hit h = new Hit();
            h.protocol = i % 3 == 0 ? "TCP" : i % 3 == 1 ? "UDP" : "ICMP";
            h.port = i % 7;
            h.bytes = i;
            hits.add(h);
        }
        db.objects(Hit.class).bulkCreate(hits);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void groupedRowsGoIntoTheTargetAndTheWrittenRowsAreCounted() {
        long written = db.objects(ProtocolTotals.class).insertFrom(db.objects(Hit.class).filter("port__gt", 0)
                .values("protocol").annotate("total_bytes", Sum.of("bytes")).annotate("hits", Count.all()));
        assertThat(written).isEqualTo(3);
        List<Map<String, Object>> expected = db.objects(Hit.class).filter("port__gt", 0).values("protocol")
                .annotate("totalBytes", Sum.of("bytes")).annotate("hits", Count.all()).orderBy("protocol").fetch();
        assertThat(db.objects(ProtocolTotals.class).values("protocol", "totalBytes", "hits").orderBy("protocol").fetch())
                .isEqualTo(expected);
        assertThat(db.objects(ProtocolTotals.class).valuesList("protocolLength", Long.class).orderBy("protocol").fetch())
                .containsExactly(4L, 3L, 3L);
    }

    @Test
    void rowsCopiedIntoAModelGetFreshIds() {
        long written = db.objects(HitCopy.class).settings(Map.of("max_threads", 1))
                .insertFrom(db.objects(Hit.class).filter("protocol", "TCP").values("protocol", "bytes"));
        assertThat(written).isEqualTo(100);
        assertThat(db.objects(HitCopy.class).filter("protocol", "TCP").count()).isEqualTo(100);
        assertThat(db.objects(HitCopy.class).filter("id", 0).count()).isZero();
        assertThat(db.objects(HitCopy.class).aggregate("ids", Count.distinct("id")).get("ids")).isEqualTo(100L);
    }

    @Test
    void aMissingTargetTableSaysToMigrate() {
        Database empty = WriteTesting.open("insert_select_empty", Map.of(), Hit.class);
        try {
            assertThatThrownBy(() -> empty.objects(HitCopy.class).insertFrom(empty.objects(Hit.class).values("bytes")))
                    .isInstanceOf(QueryException.class)
                    .hasMessageContaining("A table that this insert of model " + HitCopy.class.getName()
                            + " (table hit_copy) writes does not exist: apply the migrations first");
        } finally {
            empty.close();
        }
    }

    /** The statement runs on the target's Database: a source bound to another one would read the target's table. */
    @Test
    void aSourceBoundToAnotherDatabaseIsRefused() {
        Database other = WriteTesting.open("insert_select_other", Map.of(), Hit.class);
        try {
            Hit h = new Hit();
            h.protocol = "GRE";
            h.bytes = 5;
            other.objects(Hit.class).bulkCreate(List.of(h));
            assertThatThrownBy(() -> db.objects(HitCopy.class)
                    .insertFrom(other.objects(Hit.class).filter("protocol", "GRE").values("protocol", "bytes")))
                    .isInstanceOf(QueryException.class)
                    .hasMessage("Cannot insert into HitCopy from a QuerySet of Hit bound to another Database: INSERT ..."
                            + " SELECT runs on the target's Database and would read its table hit, not the source's."
                            + " Take the source from the target's Database: db.objects(Hit.class).");
            assertThat(db.objects(HitCopy.class).filter("protocol", "GRE").count()).isZero();
        } finally {
            other.close();
        }
    }

    /** A writer's settings would go nowhere: the statement's SETTINGS clause is the SELECT's. */
    @Test
    void aWriterWithSettingsRefusesToInsertFromASelect() {
        assertThatThrownBy(() -> ModelWriter.of(db, HitCopy.class).withSettings(Map.of("max_threads", 1))
                .insertFrom(db.objects(Hit.class).values("bytes").asSelect(), "Hit"))
                .isInstanceOf(QueryException.class)
                .hasMessage("Cannot insert into HitCopy from a QuerySet of Hit with a ModelWriter that has settings"
                        + " {max_threads=1}: the settings of INSERT ... SELECT are the SELECT's; set them on the source"
                        + " QuerySet (source.settings(...)) and call insertFrom on a writer without settings.");
    }

    /** A state over Array(LowCardinality(String)) fits an AggregateFunction(f, Array(String)) column, as the engine types it. */
    @Test
    void aStateOverNestedLowCardinalityFitsThePlainColumn() {
        db.createTables(InsertSelectModels.Tagged.class, InsertSelectModels.TagStates.class);
        List<InsertSelectModels.Tagged> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            InsertSelectModels.Tagged t = new InsertSelectModels.Tagged();
            t.page = i % 2 == 0 ? "/a" : "/b";
            t.tags = List.of("t" + i % 3, "x");
            rows.add(t);
        }
        db.objects(InsertSelectModels.Tagged.class).bulkCreate(rows);
        long written = db.objects(InsertSelectModels.TagStates.class).insertFrom(db.objects(InsertSelectModels.Tagged.class)
                .values("page").annotate("tag_sets", Aggregate.uniqExact("tags").state()));
        assertThat(written).isEqualTo(2);
        assertThat(db.objects(InsertSelectModels.TagStates.class).values("page")
                .annotate("sets", Aggregate.uniqExactMerge("tag_sets")).orderBy("page").fetch())
                .isEqualTo(db.objects(InsertSelectModels.Tagged.class).values("page")
                        .annotate("sets", Aggregate.uniqExact("tags")).orderBy("page").fetch());
    }
}
