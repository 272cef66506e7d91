package dev.chorm.query;

import dev.chorm.query.expr.Expression;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every aggregate over the Hit model, shared by the SQL and engine tests. */
final class AggregateCases {
    private AggregateCases() {
    }

    static Map<String, Expression> all() {
        Map<String, Expression> m = new LinkedHashMap<>();
        m.put("count", Count.all());
        m.put("countField", Count.of("note"));
        m.put("distinct", Count.distinct("protocol"));
        m.put("sum", Sum.of("bytes"));
        m.put("avg", Avg.of("port"));
        m.put("min", Min.of("port"));
        m.put("max", Max.of("port"));
        m.put("stddev", StdDev.of("port"));
        m.put("stddevSample", StdDev.sample("port"));
        m.put("variance", Variance.of("port"));
        m.put("varianceSample", Variance.sample("port"));
        m.put("uniq", Aggregate.uniq("ip"));
        m.put("uniqExact", Aggregate.uniqExact("ip"));
        m.put("uniqCombined", Aggregate.uniqCombined("ip"));
        m.put("anyLast", Aggregate.anyLast("protocol"));
        m.put("argMin", Aggregate.argMin("protocol", "timestamp"));
        m.put("argMax", Aggregate.argMax("protocol", "timestamp"));
        m.put("quantile", Aggregate.quantile(0.9, "bytes"));
        m.put("quantiles", Aggregate.quantiles(List.of(0.5, 0.9), "bytes"));
        m.put("groupArray", Aggregate.groupArray("port"));
        m.put("topK", Aggregate.topK(2, "protocol"));
        m.put("sumIf", Sum.of("bytes").filter("protocol", "TCP"));
        m.put("countIf", Count.all().filter("port__gt", 1024));
        m.put("avgDefault", Avg.of("port").defaultValue(2.5));
        return m;
    }
}
