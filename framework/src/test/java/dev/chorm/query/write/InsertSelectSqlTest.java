package dev.chorm.query.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.QueryException;
import dev.chorm.query.Aggregate;
import dev.chorm.query.Count;
import dev.chorm.query.QuerySet;
import dev.chorm.query.Sum;
import dev.chorm.query.expr.F;
import dev.chorm.query.fixtures.Hit;
import dev.chorm.query.write.InsertSelectModels.HitCopy;
import dev.chorm.query.write.InsertSelectModels.ProtocolStates;
import dev.chorm.query.write.InsertSelectModels.ProtocolTotals;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Render INSERT ... SELECT from a QuerySet, and refuse what does not match the target before any SQL. */
class InsertSelectSqlTest {
    static final QuerySet<Hit> HITS = QuerySet.of(Hit.class);

    static String sql(Class<?> target, QuerySet<?> source) {
        return InsertSelect.sql(QuerySet.of(target).meta(), source.asSelect(), source.meta().modelClass().getSimpleName());
    }

    @Test
    void columnsFollowTheSelectionAndMatchByColumnOrFieldName() {
        assertThat(sql(ProtocolTotals.class, HITS.values("protocol")
                .annotate(Map.of("total_bytes", Sum.of("bytes")))))
                .isEqualTo("INSERT INTO `protocol_totals` (`protocol`, `total_bytes`) SELECT `protocol`,"
                        + " sumOrNull(`bytes`) AS `total_bytes` FROM `hit` GROUP BY `protocol`");
        // The Java field name works too, and the order of the SELECT decides the column list's.
        assertThat(sql(ProtocolTotals.class, HITS.annotate("hits", Count.all()).annotate("totalBytes",
                Sum.of("bytes")).values("hits", "totalBytes", "protocol")))
                .isEqualTo("INSERT INTO `protocol_totals` (`hits`, `total_bytes`, `protocol`) SELECT count() AS `hits`,"
                        + " sumOrNull(`bytes`) AS `totalBytes`, `protocol` FROM `hit` GROUP BY `protocol`");
    }

    @Test
    void aModelIdLeftOutIsDrawnByTheServer() {
        assertThat(sql(HitCopy.class, HITS.filter("port", 80).values("protocol", "bytes")))
                .isEqualTo("INSERT INTO `hit_copy` (`id`, `protocol`, `bytes`) SELECT generateSnowflakeID(), * FROM"
                        + " (SELECT `protocol`, `bytes` FROM `hit` WHERE `port` = 80)");
        assertThat(sql(HitCopy.class, HITS.values("id", "protocol")))
                .isEqualTo("INSERT INTO `hit_copy` (`id`, `protocol`) SELECT `id`, `protocol` FROM `hit`");
    }

    @Test
    void settingsStayInTheSelect() {
        assertThat(sql(HitCopy.class, HITS.values("id", "bytes").settings(Map.of("max_threads", 1))))
                .isEqualTo("INSERT INTO `hit_copy` (`id`, `bytes`) SELECT `id`, `bytes` FROM `hit` SETTINGS max_threads = 1");
    }

    @Test
    void unmatchedNamesAreRefusedWithTheColumnsAndTheFix() {
        assertThatThrownBy(() -> sql(ProtocolTotals.class, HITS.values("protocol", "port")
                .annotate("total", Sum.of("bytes"))))
                .isInstanceOf(QueryException.class)
                .hasMessage("Cannot insert into ProtocolTotals (table protocol_totals) from a QuerySet of Hit: the"
                        + " selected names port, total are no column of ProtocolTotals (columns: protocol, total_bytes,"
                        + " hits). Name each selected value after a column of ProtocolTotals with values(...) or"
                        + " annotate(...), or leave it out.");
        assertThatThrownBy(() -> sql(ProtocolTotals.class, HITS.annotate("protocol_length", F.of("port"))
                .values("protocol", "protocol_length")))
                .isInstanceOf(QueryException.class)
                .hasMessage("Cannot insert into ProtocolTotals (table protocol_totals) from a QuerySet of Hit:"
                        + " protocol_length is a column that ClickHouse computes (MATERIALIZED or ALIAS) and an INSERT"
                        + " cannot write. Leave it out of the selection.");
        assertThatThrownBy(() -> sql(ProtocolTotals.class, HITS.annotate("totalBytes", Sum.of("bytes"))
                .annotate("total_bytes", Sum.of("port")).values("protocol", "totalBytes", "total_bytes")))
                .isInstanceOf(QueryException.class)
                .hasMessage("Cannot insert into ProtocolTotals (table protocol_totals) from a QuerySet of Hit: the"
                        + " selected names totalBytes and total_bytes both fill the column total_bytes. Select it once.");
    }

