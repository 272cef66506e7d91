package dev.chorm.query.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ChormException;
import dev.chorm.db.Database;
import dev.chorm.query.write.WriteModels.Edge;
import dev.chorm.query.write.WriteModels.Kind;
import dev.chorm.query.write.WriteModels.Measurement;
import dev.chorm.query.write.WriteModels.Note;
import dev.chorm.query.write.WriteModels.Point;
import dev.chorm.query.write.WriteModels.Reading;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Insert POJO and record models through the real engine and read them back. */
class BulkCreateTest {
    private static Database db;

    @BeforeAll
    static void open() {
        db = WriteTesting.open("bulk", Map.of(), Reading.class, Measurement.class, Note.class, Edge.class);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static Reading reading(String sensor, int port) throws Exception {
        Reading r = new Reading();
        r.sensor = sensor;
        r.port = port;
        r.total = Long.MIN_VALUE + port;
        r.ratio = port / 3.0;
        r.active = port % 2 == 0;
        r.at = Instant.parse("2024-05-06T07:08:09.123456Z").plusSeconds(port);
        r.day = LocalDate.of(2024, 5, 6);
        r.uuid = UUID.randomUUID();
        r.amount = new BigDecimal("12345.6789");
        r.tags = List.of("a", "it's", "");
        r.counters = Map.of("x", 1L, "y", -2L);
        r.note = port % 2 == 0 ? null : "note " + port;
        r.kind = Kind.HIGH;
        r.ipv4 = (Inet4Address) InetAddress.getByName("10.1.2.3");
        r.ipv6 = (Inet6Address) InetAddress.getByName("2001:db8::1");
        r.city = "Zürich";
        return r;
    }

    @Test
    void pojoRowsRoundTripWithIdsDefaultsAndServerComputedColumns() throws Exception {
        List<Reading> rows = List.of(reading("alpha", 1), reading("beta", 2), reading("gamma", 65535));
        rows.get(1).withDefault = "given";
        assertThat(ModelWriter.of(db, Reading.class).bulkCreate(rows)).isEqualTo(3);

        assertThat(rows).allSatisfy(r -> {
            assertThat(r.hasId()).isTrue();
            assertThat(r.createdAt).isNotNull();
            assertThat(r.updatedAt).isNotNull();
        });
        List<Reading> back = WriteTesting.readAll(db, Reading.class, "sensor");
        assertThat(back).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "withDefault", "sensorLength", "sensorUpper").containsExactlyElementsOf(rows);
        assertThat(back).extracting(r -> r.withDefault).containsExactly("fallback", "given", "fallback");
        assertThat(back).extracting(r -> r.sensorLength).containsExactly(5L, 4L, 5L);
        assertThat(back).extracting(r -> r.sensorUpper).containsExactly("ALPHA", "BETA", "GAMMA");
        assertThat(back).extracting(Reading::id).doesNotHaveDuplicates();
    }

    @Test
    void recordRowsRoundTripAndTakeServerDefaultsForNullAutoTimes() {
        Instant at = Instant.parse("2023-12-31T23:59:59.999999Z");
        List<Measurement> rows = List.of(
                new Measurement("k1", 1, null, List.of(), at, new Point(1, "one"), null),
                new Measurement("k2", -2, 2.5, List.of(1, 2, 3), at, new Point(-1, "it's \"two\""),
                        Instant.parse("2020-01-01T00:00:00Z")));
        Instant before = Instant.now().minusSeconds(5);
        ModelWriter.of(db, Measurement.class).bulkCreate(rows.stream(), 10);

        List<Measurement> back = WriteTesting.readAll(db, Measurement.class, "key");
        assertThat(back).usingRecursiveFieldByFieldElementComparatorIgnoringFields("createdAt")
                .containsExactlyElementsOf(rows);
        assertThat(back.get(0).createdAt()).isAfter(before);
        assertThat(back.get(1).createdAt()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 10, 11, 25})
    void batchesSplitTheRowsIntoOneInsertPerBatch(int count) {
        String table = "batch_" + count;
        db.execute("CREATE TABLE " + table + " AS note");
        db.execute("SYSTEM STOP MERGES " + table);
        List<Note> rows = IntStream.range(0, count).mapToObj(i -> new Note(i, "n" + i)).toList();

        long inserted = new BatchInserter(db.client(), planFor(table), dev.chorm.sql.Settings.empty())
                .insertAll(rows.iterator(), 10);

        assertThat(inserted).isEqualTo(count);
        assertThat(WriteTesting.number(db, "SELECT count() FROM " + table)).isEqualTo(count);
        assertThat(WriteTesting.number(db, "SELECT count() FROM system.parts WHERE database = currentDatabase()"
                + " AND table = '" + table + "' AND active")).isEqualTo((count + 9) / 10);
    }

