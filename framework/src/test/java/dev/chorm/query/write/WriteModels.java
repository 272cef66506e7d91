package dev.chorm.query.write;

import dev.chorm.model.Alias;
import dev.chorm.model.AutoNow;
import dev.chorm.model.AutoNowAdd;
import dev.chorm.model.Default;
import dev.chorm.model.Materialized;
import dev.chorm.model.Model;
import dev.chorm.model.engine.Setting;
import dev.chorm.model.Table;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.types.annotation.Decimal;
import dev.chorm.types.annotation.LowCardinality;
import dev.chorm.types.annotation.Nullable;
import dev.chorm.types.annotation.UInt16;
import dev.chorm.types.annotation.UInt32;
import dev.chorm.types.annotation.UInt64;
import java.math.BigDecimal;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Models the write tests insert, update and delete. */
final class WriteModels {
    private WriteModels() {
    }

    /** A kind of reading. */
    enum Kind { LOW, HIGH, UNKNOWN }

    /** A POJO model with a Snowflake id, the common types, and server-computed columns. */
    @Table(name = "reading")
    @MergeTree(orderBy = {"sensor", "id"}, partitionBy = "toYYYYMM(day)")
    static class Reading extends Model {
        public String sensor = "";
        @UInt16 public int port;
        public long total;
        public double ratio;
        public boolean active;
        public Instant at = Instant.parse("2024-01-02T03:04:05.123456Z");
        public LocalDate day = LocalDate.of(2024, 1, 2);
        public UUID uuid = new UUID(1, 2);
        @Decimal(precision = 18, scale = 4) public BigDecimal amount = BigDecimal.ZERO.setScale(4);
        public List<String> tags = List.of();
        public Map<String, Long> counters = Map.of();
        @Nullable public String note;
        public Kind kind = Kind.LOW;
        public Inet4Address ipv4;
        public Inet6Address ipv6;
        @LowCardinality public String city = "";
        @Default("'fallback'") public String withDefault;
        @Materialized("length(sensor)") @UInt64 public long sensorLength;
        @Alias("upper(sensor)") public String sensorUpper;
        @AutoNowAdd public Instant createdAt;
        @AutoNow public Instant updatedAt;
    }

    /** A point, stored as a named Tuple. */
    record Point(int x, String label) { }

    /** A record model without a synthetic id; its key is {@code key}. */
    @Table(name = "measurement")
    @MergeTree(orderBy = "key")
    record Measurement(String key, int value, @Nullable Double score, List<Integer> xs, Instant at, Point point,
                       @AutoNowAdd Instant createdAt) { }

    /** A plain model for large and fuzz inserts: a number and a text. */
    @Table(name = "note")
    @MergeTree(orderBy = "id")
    static class Note {
        public long id;
        public String text = "";

        Note() {
        }

        Note(long id, String text) {
            this.id = id;
            this.text = text;
        }
    }

    /** A model whose columns take the direct encoding paths, to check them at their edges. */
    @Table(name = "edge")
    @MergeTree(orderBy = "n")
    static class Edge {
        public int n;
        @UInt32 public long code;
        public short s;
        public byte b;
        public float f;
        public Instant at = Instant.EPOCH;
        public LocalDate day = LocalDate.EPOCH;
        @Nullable public String text;

        Edge() {
        }

        Edge(int n, long code, Instant at, LocalDate day, String text) {
            this.n = n;
            this.code = code;
            this.s = (short) -n;
            this.b = (byte) n;
            this.f = n / 4f;
            this.at = at;
            this.day = day;
            this.text = text;
        }
    }

    /** A model whose table supports lightweight updates. */
    @Table(name = "patched")
    @MergeTree(orderBy = "id", settings = {@Setting(name = "enable_block_number_column", value = "1"),
            @Setting(name = "enable_block_offset_column", value = "1")})
    static class Patched extends Model {
        public String text = "";
        public int n;
    }

    /** A Distributed model whose local table lives in a named database, on a cluster whose name needs quoting. */
    @dev.chorm.model.Table(name = "shard_view")
    @dev.chorm.model.engine.Distributed(cluster = "two shards", database = "shards", table = "local_view")
    static class ShardView extends Model {
        public String name = "";
    }
}
