package com.example.events;

import dev.chorm.model.Model;
import dev.chorm.model.engine.MergeTree;

/** A host that sends events: the events app has several models. */
@MergeTree(orderBy = "id")
public class Host extends Model {
    public String name = "";
}
