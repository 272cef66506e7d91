package dev.chorm.schema;

import dev.chorm.model.Alias;
import dev.chorm.model.Assume;
import dev.chorm.model.AutoNow;
import dev.chorm.model.Check;
import dev.chorm.model.Codec;
import dev.chorm.model.Comment;
import dev.chorm.model.Default;
import dev.chorm.model.Ephemeral;
import dev.chorm.model.Index;
import dev.chorm.model.Materialized;
import dev.chorm.model.Projection;
import dev.chorm.model.engine.Setting;
import dev.chorm.model.Table;
import dev.chorm.model.Ttl;
import dev.chorm.model.engine.AggregatingMergeTree;
import dev.chorm.model.engine.Buffer;
import dev.chorm.model.engine.CollapsingMergeTree;
import dev.chorm.model.engine.Log;
import dev.chorm.model.engine.Memory;
import dev.chorm.model.engine.Merge;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.model.engine.Null;
import dev.chorm.model.engine.ReplacingMergeTree;
import dev.chorm.model.engine.StripeLog;
import dev.chorm.model.engine.SummingMergeTree;
import dev.chorm.model.engine.TinyLog;
import dev.chorm.model.engine.VersionedCollapsingMergeTree;
import dev.chorm.types.annotation.Int8;
import dev.chorm.types.annotation.UInt32;
import dev.chorm.types.annotation.UInt8;
import java.time.Instant;
import java.time.LocalDate;

/** Models covering every engine, clause, index type, constraint kind and column option the embedded engine runs. */
final class EngineModels {
    private EngineModels() {
    }

    @Table(comment = "every column option")
    @MergeTree(orderBy = {"day", "id"}, partitionBy = "toYYYYMM(day)", primaryKey = "day",
            ttl = {"day + INTERVAL 1 YEAR", "day + INTERVAL 30 DAY DELETE WHERE id = 0"},
            settings = {@Setting(name = "index_granularity", value = "1024"),
                    @Setting(name = "merge_with_ttl_timeout", value = "3600")})
    @Index(name = "name_set", expression = "name", type = "set(100)", granularity = 2)
    @Index(name = "name_bloom", expression = "lower(name)", type = "bloom_filter(0.01)", granularity = 1)
    @Index(name = "name_ngram", expression = "name", type = "ngrambf_v1(3, 256, 2, 0)", granularity = 1)
    @Index(name = "name_token", expression = "name", type = "tokenbf_v1(256, 2, 0)", granularity = 1)
    @Index(name = "id_minmax", expression = "id", type = "minmax", granularity = 1)
    @Check(name = "id_positive", expression = "id >= 0 AND id < 1000000")
    @Assume(name = "name_short", expression = "length(name) < 100")
    @Projection(name = "by_name", query = "SELECT name, count() GROUP BY name")
    static class Options {
        public long id;
        public LocalDate day;
        @Comment("the user's name") @Codec("ZSTD(3)") public String name;
        @Default("'unknown'") public String source;
        @Materialized("toYear(day)") @UInt32 public long year;
        @Alias("concat(name, '!')") public String shout;
        @Ephemeral("''") public String raw;
        @Ttl("day + INTERVAL 7 DAY") public String temporary;
        @Codec("Delta(8), ZSTD(1)") public long counter;
        @AutoNow public Instant updatedAt;
    }

    @ReplacingMergeTree(version = "ver", isDeleted = "deleted", orderBy = "id")
    static class Replacing { public long id; @UInt32 public long ver; @UInt8 public int deleted; }

    @SummingMergeTree(columns = {"total"}, orderBy = "id")
    static class Summing { public long id; public long total; }

    @AggregatingMergeTree(orderBy = "id")
    static class Aggregating { public long id; }

    @CollapsingMergeTree(sign = "sign", orderBy = "id")
    static class Collapsing { public long id; @Int8 public byte sign; }

    @VersionedCollapsingMergeTree(sign = "sign", version = "ver", orderBy = "id")
    static class VersionedCollapsing { public long id; @Int8 public byte sign; @UInt32 public long ver; }

    @MergeTree(orderBy = {"id", "intHash32(id)"}, sampleBy = "intHash32(id)")
    static class Sampled { public long id; }

    @Memory
    static class InMemory { public long id; }

    @Log
    static class LogTable { public long id; }

    @TinyLog
    static class TinyLogTable { public long id; }

    @StripeLog
    static class StripeLogTable { public long id; }

    @Null
    static class NullTable { public long id; }

    @Buffer(table = "in_memory")
    static class Buffered { public long id; }

    @Merge(regexp = "^in_mem")
    static class Merged { public long id; }
}
