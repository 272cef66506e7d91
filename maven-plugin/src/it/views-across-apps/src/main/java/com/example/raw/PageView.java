package com.example.raw;

import dev.chorm.model.engine.MergeTree;
import dev.chorm.types.annotation.DateTime64;
import dev.chorm.types.annotation.LowCardinality;
import dev.chorm.types.annotation.UInt32;
import dev.chorm.types.annotation.UInt64;
import java.time.Instant;

/** One page served: the raw events that the reports app rolls up and looks countries up for. */
@MergeTree(orderBy = {"page", "ts"}, partitionBy = "toYYYYMM(ts)")
public record PageView(@DateTime64(3) Instant ts, @LowCardinality String page, @UInt64 long userId,
        @UInt64 long countryId, @UInt32 long latencyMs) {
}
