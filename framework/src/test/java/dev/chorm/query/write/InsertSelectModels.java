package dev.chorm.query.write;

import dev.chorm.model.Materialized;
import dev.chorm.model.Model;
import dev.chorm.model.Table;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.types.annotation.LowCardinality;
import dev.chorm.types.annotation.UInt64;

/** Target models of the INSERT ... SELECT tests, filled from the Hit fixture. */
final class InsertSelectModels {
    private InsertSelectModels() {
    }

    /** Bytes per protocol, with a column ClickHouse computes. */
    @Table(name = "protocol_totals")
    @MergeTree(orderBy = "protocol")
    public static class ProtocolTotals {
        @LowCardinality public String protocol = "";
        public long totalBytes;
        @UInt64 public long hits;
        @Materialized("length(protocol)") @UInt64 public long protocolLength;
    }

    /** A copy of some Hit columns, with a Snowflake id. */
    @Table(name = "hit_copy")
    @MergeTree(orderBy = "id")
    public static class HitCopy extends Model {
        public String protocol = "";
        public long bytes;
    }
}
