package dev.chorm.query.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clickhouse.data.ClickHouseFormat;
import dev.chorm.ChormException;
import dev.chorm.db.Database;
import dev.chorm.model.Check;
import dev.chorm.model.Table;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.types.annotation.FixedString;
import dev.chorm.types.annotation.LowCardinality;
import dev.chorm.types.annotation.Nullable;
import dev.chorm.types.annotation.UInt8;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * bulkCreate through the Native path against the real engine: binary-safe strings, LowCardinality
 * columns with more distinct values than a UInt8 index holds in every block and a new dictionary in
 * each block, nested nulls and empty containers; a fault in the middle of a block inserts nothing.
 */
class NativeInsertEngineTest {
    private static final int ROWS = 2_000;
    private static final int BLOCK = 500;
    private static Database db;

    record Pair(int a, @Nullable String b) { }

    @Table(name = "native_row")
    @MergeTree(orderBy = "id")
    static class NativeRow {
        public long id;
        public byte[] raw;
        public byte @FixedString(256) [] fixed; // on byte[] itself: "@FixedString byte[]" would annotate byte
        public String text = "";
        @LowCardinality public String city = "";
        @LowCardinality @Nullable public String lcNull;
        public List<@Nullable String> names = List.of();
        public List<@LowCardinality String> tags = List.of();
        public Map<String, @Nullable Long> counters = Map.of();
        public List<List<Integer>> nested = List.of();
        public Pair pair = new Pair(0, null);
        @Nullable public Integer maybe;
    }

    @Table(name = "fault_row")
    @MergeTree(orderBy = "id")
    @Check(name = "id_below_1500", expression = "id < 1500")
    static class FaultRow {
        public long id;
        @UInt8 public int small;
        @LowCardinality public String city = "";
        public List<@UInt8 Integer> smalls = List.of();
    }

    /** A record model whose accessor throws for one row: user code failing halfway through a block. */
    @Table(name = "fault_record")
    @MergeTree(orderBy = "id")
    record FaultRecord(long id, @LowCardinality String city, String label) {
        @Override
        public String label() {
            if (id == 250) {
                throw new IllegalStateException("no label for row 250");
            }
            return label;
        }
    }

    @BeforeAll
    static void open() {
        db = WriteTesting.open("native", Map.of(), NativeRow.class, FaultRow.class, FaultRecord.class,
                InsertPlanFormatTest.Stamped.class);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static NativeRow row(int i) {
        NativeRow r = new NativeRow();
        r.id = i;
        r.raw = new byte[256];
        for (int b = 0; b < 256; b++) {
            r.raw[b] = (byte) (b + i);
        }
        r.fixed = i % 2 == 0 ? r.raw.clone() : new byte[] {0, '\n', '\n', 0};
        r.text = switch (i % 4) {
            case 0 -> "\n\n";
            case 1 -> "\0";
            case 2 -> "";
            default -> "é😀 'x' " + i;
        };
        r.city = "city-" + (i % 700);
        r.lcNull = i % 3 == 0 ? null : "n" + (i % 5);
        r.names = i % 5 == 0 ? List.of() : Arrays.asList("a" + i, null, "");
        r.tags = i % 7 == 0 ? List.of() : List.of("t" + (i % 300), "u");
        Map<String, Long> counters = new LinkedHashMap<>();
        if (i % 2 == 1) {
            counters.put("k" + i, (long) -i);
            counters.put("none", null);
        }
        r.counters = counters;
        r.nested = i % 3 == 0 ? List.of(List.of(), List.of(i, Integer.MIN_VALUE)) : List.of();
        r.pair = new Pair(i, i % 2 == 0 ? null : "p" + i);
        r.maybe = i % 2 == 0 ? null : Integer.MAX_VALUE - i;
        return r;
    }

    @Test
    void insertsEveryValueInBlocksWithTheirOwnDictionaries() {
        assertThat(InsertPlan.of(NativeRow.class).format().name()).isEqualTo("Native");
        List<NativeRow> rows = IntStream.range(0, ROWS).mapToObj(NativeInsertEngineTest::row).toList();
        long n = ModelWriter.of(db, NativeRow.class).withBlockSize(BLOCK).bulkCreate(rows);
        assertThat(n).isEqualTo(ROWS);

        List<NativeRow> read = WriteTesting.readAll(db, NativeRow.class, "id");
        assertThat(read).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            NativeRow expected = rows.get(i);
            assertThat(read.get(i)).as("row %d", i).usingRecursiveComparison()
                    .ignoringFields("raw", "fixed").isEqualTo(expected);
        }
        // Bytes compared on the server: a JDBC String read is not binary safe, the insert must be.
        HexFormat hex = HexFormat.of().withUpperCase();
        List<Map<String, Object>> bytes = db.query("SELECT hex(raw) AS raw, hex(fixed) AS fixed FROM native_row"
                + " ORDER BY id");
        for (int i = 0; i < ROWS; i++) {
            byte[] fixed = Arrays.copyOf(rows.get(i).fixed, 256);
            assertThat(bytes.get(i)).as("row %d", i)
                    .containsEntry("raw", hex.formatHex(rows.get(i).raw))
                    .containsEntry("fixed", hex.formatHex(fixed));
        }
        assertThat(WriteTesting.number(db, "SELECT uniqExact(city) FROM native_row")).isEqualTo(700);
    }

