package dev.chorm.junit.bench;

import dev.chorm.model.Model;
import dev.chorm.model.Table;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.types.annotation.LowCardinality;
import dev.chorm.types.annotation.Nullable;
import java.time.Instant;

/** Twenty models of six columns each, partitioned and sorted like real tables: the benchmark's project. */
public final class BenchModels {
    private BenchModels() {
    }

    /** Bench model 1. */
    @Table(name = "bench_01")
    @MergeTree(orderBy = {"created", "id"}, partitionBy = "toYYYYMM(created)")
    public static class M01 extends Model {
        public String name = "";
        @LowCardinality public String kind = "";
        public int amount;
        public double ratio;
        @Nullable public String note;
        public Instant created = Instant.EPOCH;
    }

    /** Bench model 2. */
    @Table(name = "bench_02")
    @MergeTree(orderBy = {"created", "id"}, partitionBy = "toYYYYMM(created)")
    public static class M02 extends Model {
        public String name = "";
        @LowCardinality public String kind = "";
        public int amount;
        public double ratio;
        @Nullable public String note;
        public Instant created = Instant.EPOCH;
    }

    /** Bench model 3. */
    @Table(name = "bench_03")
    @MergeTree(orderBy = {"created", "id"}, partitionBy = "toYYYYMM(created)")
    public static class M03 extends Model {
        public String name = "";
        @LowCardinality public String kind = "";
        public int amount;
        public double ratio;
        @Nullable public String note;
        public Instant created = Instant.EPOCH;
    }

    /** Bench model 4. */
    @Table(name = "bench_04")
    @MergeTree(orderBy = {"created", "id"}, partitionBy = "toYYYYMM(created)")
    public static class M04 extends Model {
        public String name = "";
        @LowCardinality public String kind = "";
        public int amount;
        public double ratio;
        @Nullable public String note;
        public Instant created = Instant.EPOCH;
    }

    /** Bench model 5. */
    @Table(name = "bench_05")
    @MergeTree(orderBy = {"created", "id"}, partitionBy = "toYYYYMM(created)")
    public static class M05 extends Model {
        public String name = "";
        @LowCardinality public String kind = "";
        public int amount;
        public double ratio;
        @Nullable public String note;
        public Instant created = Instant.EPOCH;
    }

    /** Bench model 6. */
    @Table(name = "bench_06")
    @MergeTree(orderBy = {"created", "id"}, partitionBy = "toYYYYMM(created)")
    public static class M06 extends Model {
        public String name = "";
        @LowCardinality public String kind = "";
        public int amount;
        public double ratio;
        @Nullable public String note;
        public Instant created = Instant.EPOCH;
    }

    /** Bench model 7. */
    @Table(name = "bench_07")
    @MergeTree(orderBy = {"created", "id"}, partitionBy = "toYYYYMM(created)")
    public static class M07 extends Model {
        public String name = "";
        @LowCardinality public String kind = "";
        public int amount;
        public double ratio;
        @Nullable public String note;
        public Instant created = Instant.EPOCH;
    }

    /** Bench model 8. */
    @Table(name = "bench_08")
    @MergeTree(orderBy = {"created", "id"}, partitionBy = "toYYYYMM(created)")
    public static class M08 extends Model {
        public String name = "";
        @LowCardinality public String kind = "";
        public int amount;
        public double ratio;
        @Nullable public String note;
        public Instant created = Instant.EPOCH;
    }

    /** Bench model 9. */
    @Table(name = "bench_09")
    @MergeTree(orderBy = {"created", "id"}, partitionBy = "toYYYYMM(created)")
    public static class M09 extends Model {
        public String name = "";
        @LowCardinality public String kind = "";
        public int amount;
        public double ratio;
        @Nullable public String note;
        public Instant created = Instant.EPOCH;
    }

    /** Bench model 10. */
    @Table(name = "bench_10")
    @MergeTree(orderBy = {"created", "id"}, partitionBy = "toYYYYMM(created)")
    public static class M10 extends Model {
        public String name = "";
        @LowCardinality public String kind = "";
        public int amount;
        public double ratio;
        @Nullable public String note;
        public Instant created = Instant.EPOCH;
    }

