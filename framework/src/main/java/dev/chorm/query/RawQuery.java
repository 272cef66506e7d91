package dev.chorm.query;

import dev.chorm.QueryException;
import dev.chorm.model.ModelMeta;
import dev.chorm.query.internal.Query;
import dev.chorm.query.internal.QueryRunner;
import dev.chorm.query.internal.RowShape;
import dev.chorm.query.internal.RowShapes;
import dev.chorm.schema.QueryDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Run hand-written SQL and map its rows to a model, a record or maps.
 *
 * <p>Values go into {@code {name:Type}} placeholders, as in ClickHouse's query parameters; chorm
 * fills each with a typed, escaped literal ({@code CAST('it\'s' AS String)}) so that a value can
 * never become SQL:
 * <pre>{@code
 * db.raw("SELECT * FROM event WHERE port > {port:UInt16} AND protocol = {p:String}", "port", 1024, "p", "TCP")
 *   .fetch(Event.class);
 * }</pre>
 * Columns map to model fields by column or Java name, to records and classes by label.
 */
public final class RawQuery {
    private final QueryDatabase db;
    private final String sql;

    private RawQuery(QueryDatabase db, String sql) {
        this.db = db;
        this.sql = sql;
    }

    /** Return the raw query {@code sql} on {@code db} with named parameters. */
    public static RawQuery of(QueryDatabase db, String sql, Map<String, ?> params) {
        return new RawQuery(db, RawSql.bind(sql, params));
    }

    /** Return the raw query {@code sql} on {@code db} with parameters given as name, value, name, value, .... */
    public static RawQuery of(QueryDatabase db, String sql, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new QueryException("raw() parameters come in name, value pairs; got " + namesAndValues.length
                    + " arguments.");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return of(db, sql, params);
    }

    /** Return the SQL as sent, placeholders filled. */
    public String sql() {
        return sql;
    }

    /** Return the rows as {@code type}: a model (by column) or a record or class (by label). */
    public <R> List<R> fetch(Class<R> type) {
        try (Stream<R> rows = stream(type)) {
            return rows.toList();
        }
    }

    /** Return the rows as maps from column label to value. */
    public List<Map<String, Object>> fetchMaps() {
        try (Stream<Map<String, Object>> rows = runner().stream(sql, null, null, RowShapes.byLabel(RowShapes.map(), null, sql))) {
            return rows.toList();
        }
    }

    /** Return the rows as a lazy stream of {@code type}; close it. */
    public <R> Stream<R> stream(Class<R> type) {
        ModelMeta meta = modelOrNull(type);
        if (meta == null) {
            return runner().stream(sql, null, null, RowShapes.byLabel(RowShapes.into(type), null, sql));
        }
        return runner().stream(sql, Query.of(meta), null, RowShapes.byLabel(RowShapes.model(), meta, sql));
    }

    private static ModelMeta modelOrNull(Class<?> type) {
        try {
            return ModelMeta.of(type);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private QueryRunner runner() {
        return new QueryRunner(db.dataSource());
    }
}
