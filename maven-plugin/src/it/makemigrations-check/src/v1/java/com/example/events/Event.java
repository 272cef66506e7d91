package com.example.events;

import dev.chorm.model.Model;
import dev.chorm.model.Table;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.types.annotation.DateTime64;
import dev.chorm.types.annotation.UInt16;
import java.time.Instant;

/** An event, as first migrated. */
@Table(name = "event")
@MergeTree(orderBy = {"timestamp", "id"})
public class Event extends Model {
    @UInt16 public int port;
    @DateTime64(6) public Instant timestamp = Instant.now();
}
