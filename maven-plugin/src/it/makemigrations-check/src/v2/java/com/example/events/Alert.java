package com.example.events;

import dev.chorm.model.Model;
import dev.chorm.model.engine.MergeTree;

/** A model added after the first migration. */
@MergeTree(orderBy = "id")
public class Alert extends Model {
    public String message = "";
}