    private static InsertPlan planFor(String table) {
        return InsertPlan.of(Note.class).withTable(table);
    }

    @Test
    void aMillionRowsStreamWithoutBeingHeldInMemory() {
        Iterable<Note> lazy = () -> new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < 1_000_000;
            }

            @Override
            public Note next() {
                next++;
                return new Note(next, "row " + next);
            }
        };
        long inserted = ModelWriter.of(db, Note.class).bulkCreate(lazy, 300_000);

        assertThat(inserted).isEqualTo(1_000_000);
        assertThat(WriteTesting.number(db, "SELECT count() FROM note WHERE id > 0")).isEqualTo(1_000_000);
        assertThat(WriteTesting.number(db, "SELECT sum(id) FROM note WHERE id > 0")).isEqualTo(500_000_500_000L);
        db.execute("TRUNCATE TABLE note");
    }

    @Test
    void settingsReachTheServer() throws Exception {
        Reading may = reading("may", 1);
        Reading june = reading("june", 2);
        june.day = LocalDate.of(2024, 6, 1);
        ModelWriter<Reading> strict = ModelWriter.of(db, Reading.class)
                .withSettings(Map.of("max_partitions_per_insert_block", 1,
                        "throw_on_max_partitions_per_insert_block", true));

        assertThatThrownBy(() -> strict.bulkCreate(List.of(may, june)))
                .isInstanceOf(ChormException.class).hasMessageContaining("partitions");
        assertThat(strict.bulkCreate(List.of(june))).isEqualTo(1);
        assertThat(WriteTesting.number(db, "SELECT count() FROM reading WHERE sensor IN ('may', 'june')")).isEqualTo(1);
    }

    @Test
    void aValueThatDoesNotFitNamesTheFieldAndInsertsNothing() throws Exception {
        Reading bad = reading("bad", 1);
        bad.port = 70_000;
        List<Reading> rows = new ArrayList<>(List.of(reading("ok", 3), bad));

        assertThatThrownBy(() -> ModelWriter.of(db, Reading.class).bulkCreate(rows))
                .isInstanceOf(ChormException.class).hasMessageContaining("Reading.port").hasMessageContaining("70000");
        assertThat(WriteTesting.number(db, "SELECT count() FROM reading WHERE sensor IN ('ok', 'bad')")).isZero();
    }

    @Test
    void createInsertsOneObjectAndReturnsIt() throws Exception {
        Reading r = ModelWriter.of(db, Reading.class).create(reading("single", 7));
        assertThat(WriteTesting.number(db, "SELECT count() FROM reading WHERE id = " + r.id())).isEqualTo(1);
        assertThat(LongStream.of(r.id()).sum()).isPositive();
    }

    @Test
    void directEncodingPathsKeepEdgeValuesAndRangeChecks() {
        List<Edge> rows = List.of(
                new Edge(1, 0, Instant.parse("1969-12-31T23:59:59.999999Z"), LocalDate.of(1900, 1, 1), null),
                new Edge(2, 4_294_967_295L, Instant.parse("2099-12-31T23:59:59.999999Z"), LocalDate.of(2299, 12, 31), ""),
                new Edge(3, 7, Instant.parse("2150-06-01T00:00:00Z"), LocalDate.of(2024, 2, 29), "x"));
        ModelWriter<Edge> edges = ModelWriter.of(db, Edge.class);
        edges.bulkCreate(rows);
        assertThat(WriteTesting.readAll(db, Edge.class, "n")).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(rows);

        assertThatThrownBy(() -> edges.create(new Edge(4, 4_294_967_296L, Instant.EPOCH, LocalDate.EPOCH, null)))
                .isInstanceOf(ChormException.class).hasMessageContaining("Edge.code");
        assertThatThrownBy(() -> edges.create(new Edge(5, -1, Instant.EPOCH, LocalDate.EPOCH, null)))
                .isInstanceOf(ChormException.class).hasMessageContaining("Edge.code");
        assertThatThrownBy(() -> edges.create(new Edge(6, 1, null, LocalDate.EPOCH, null)))
                .isInstanceOf(ChormException.class).hasMessageContaining("Edge.at");
    }
}