    @Test
    void aValueThatCannotBeEncodedMidBlockInsertsNoRow() {
        List<FaultRow> rows = faultRows();
        rows.get(1_250).small = 300;
        assertThatThrownBy(() -> ModelWriter.of(db, FaultRow.class).withBlockSize(100).bulkCreate(rows))
                .isInstanceOf(ChormException.class)
                .hasMessage("Cannot insert row 1250 of the batch into `fault_row`: FaultRow.small: Cannot write 300"
                        + " (Integer) as UInt8: out of range 0..255.");
        assertThat(WriteTesting.number(db, "SELECT count() FROM fault_row")).isZero();
    }

    @Test
    void aServerErrorAfterSeveralBlocksInsertsNoRow() {
        List<FaultRow> rows = faultRows();
        assertThatThrownBy(() -> ModelWriter.of(db, FaultRow.class).withBlockSize(100).bulkCreate(rows))
                .isInstanceOf(ChormException.class)
                .hasMessageStartingWith("ClickHouse rejected the insert into `fault_row`: ")
                .hasMessageContaining("id_below_1500");
        assertThat(WriteTesting.number(db, "SELECT count() FROM fault_row")).isZero();
    }

    @Test
    void aContainerValueFailingInALaterBatchKeepsOnlyTheBatchesBefore() {
        db.execute("TRUNCATE TABLE fault_row");
        List<FaultRow> rows = faultRows();
        rows.get(1_250).smalls = List.of(1, 300); // the row's id, small and city are already in the block
        assertThatThrownBy(() -> ModelWriter.of(db, FaultRow.class).withBlockSize(100).bulkCreate(rows, 500))
                .isInstanceOf(ChormException.class)
                .hasMessage("Cannot insert row 1250 (row 250 of the batch from row 1000) into `fault_row`:"
                        + " FaultRow.smalls: Cannot write 300 (Integer) as UInt8: out of range 0..255.");
        // The two batches before were inserted whole; no row of the failed batch (nor of its blocks before
        // the failing one) reached the table.
        assertThat(WriteTesting.number(db, "SELECT count() FROM fault_row")).isEqualTo(1_000);
        assertThat(WriteTesting.number(db, "SELECT max(id) FROM fault_row")).isEqualTo(999);
        db.execute("TRUNCATE TABLE fault_row");
    }

    @Test
    void anAccessorThrowingMidBlockNamesTheRowAndInsertsNoRow() {
        assertThat(InsertPlan.of(FaultRecord.class).format()).isEqualTo(ClickHouseFormat.Native);
        List<FaultRecord> rows = IntStream.range(0, 400).mapToObj(i -> new FaultRecord(i, "c" + (i % 3), "l" + i))
                .toList();
        assertThatThrownBy(() -> ModelWriter.of(db, FaultRecord.class).withBlockSize(100).bulkCreate(rows))
                .isInstanceOf(ChormException.class)
                .hasMessage("Cannot insert row 250 of the batch into `fault_record`: FaultRecord.label: Cannot read"
                        + " label of " + FaultRecord.class.getName() + ": java.lang.IllegalStateException: no label"
                        + " for row 250")
                .hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(WriteTesting.number(db, "SELECT count() FROM fault_record")).isZero();
    }

    private static List<FaultRow> faultRows() {
        List<FaultRow> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            FaultRow r = new FaultRow();
            r.id = i;
            r.small = i % 256;
            r.city = "c" + (i % 400);
            rows.add(r);
        }
        return rows;
    }

    @Test
    void autoTimeFieldsTravelNativeWithTheStampedTimes() {
        assertThat(InsertPlan.of(InsertPlanFormatTest.Stamped.class).format()).isEqualTo(ClickHouseFormat.Native);
        List<InsertPlanFormatTest.Stamped> rows = IntStream.range(0, 3).mapToObj(i -> {
            InsertPlanFormatTest.Stamped s = new InsertPlanFormatTest.Stamped();
            s.name = "s" + i;
            s.createdAt = i == 0 ? Instant.parse("2020-01-02T03:04:05.123456Z") : null;  // kept when set
            return s;
        }).toList();
        db.objects(InsertPlanFormatTest.Stamped.class).bulkCreate(rows);
        List<InsertPlanFormatTest.Stamped> back = db.objects(InsertPlanFormatTest.Stamped.class).orderBy("name").fetch();
        assertThat(back).extracting(s -> s.name).containsExactly("s0", "s1", "s2");
        assertThat(back.get(0).createdAt).isEqualTo(Instant.parse("2020-01-02T03:04:05.123456Z"));
        for (int i = 0; i < 3; i++) {
            assertThat(back.get(i).createdAt).as("createdAt of s%d", i).isEqualTo(rows.get(i).createdAt).isNotNull();
            assertThat(back.get(i).updatedAt).as("updatedAt of s%d", i).isEqualTo(rows.get(i).updatedAt).isNotNull();
        }
    }
}
