package com.example.billing;

import dev.chorm.model.Model;
import dev.chorm.model.engine.MergeTree;

/** An invoice: the billing app has several models, like most real apps. */
@MergeTree(orderBy = "id")
public class Invoice extends Model {
    public String number = "";
}
