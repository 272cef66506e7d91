package dev.chorm.demo.events;

import dev.chorm.model.AutoNowAdd;
import dev.chorm.model.Check;
import dev.chorm.model.Index;
import dev.chorm.model.Model;
import dev.chorm.model.Table;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.types.annotation.DateTime64;
import dev.chorm.types.annotation.LowCardinality;
import dev.chorm.types.annotation.UInt16;
import dev.chorm.types.annotation.UInt32;
import java.time.Instant;

/** A firewall event, the reference backend's README model in Java (trimmed). */
@Table(name = "demo_event")
@MergeTree(orderBy = {"timestamp", "id"}, partitionBy = "toYYYYMM(timestamp)")
@Index(name = "port_minmax_idx", expression = "port", type = "minmax", granularity = 4)
@Check(name = "port_range", expression = "port >= 0 AND port <= 65535")
public class Event extends Model {
    /** What the firewall did. */
    public enum Action { PASS, DROP, ALERT }

    public String ip = "::";
    @UInt16 public int port;
    @LowCardinality public String protocol = "";
    @DateTime64(3) public Instant timestamp = Instant.now();
    @AutoNowAdd @DateTime64(3) public Instant createdAt;
    public Action action = Action.PASS;
    /** Bytes transferred; added by migration 0002. */
    @UInt32 public long bytes;
}
