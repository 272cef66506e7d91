package com.example.billing;

import dev.chorm.model.Model;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.types.annotation.UInt32;

/** A payment of an invoice. */
@MergeTree(orderBy = "id")
public class Payment extends Model {
    @UInt32 public long cents;
}