    /** Bench model 11. */
    @Table(name = "bench_11")
    @MergeTree(orderBy = {"created", "id"}, partitionBy = "toYYYYMM(created)")
    public static class M11 extends Model {
        public String name = "";
        @LowCardinality public String kind = "";
        public int amount;
        public double ratio;
        @Nullable public String note;
        public Instant created = Instant.EPOCH;
    }

    /** Bench model 12. */
    @Table(name = "bench_12")
    @MergeTree(orderBy = {"created", "id"}, partitionBy = "toYYYYMM(created)")
    public static class M12 extends Model {
        public String name = "";
        @LowCardinality public String kind = "";
        public int amount;
        public double ratio;
        @Nullable public String note;
        public Instant created = Instant.EPOCH;
    }

    /** Bench model 13. */
    @Table(name = "bench_13")
    @MergeTree(orderBy = {"created", "id"}, partitionBy = "toYYYYMM(created)")
    public static class M13 extends Model {
        public String name = "";
        @LowCardinality public String kind = "";
        public int amount;
        public double ratio;
        @Nullable public String note;
        public Instant created = Instant.EPOCH;
    }

    /** Bench model 14. */
    @Table(name = "bench_14")
    @MergeTree(orderBy = {"created", "id"}, partitionBy = "toYYYYMM(created)")
    public static class M14 extends Model {
        public String name = "";
        @LowCardinality public String kind = "";
        public int amount;
        public double ratio;
        @Nullable public String note;
        public Instant created = Instant.EPOCH;
    }

    /** Bench model 15. */
    @Table(name = "bench_15")
    @MergeTree(orderBy = {"created", "id"}, partitionBy = "toYYYYMM(created)")
    public static class M15 extends Model {
        public String name = "";
        @LowCardinality public String kind = "";
        public int amount;
        public double ratio;
        @Nullable public String note;
        public Instant created = Instant.EPOCH;
    }

    /** Bench model 16. */
    @Table(name = "bench_16")
    @MergeTree(orderBy = {"created", "id"}, partitionBy = "toYYYYMM(created)")
    public static class M16 extends Model {
        public String name = "";
        @LowCardinality public String kind = "";
        public int amount;
        public double ratio;
        @Nullable public String note;
        public Instant created = Instant.EPOCH;
    }

    /** Bench model 17. */
    @Table(name = "bench_17")
    @MergeTree(orderBy = {"created", "id"}, partitionBy = "toYYYYMM(created)")
    public static class M17 extends Model {
        public String name = "";
        @LowCardinality public String kind = "";
        public int amount;
        public double ratio;
        @Nullable public String note;
        public Instant created = Instant.EPOCH;
    }

    /** Bench model 18. */
    @Table(name = "bench_18")
    @MergeTree(orderBy = {"created", "id"}, partitionBy = "toYYYYMM(created)")
    public static class M18 extends Model {
        public String name = "";
        @LowCardinality public String kind = "";
        public int amount;
        public double ratio;
        @Nullable public String note;
        public Instant created = Instant.EPOCH;
    }

    /** Bench model 19. */
    @Table(name = "bench_19")
    @MergeTree(orderBy = {"created", "id"}, partitionBy = "toYYYYMM(created)")
    public static class M19 extends Model {
        public String name = "";
        @LowCardinality public String kind = "";
        public int amount;
        public double ratio;
        @Nullable public String note;
        public Instant created = Instant.EPOCH;
    }

    /** Bench model 20. */
    @Table(name = "bench_20")
    @MergeTree(orderBy = {"created", "id"}, partitionBy = "toYYYYMM(created)")
    public static class M20 extends Model {
        public String name = "";
        @LowCardinality public String kind = "";
        public int amount;
        public double ratio;
        @Nullable public String note;
        public Instant created = Instant.EPOCH;
    }
}
