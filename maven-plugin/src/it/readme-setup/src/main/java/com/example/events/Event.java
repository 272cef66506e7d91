package com.example.events;

import dev.chorm.model.AutoNowAdd;
import dev.chorm.model.Check;
import dev.chorm.model.Index;
import dev.chorm.model.Model;
import dev.chorm.model.engine.Setting;
import dev.chorm.model.Table;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.types.annotation.DateTime64;
import dev.chorm.types.annotation.GenericIP;
import dev.chorm.types.annotation.IPv4;
import dev.chorm.types.annotation.Json;
import dev.chorm.types.annotation.LowCardinality;
import dev.chorm.types.annotation.Nullable;
import dev.chorm.types.annotation.UInt16;
import java.time.Instant;
import java.util.Map;

/** The reference README's Event model. */
@Table(name = "event")
@MergeTree(primaryKey = "timestamp", orderBy = {"timestamp", "id"}, partitionBy = "toYYYYMMDD(timestamp)",
        settings = {@Setting(name = "index_granularity", value = "1024"),
                @Setting(name = "index_granularity_bytes", value = "1048576"),
                @Setting(name = "enable_mixed_granularity_parts", value = "1")})
@Index(name = "ip_set_idx", expression = "ip", type = "set(1000)", granularity = 4)
@Index(name = "ipv4_bloom_idx", expression = "ipv4", type = "bloom_filter(0.001)", granularity = 1)
@Check(name = "port_range", expression = "port >= 0 AND port <= 65535")
public class Event extends Model {
    /** What the firewall did. */
    public enum Action { PASS, DROP, ALERT }

    @GenericIP public String ip = "::";
    @IPv4 public String ipv4 = "127.0.0.1";
    @GenericIP @Nullable public String ipNullable;
    @UInt16 public int port;
    @LowCardinality public String protocol = "";
    @Json public Map<String, Object> content = Map.of();
    @DateTime64(6) public Instant timestamp = Instant.now();
    @AutoNowAdd @DateTime64(6) public Instant createdAt;
    public Action action = Action.PASS;
}
