package com.example.raw;

import dev.chorm.model.Default;
import dev.chorm.model.engine.ReplacingMergeTree;
import dev.chorm.types.annotation.LowCardinality;
import dev.chorm.types.annotation.UInt16;

/** A web server that serves pages; no view reads it (an app's table beside the ones views use). */
@ReplacingMergeTree(orderBy = "name")
public class Host {
    public String name = "";
    @LowCardinality public String datacenter = "";
    @UInt16 @Default("443") public int port = 443;
}
