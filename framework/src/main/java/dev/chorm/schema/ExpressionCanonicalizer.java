package dev.chorm.schema;

import static dev.chorm.sql.SqlLiterals.quoteString;

import dev.chorm.model.ColumnSpec;
import dev.chorm.model.ConstraintSpec;
import dev.chorm.model.DictionarySpec;
import dev.chorm.model.EngineSpec;
import dev.chorm.model.IndexSpec;
import dev.chorm.model.ProjectionSpec;
import dev.chorm.model.TableSpec;
import dev.chorm.schema.internal.CreateViewParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Format every expression of a {@link TableSpec} with the engine's {@code formatQuerySingleLine},
 * in one round trip, so that a model's spec compares equal to its introspected table.
 */
final class ExpressionCanonicalizer {
    private static final String SELECT = "SELECT ";
    private static final String TTL_PREFIX = "ALTER TABLE t (MODIFY TTL ";

    private final SqlExecutor executor;
    private final List<String> queries = new ArrayList<>();

    ExpressionCanonicalizer(SqlExecutor executor) {
        this.executor = executor;
    }

    TableSpec canonicalize(TableSpec t) {
        // First pass registers every expression; the second reads the formatted results back in the same order.
        build(t, this::register);
        List<String> formatted = formatAll();
        int[] next = {0};
        return build(t, q -> formatted.get(next[0]++));
    }

    private String register(String query) {
        queries.add(query);
        return query;
    }

    private TableSpec build(TableSpec t, Function<String, String> f) {
        TableSpec.Builder b = t.toBuilder();
        List<ColumnSpec> columns = new ArrayList<>();
        for (ColumnSpec c : t.columns()) {
            columns.add(c.toBuilder().defaultExpression(c.defaultKind(), expression(c.defaultExpression(), f))
                    .ttl(ttl(c.ttl(), f)).build());
        }
        b.columns(columns).orderBy(t.orderBy().stream().map(e -> expression(e, f)).toList())
                .partitionBy(expression(t.partitionBy(), f))
                .primaryKey(t.primaryKey().stream().map(e -> expression(e, f)).toList())
                .sampleBy(expression(t.sampleBy(), f))
                .ttl(t.ttl().stream().map(e -> ttl(e, f)).toList())
                .indexes(t.indexes().stream().map(i -> IndexSpec.of(i.name(), expression(i.expression(), f), i.type(),
                        i.granularity())).toList())
                .constraints(t.constraints().stream().map(c -> new ConstraintSpec(c.name(), c.kind(),
                        expression(c.expression(), f))).toList())
                .projections(t.projections().stream().map(p -> ProjectionSpec.of(p.name(), query(p.query(), f)))
                        .toList())
                .engine(engine(t.engine(), f));
        if (t.isDictionary()) {
            DictionarySpec d = t.dictionary();
            Map<String, String> expressions = new java.util.LinkedHashMap<>();
            d.expressions().forEach((name, e) -> expressions.put(name, expression(e, f)));
            b.dictionary(d.withExpressions(expressions));
        }
        if (t.view() != null) {
            // as the introspector reads as_select back: without the current database's qualification, which
            // ClickHouse adds to bare names, so a query that writes it out itself compares equal too
            String query = query(t.view().query(), f);
            b.view(t.view().withQuery(query.isEmpty() ? query : CreateViewParser.unqualify(query, f.apply("C:"))));
        }
        return b.build();
    }

    private static EngineSpec engine(EngineSpec e, Function<String, String> f) {
        List<String> args = e.arguments().stream()
                .map(a -> a.equals("currentDatabase()") ? f.apply("D:") : a).toList();
        return new EngineSpec(e.name(), args);
    }

    private static String expression(String e, Function<String, String> f) {
        return e.isEmpty() ? e : f.apply("E:" + e);
    }

    private static String query(String q, Function<String, String> f) {
        return q.isEmpty() ? q : f.apply("Q:" + q);
    }

    private static String ttl(String e, Function<String, String> f) {
        return e.isEmpty() ? e : f.apply("T:" + e);
    }

    /**
     * Return the text the server formats for one tagged item (E expression, Q query, T TTL rule), or null for the
     * current database (D quoted as a string literal, C as it is).
     */
    private static String formatted(String tagged) {
        String body = tagged.substring(2);
        return switch (tagged.charAt(0)) {
            case 'E' -> SELECT + body;
            case 'Q' -> body;
            case 'T' -> "ALTER TABLE t MODIFY TTL " + body;
            default -> null;
        };
    }

    private List<String> formatAll() {
        if (queries.isEmpty()) {
            return List.of();
        }
        Map<String, Object> row = executor.query(SystemQueries.formatSingleLine(
                queries.stream().map(ExpressionCanonicalizer::formatted).toList())).get(0);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            out.add(strip(queries.get(i).charAt(0), String.valueOf(row.get(SystemQueries.formattedColumn(i)))));
        }
        return out;
    }

    private static String strip(char tag, String formatted) {
        return switch (tag) {
            case 'E' -> formatted.startsWith(SELECT) ? formatted.substring(SELECT.length()) : formatted;
            case 'T' -> formatted.startsWith(TTL_PREFIX) && formatted.endsWith(")")
                    ? formatted.substring(TTL_PREFIX.length(), formatted.length() - 1) : formatted;
            case 'D' -> quoteString(formatted);
            default -> formatted;
        };
    }
}
