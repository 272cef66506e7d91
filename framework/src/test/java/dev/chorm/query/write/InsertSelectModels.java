package dev.chorm.query.write;

import dev.chorm.model.Materialized;
import dev.chorm.model.Model;
import dev.chorm.model.Table;
import dev.chorm.model.engine.AggregatingMergeTree;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.types.annotation.AggregateFunction;
import dev.chorm.types.annotation.LowCardinality;
import dev.chorm.types.annotation.UInt64;
import java.util.List;

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

    /** States per protocol, and one plain column. */
    @Table(name = "protocol_states")
    @AggregatingMergeTree(orderBy = "protocol")
    public static class ProtocolStates {
        @LowCardinality public String protocol = "";
        @AggregateFunction(function = "sum", args = "Int64") public long bytes;
        @AggregateFunction(function = "count") public long hits;
        @UInt64 public long plain;
        @AggregateFunction(function = "argMax", args = {"String", "DateTime64(6)"}) public String lastIp;
    }

    /** A copy of some Hit columns, with a Snowflake id. */
    @Table(name = "hit_copy")
    @MergeTree(orderBy = "id")
    public static class HitCopy extends Model {
        public String protocol = "";
        public long bytes;
    }

    /** Tag lists whose elements are LowCardinality, as a source of states over them. */
    @Table(name = "tagged")
    @MergeTree(orderBy = "page")
    public static class Tagged {
        public String page = "";
        public List<@LowCardinality String> tags = List.of();
    }

    /** The distinct tag lists per page, a state over Array(String): the engine drops the LowCardinality. */
    @Table(name = "tag_states")
    @AggregatingMergeTree(orderBy = "page")
    public static class TagStates {
        public String page = "";
        @AggregateFunction(function = "uniqExact", args = "Array(String)") public long tagSets;
    }
}
