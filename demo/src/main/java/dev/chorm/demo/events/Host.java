package dev.chorm.demo.events;

import dev.chorm.model.Model;
import dev.chorm.model.Table;
import dev.chorm.model.engine.ReplacingMergeTree;
import dev.chorm.types.annotation.LowCardinality;
import dev.chorm.types.annotation.UInt32;
import java.time.Instant;

/**
 * What the inventory knows about a host. Each scan inserts a new row; ReplacingMergeTree keeps the
 * highest {@code version} per {@code ip} when it merges, and {@code FINAL} reads as if it had.
 */
@Table(name = "demo_host")
@ReplacingMergeTree(version = "version", orderBy = "ip")
public class Host extends Model {
    public String ip = "";
    public String name = "";
    @LowCardinality public String owner = "";
    @UInt32 public long version;
    public Instant seenAt = Instant.EPOCH;
}
