package dev.chorm.schema;

import dev.chorm.model.engine.Distributed;
import dev.chorm.model.engine.ReplicatedCollapsingMergeTree;
import dev.chorm.model.engine.ReplicatedGraphiteMergeTree;
import dev.chorm.model.engine.ReplicatedReplacingMergeTree;
import dev.chorm.types.annotation.Int8;
import dev.chorm.types.annotation.UInt32;

/** Models whose engines need Keeper or a cluster, so they are asserted as text only. */
final class ReplicatedModels {
    private ReplicatedModels() {
    }

    @ReplicatedReplacingMergeTree(zooPath = "/clickhouse/tables/{uuid}/{shard}", replicaName = "{replica}",
            version = "ver", orderBy = "id")
    static class Replacing { public long id; @UInt32 public long ver; }

    @ReplicatedCollapsingMergeTree(sign = "sign", orderBy = "id")
    static class DefaultPath { public long id; @Int8 public byte sign; }

    @ReplicatedGraphiteMergeTree(zooPath = "/clickhouse/tables/{uuid}/{shard}", replicaName = "{replica}",
            configSection = "graphite_rollup", orderBy = "id")
    static class Graphite { public long id; }

    @Distributed(cluster = "cluster", database = "logs", table = "hits", shardingKey = "cityHash64(id)", policy = "fast")
    static class Sharded { public long id; }
}
