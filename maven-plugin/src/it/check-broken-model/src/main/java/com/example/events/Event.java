package com.example.events;

import dev.chorm.model.Model;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.types.annotation.UInt16;

/** A broken model: @UInt16 on a String field. */
@MergeTree(orderBy = "id")
public class Event extends Model {
    @UInt16 public String port;
}
