package com.example.reports;

import com.example.raw.PageView;
import dev.chorm.model.MaterializedView;
import dev.chorm.model.ViewQuery;
import dev.chorm.query.Aggregate;
import dev.chorm.query.Count;
import dev.chorm.query.Func;
import dev.chorm.query.QuerySet;
import java.util.List;

/** Turns each block inserted into raw's PageView into per-minute states of PageMinute, leaving out health checks. */
@MaterializedView(to = PageMinute.class)
public class PageMinuteMv extends PageMinute {
    @ViewQuery
    static QuerySet<?> query() {
        return QuerySet.of(PageView.class).exclude("page", "/health")
                .annotate("minute", Func.toStartOfMinute("ts")).values("minute", "page")
                .annotate("visitors", Aggregate.uniq("userId").state())
                .annotate("latency", Aggregate.quantiles(List.of(0.5, 0.9), "latencyMs").state())
                .annotate("hits", Count.all());
    }
}
