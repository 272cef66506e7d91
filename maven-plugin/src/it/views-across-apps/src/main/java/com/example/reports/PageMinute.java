package com.example.reports;

import dev.chorm.model.engine.AggregatingMergeTree;
import dev.chorm.types.annotation.AggregateFunction;
import dev.chorm.types.annotation.DateTime;
import dev.chorm.types.annotation.SimpleAggregateFunction;
import dev.chorm.types.annotation.UInt64;
import java.time.Instant;
import java.util.List;

/** Page views per minute and page, as aggregation states that PageMinuteMv writes and queries merge. */
@AggregatingMergeTree(orderBy = {"minute", "page"})
public class PageMinute {
    @DateTime public Instant minute;
    public String page;
    @AggregateFunction(function = "uniq", args = "UInt64") public long visitors;
    @AggregateFunction(function = "quantiles(0.5, 0.9)", args = "UInt32") public List<Double> latency;
    @SimpleAggregateFunction("sum") @UInt64 public long hits;
}
