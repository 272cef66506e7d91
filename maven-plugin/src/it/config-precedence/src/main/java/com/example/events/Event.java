package com.example.events;

import dev.chorm.model.Model;
import dev.chorm.model.engine.MergeTree;

/** A model to migrate. */
@MergeTree(orderBy = "id")
public class Event extends Model {
    public String message = "";
}
