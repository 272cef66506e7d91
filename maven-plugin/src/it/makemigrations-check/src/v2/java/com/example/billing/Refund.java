package com.example.billing;

import dev.chorm.model.Model;
import dev.chorm.model.engine.MergeTree;

/** A refund of a payment. */
@MergeTree(orderBy = "id")
public class Refund extends Model {
    public String reason = "";
}
