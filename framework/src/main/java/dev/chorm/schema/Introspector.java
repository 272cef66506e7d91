package dev.chorm.schema;

import dev.chorm.model.ColumnSpec;
import dev.chorm.model.ConstraintSpec;
import dev.chorm.model.DefaultKind;
import dev.chorm.model.EngineSpec;
import dev.chorm.model.IndexSpec;
import dev.chorm.model.ProjectionSpec;
import dev.chorm.model.TableRef;
import dev.chorm.model.TableSpec;
import dev.chorm.model.ViewSpec;
import dev.chorm.schema.internal.CreateQueryParser;
import dev.chorm.schema.internal.DictionaryQueryParser;
import dev.chorm.schema.internal.CreateViewParser;
import dev.chorm.sql.SqlLexer;
import dev.chorm.types.DataType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read a live table back into a {@link TableSpec} from {@code system.tables}, {@code system.columns},
 * {@code system.data_skipping_indices} and, for what those do not expose (constraints, projections,
 * TTLs, settings), the table's {@code create_table_query}.
 *
 * <p>ClickHouse rewrites expressions when it stores them ({@code a AND b} becomes {@code (a) AND (b)},
 * {@code INTERVAL 1 DAY} becomes {@code toIntervalDay(1)}). {@link #canonicalize} passes a model's
 * expressions through the engine's own formatter so both sides compare equal. What cannot be
 * compared: the cluster (no system table records ON CLUSTER; it is copied from the request), codec
 * parameters that the server fills in (write {@code ZSTD(1)} rather than {@code ZSTD}), and the default
 * Keeper path of a Replicated engine declared without one.
 *
 * <p>A view is read from its {@code as_select} (without the qualification with the connection's
 * current database that ClickHouse adds to bare table names), its {@code create_table_query} ({@code TO} table, refresh clause) and, for a
 * materialized view with its own storage, the {@code .inner_id.<uuid>} table that holds its rows. What
 * ClickHouse does not record is copied from the request: a view's declared sources and its populate flag.
 */
final class Introspector {
    private final SqlExecutor executor;

    Introspector(SqlExecutor executor) {
        this.executor = executor;
    }

    /** Return the live table with {@code like}'s database and name, or empty when it does not exist. */
    Optional<TableSpec> introspect(TableSpec like) {
        String db = like.database();
        String name = like.name();
        List<Map<String, Object>> tables = executor.query(SystemQueries.table(db, name));
        if (tables.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> t = tables.get(0);
        if (text(t, "engine").equals("Dictionary")) {
            return Optional.of(dictionary(like, t));
        }
        if (text(t, "engine").equals("View") || text(t, "engine").equals("MaterializedView")) {
            return Optional.of(view(like, t));
        }
        CreateQueryParser create = new CreateQueryParser(text(t, "create_table_query"));
        String engineFull = text(t, "engine_full");
        EngineSpec engine = engine(engineFull.isBlank() ? text(t, "engine") : engineFull);
        TableSpec.Builder b = TableSpec.builder(like.name()).database(like.database()).cluster(like.cluster())
                .comment(text(t, "comment")).engine(engine)
                .columns(columns(db, name, create.columnTtls()))
                .ttl(create.tableTtl()).settings(create.settings());
        if (engine.isMergeTreeFamily()) {
            b.orderBy(keys(text(t, "sorting_key"))).partitionBy(text(t, "partition_key"))
                    .primaryKey(keys(text(t, "primary_key"))).sampleBy(text(t, "sampling_key"));
        }
        b.indexes(indexes(db, name, create.indexNames()));
        create.constraints().forEach(c -> b.constraint(new ConstraintSpec(c[0], ConstraintSpec.Kind.valueOf(c[1]), c[2])));
        create.projections().forEach(p -> b.projection(ProjectionSpec.of(p[0], p[1])));
        return Optional.of(b.build());
    }

    /** Read a dictionary, which {@code system.columns} shows with bare types: its create query is the full record. */
    private static TableSpec dictionary(TableSpec like, Map<String, Object> t) {
        DictionaryQueryParser create = new DictionaryQueryParser(text(t, "create_table_query"));
        return TableSpec.builder(like.name()).database(like.database()).cluster(like.cluster())
                .comment(text(t, "comment")).engine(EngineSpec.of("Dictionary")).columns(create.columns())
                .dictionary(create.dictionary()).build();
    }

    private TableSpec view(TableSpec like, Map<String, Object> t) {
        // ClickHouse qualifies the names the query leaves bare with the creating session's database, which
        // is the connection's current one (not the view's own, when the model names another database)
        String current = text(t, "current_database");
        CreateViewParser create = new CreateViewParser(text(t, "create_table_query"));
        boolean materialized = text(t, "engine").equals("MaterializedView");
        ViewSpec declared = like.view();
        List<TableRef> declaredRefs = declared == null ? List.of() : declared.dependencies();
        TableRef to = create.to() == null ? null : local(create.to(), current, declaredRefs);
        String schedule = create.schedule();
        ViewSpec.Refresh refresh = schedule == null ? null : new ViewSpec.Refresh(schedule, create.append(),
                create.dependsOn().stream().map(n -> local(n, current, declaredRefs)).toList());
        ViewSpec view = new ViewSpec(materialized ? ViewSpec.Kind.MATERIALIZED : ViewSpec.Kind.VIEW,
                CreateViewParser.unqualify(text(t, "as_select"), current), to, refresh,
                declared != null && declared.populate(), declared == null ? List.of() : declared.sources());
        TableSpec.Builder b;
        if (materialized && to == null) {
            // the rows live in the inner table; its engine, keys and settings are the view's storage
            TableSpec inner = introspect(TableSpec.builder(".inner_id." + text(t, "uuid")).database(like.database())
                    .cluster(like.cluster()).build()).orElseThrow(() -> new IllegalStateException(
                    "the inner table of materialized view " + like.name() + " is missing"));
            b = inner.toBuilder().name(like.name());
        } else {
            b = TableSpec.builder(like.name()).database(like.database()).cluster(like.cluster())
                    .engine(EngineSpec.of(materialized ? "MaterializedView" : "View"))
                    .columns(columns(like.database(), like.name(), Map.of()));
        }
        return b.comment(text(t, "comment")).view(view).build();
    }

    /**
     * Return the reference {@code written} ({@code db.name}) as the model declares it: the declared reference
     * to the same object (an empty database meaning the connection's {@code current} one), else without
     * {@code current}.
     */
    private static TableRef local(String written, String current, List<TableRef> declared) {
        List<String> parts = new ArrayList<>();
        for (String p : SqlLexer.splitTopLevel(written, '.')) {
            parts.add(CreateQueryParser.unquote(p.strip()));
        }
        TableRef ref = parts.size() == 1 ? TableRef.of(parts.get(0)) : new TableRef(parts.get(0), parts.get(1));
        return declared.stream().filter(d -> d.sameAs(ref, current)).findFirst()
                .orElse(ref.database().equals(current) ? TableRef.of(ref.name()) : ref);
    }

    private List<ColumnSpec> columns(String db, String table, Map<String, String> ttls) {
        List<ColumnSpec> out = new ArrayList<>();
        for (Map<String, Object> row : executor.query(SystemQueries.columns(db, table))) {
            String codec = text(row, "compression_codec");
            if (codec.startsWith("CODEC(")) {
                codec = codec.substring(6, codec.length() - 1);
            }
            String columnName = text(row, "name");
            out.add(ColumnSpec.builder(columnName, DataType.parse(text(row, "type")))
                    .defaultExpression(DefaultKind.fromKeyword(text(row, "default_kind")), text(row, "default_expression"))
                    .comment(text(row, "comment")).codec(codec).ttl(ttls.getOrDefault(columnName, "")).build());
        }
        return out;
    }

    private List<IndexSpec> indexes(String db, String table, List<String> order) {
        List<IndexSpec> out = new ArrayList<>();
        for (Map<String, Object> row : executor.query(SystemQueries.indexes(db, table))) {
            out.add(IndexSpec.of(text(row, "name"), text(row, "expr"), text(row, "type_full"),
                    Integer.parseInt(text(row, "granularity"))));
        }
        out.sort(Comparator.comparingInt(i -> order.indexOf(i.name())));
        return out;
    }

    /** Return the engine at the start of {@code engine_full}: its name and top-level arguments. */
    static EngineSpec engine(String text) {
        // A name that is also a keyword comes back quoted, as in `Null`.
        String engineFull = text;
        if (text.startsWith("`")) {
            int nameEnd = SqlLexer.skipQuoted(text, 0);
            engineFull = CreateQueryParser.unquote(text.substring(0, nameEnd)) + text.substring(nameEnd);
        }
        int i = 0;
        while (i < engineFull.length() && (Character.isLetterOrDigit(engineFull.charAt(i)) || engineFull.charAt(i) == '_')) {
            i++;
        }
        String name = engineFull.substring(0, i);
        if (i < engineFull.length() && engineFull.charAt(i) == '(') {
            int close = SqlLexer.matchingBracket(engineFull, i);
            return new EngineSpec(name, SqlLexer.splitTopLevel(engineFull.substring(i + 1, close), ','));
        }
        return new EngineSpec(name, List.of());
    }

    private static List<String> keys(String key) {
        return key.isBlank() ? List.of() : SqlLexer.splitTopLevel(key, ',');
    }

    private static String text(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? "" : v.toString();
    }

    /** Return {@code table} with every expression formatted by the engine, as it would store them. */
    TableSpec canonicalize(TableSpec table) {
        return new ExpressionCanonicalizer(executor).canonicalize(table);
    }
}
