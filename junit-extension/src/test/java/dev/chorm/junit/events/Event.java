package dev.chorm.junit.events;

import dev.chorm.model.Index;
import dev.chorm.model.Model;
import dev.chorm.model.Table;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.types.annotation.IPv6;
import dev.chorm.types.annotation.LowCardinality;
import dev.chorm.types.annotation.Nullable;
import dev.chorm.types.annotation.UInt16;
import java.time.Instant;

/** The reference backend's Event model, as the extension's tests use it. */
@Table(name = "event")
@MergeTree(orderBy = {"timestamp", "id"}, partitionBy = "toYYYYMMDD(timestamp)")
@Index(name = "ip_set_idx", expression = "ip", type = "set(1000)", granularity = 4)
public class Event extends Model {
    /** What happened to the packet. */
    public enum Action { PASS, DROP, ALERT }

    @IPv6 public String ip = "::";
    @Nullable @IPv6 public String ipNullable;
    @UInt16 public int port;
    @LowCardinality public String protocol = "";
    public String content = "";
    public Instant timestamp = Instant.parse("2026-01-01T00:00:00Z");
    public Action action = Action.PASS;
}
