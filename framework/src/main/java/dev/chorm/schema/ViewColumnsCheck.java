package dev.chorm.schema;

import dev.chorm.ModelDefinitionException;
import dev.chorm.model.TableSpec;
import dev.chorm.types.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Check a view's query against the live database before the view is created or its query changed: the
 * result columns of {@code DESCRIBE (query)} must be the view's columns by name and type, and each must
 * be a column of the same type of the view's {@code TO} table. ClickHouse itself accepts a mismatch and
 * fails (or drops the column) only when rows are inserted. This is how a view whose query is SQL text,
 * or uses a function the query compiler has no type for, is checked at all.
 */
final class ViewColumnsCheck {
    private final SqlExecutor executor;
    private final Introspector introspector;
    private final TableMapping mapping;

    ViewColumnsCheck(SqlExecutor executor, Introspector introspector, TableMapping mapping) {
        this.executor = executor;
        this.introspector = introspector;
        this.mapping = mapping;
    }

    /** Return whether the query's column of type {@code queryType} fills a column of type {@code columnType}. */
    private static boolean inserts(String queryType, String columnType) {
        return queryType.equals(columnType) || DataType.parse(queryType).insertsInto(DataType.parse(columnType));
    }

    /** Throw a {@link ModelDefinitionException} naming the view and each mismatch with its fix, if there is any. */
    void check(TableSpec view) {
        Map<String, String> query = new LinkedHashMap<>();
        executor.query(SystemQueries.describeQuery(view.view().query()))
                .forEach(r -> query.put(String.valueOf(r.get("name")), String.valueOf(r.get("type"))));
        List<String> problems = new ArrayList<>();
        Map<String, String> declared = new LinkedHashMap<>();
        view.columns().forEach(c -> declared.put(c.name(), c.type().sql()));
        query.forEach((name, type) -> {
            if (!declared.containsKey(name)) {
                problems.add("the query's column '%s' (%s) has no field; add one or leave it out of the query".formatted(name, type));
            } else if (!inserts(type, declared.get(name))) {
                problems.add("column '%s' is %s in the query but %s in the model; change the field's type or cast in the query"
                        .formatted(name, type, declared.get(name)));
            }
        });
        declared.keySet().stream().filter(n -> !query.containsKey(n)).forEach(n -> problems.add(
                "field column '%s' is not in the query's columns (%s); select it under that name or remove the field"
                        .formatted(n, String.join(", ", query.keySet()))));
        if (view.view().to() != null) {
            TableSpec target = introspector.introspect(mapping.mapReference(TableSpec.builder(view.view().to().name())
                    .database(view.view().to().database()).cluster(view.cluster()).build())).orElse(null);
            if (target == null) {
                problems.add("its TO table %s does not exist; create it first (a migration dependency)".formatted(view.view().to()));
            } else {
                query.forEach((name, type) -> {
                    String t = target.column(name).map(c -> c.type().sql()).orElse(null);
                    if (t == null) {
                        problems.add("column '%s' is not a column of the TO table %s, so ClickHouse would drop it; rename it (AS)"
                                .formatted(name, view.view().to()));
                    } else if (!inserts(type, t)) {
                        problems.add("column '%s' is %s in the query but %s in the TO table %s; make the types equal"
                                .formatted(name, type, t, view.view().to()));
                    }
                });
            }
        }
        if (!problems.isEmpty()) {
            throw new ModelDefinitionException("View %s: %s.".formatted(view.name(), String.join("; ", problems)));
        }
    }
}