    @Test
    void statesMustFitTheirColumns() {
        assertThat(sql(ProtocolStates.class, HITS.values("protocol").annotate("bytes", Sum.of("bytes").filter("port", 80)
                .state()).annotate("hits", Count.all().state())))
                .isEqualTo("INSERT INTO `protocol_states` (`protocol`, `bytes`, `hits`) SELECT `protocol`,"
                        + " sumStateIf(`bytes`, `port` = 80) AS `bytes`, countState() AS `hits` FROM `hit` GROUP BY `protocol`");
        // Only the time zone differs (DateTime64(6, 'UTC') into DateTime64(6)): ClickHouse takes it.
        assertThat(sql(ProtocolStates.class, HITS.values("protocol").annotate("last_ip",
                Aggregate.argMax("protocol", "timestamp").state())))
                .isEqualTo("INSERT INTO `protocol_states` (`protocol`, `last_ip`) SELECT `protocol`,"
                        + " argMaxState(`protocol`, `timestamp`) AS `last_ip` FROM `hit` GROUP BY `protocol`");
        String head = "Cannot insert into ProtocolStates (table protocol_states) from a QuerySet of Hit: the selected name ";
        assertThatThrownBy(() -> sql(ProtocolStates.class, HITS.values("protocol").annotate("bytes",
                Sum.of("port").state())))
                .isInstanceOf(QueryException.class)
                .hasMessage(head + "bytes is the state AggregateFunction(sum, UInt16) and the column bytes of ProtocolStates"
                        + " is AggregateFunction(sum, Int64): ClickHouse converts no aggregation state into another. Give"
                        + " the aggregate an argument of the column's type (cast it, such as Func.of(\"toUInt64\","
                        + " \"field\")), or declare the column with the selected state's type.");
        assertThatThrownBy(() -> sql(ProtocolStates.class, HITS.values("protocol").annotate("hits", Count.all())))
                .isInstanceOf(QueryException.class)
                .hasMessage(head + "hits is a value of type UInt64 and the column hits of ProtocolStates is"
                        + " AggregateFunction(count), which holds aggregation states. Select the state of an aggregate:"
                        + " count(...).state().");
        assertThatThrownBy(() -> sql(ProtocolStates.class, HITS.values("protocol").annotate("plain", Count.all().state())))
                .isInstanceOf(QueryException.class)
                .hasMessage(head + "plain is the state AggregateFunction(count) and the column plain of ProtocolStates is"
                        + " UInt64. Merge the states first (merge() on the aggregate, such as Sum.of(\"hits\").merge()),"
                        + " or store them in an @AggregateFunction column.");
    }

    @Test
    void theTargetIsTheWholeTable() {
        assertThatThrownBy(() -> QuerySet.of(HitCopy.class).filter("bytes", 1).insertFrom(HITS.values("bytes")))
                .isInstanceOf(QueryException.class)
                .hasMessage("Cannot insert from a QuerySet into a filtered, sliced or reshaped QuerySet of HitCopy:"
                        + " the rows go into the whole table. Call db.objects(HitCopy.class).insertFrom(...).");
    }
}
