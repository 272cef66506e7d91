package dev.chorm.model;

import dev.chorm.ModelDefinitionException;
import dev.chorm.sql.SqlLexer;
import dev.chorm.types.DataType;
import dev.chorm.types.TypeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Find models that ClickHouse would reject, before any SQL is sent.
 *
 * <pre>{@code ModelChecks.check(Event.class, Student.class);   // throws ModelDefinitionException}</pre>
 *
 * <p>Field-level checks (types, column options) run while a class is read; the table-level checks
 * here also run on any {@link TableSpec}, for example one rebuilt from migration files.
 */
public final class ModelChecks {
    private ModelChecks() {
    }

    /** Check every model, and the models together ({@link #checkTogether}); throw one {@link ModelDefinitionException} listing all problems found. */
    public static void check(Class<?>... models) {
        List<String> messages = new ArrayList<>();
        Map<String, TableSpec> tables = new LinkedHashMap<>();
        for (Class<?> model : models) {
            try {
                tables.put(model.getSimpleName(), ModelMeta.of(model).table());
            } catch (ModelDefinitionException e) {
                messages.add(e.getMessage());
            }
        }
        messages.addAll(checkTogether(tables));
        if (!messages.isEmpty()) {
            throw new ModelDefinitionException(String.join("\n", messages));
        }
    }

    /**
     * Return the problems that only show when models are taken together, one message each naming the models
     * (the keys of {@code tables}, such as {@code app.Model}): two refreshable views that replace the rows of the same
     * {@code TO} table. Empty when there are none.
     */
    public static List<String> checkTogether(Map<String, TableSpec> tables) {
        return ViewChecks.checkRefreshTargets(tables);
    }

    /**
     * Return the defaults chorm chose for {@code models} where the model states nothing, one line each,
     * so that {@code check} can show them: a model without an engine annotation is {@code MergeTree
     * ORDER BY id} (the reference backend's default; {@code ORDER BY tuple()} without an id), and a
     * MergeTree-family engine without {@code orderBy} is {@code ORDER BY tuple()}, unsorted.
     *
     * <pre>{@code ModelChecks.notes(Event.class)   // ["Event: no engine annotation, so the table is ..."]}</pre>
     */
    public static List<String> notes(Class<?>... models) {
        List<String> notes = new ArrayList<>();
        for (Class<?> model : models) {
            TableSpec t = ModelMeta.of(model).table();
            String name = model.getSimpleName();
            boolean annotated = t.isDictionary() || !EngineReader.engines(model).isEmpty();
            String order = t.orderBy().isEmpty() ? "tuple()" : String.join(", ", t.orderBy());
            if (t.isView() && !t.engine().isMergeTreeFamily()) {
                continue; // a view, or a materialized view writing TO another table: no storage of its own
            }
            if (!annotated) {
                notes.add(("%s: no engine annotation, so the table is MergeTree ORDER BY %s (chorm's default); add"
                        + " @MergeTree(orderBy = ...) to choose the sorting key.").formatted(name, order));
            } else if (t.engine().isMergeTreeFamily() && t.orderBy().isEmpty()) {
                notes.add(("%s: @%s without orderBy is ORDER BY tuple(): rows are not sorted and the primary index is"
                        + " empty; set orderBy to the columns queries filter on.").formatted(name, t.engine().name()));
            }
        }
        return notes;
    }

    /** Return the problems of {@code table}, each message starting with the table name; empty when it is fine. */
    public static List<String> checkTable(TableSpec table) {
        Problems problems = new Problems();
        checkTable(table, table.name(), problems);
        return problems.messages();
    }

    static void checkTable(TableSpec table, String owner, Problems problems) {
        checkNames(table, owner, problems);
        if (table.engine().isMergeTreeFamily()) {
            new KeyChecks(table, owner, problems).run();
            new EngineArgumentChecks(table, owner, problems).run();
        } else {
            checkNotMergeTree(table, owner, problems);
        }
        new ExtraChecks(table, owner, problems).run();
        if (table.isDictionary()) {
            new DictionaryChecks(table, owner, problems).run();
        }
        ViewChecks.check(table, owner, problems);
    }

    private static void checkNames(TableSpec table, String owner, Problems problems) {
        if (!table.name().isBlank() && !Identifiers.isValid(table.name())) {
            problems.add("%s: table name '%s' is not a valid identifier; use letters, digits and underscores,"
                    + " not starting with a digit.", owner, table.name());
        }
        if (!table.database().isEmpty() && !Identifiers.isValid(table.database())) {
            problems.add("%s: database name '%s' is not a valid identifier; fix @Table(database).",
                    owner, table.database());
        }
        if (!table.cluster().isEmpty() && !Identifiers.isValidCluster(table.cluster())) {
            problems.add("%s: cluster name '%s' is not valid; use the name from the server's remote_servers.",
                    owner, table.cluster());
        }
        for (String setting : table.settings().keySet()) {
            if (!Identifiers.isValidSetting(setting)) {
                problems.add("%s: setting name '%s' is not valid; settings are lower-case snake_case like"
                        + " index_granularity.", owner, setting);
            }
        }
    }

    private static void checkNotMergeTree(TableSpec table, String owner, Problems problems) {
        String engine = table.engine().name();
        if (!table.indexes().isEmpty()) {
            problems.add("%s: data-skipping index '%s' needs a MergeTree-family engine, found %s; remove @Index or"
                    + " change the engine.", owner, table.indexes().get(0).name(), engine);
        }
        if (!table.projections().isEmpty()) {
            problems.add("%s: projection '%s' needs a MergeTree-family engine, found %s; remove @Projection or"
                    + " change the engine.", owner, table.projections().get(0).name(), engine);
        }
        if (!table.ttl().isEmpty()) {
            problems.add("%s: table TTL needs a MergeTree-family engine, found %s; remove the TTL.", owner, engine);
        }
        if (!table.orderBy().isEmpty() || !table.partitionBy().isEmpty() || !table.primaryKey().isEmpty()
                || !table.sampleBy().isEmpty()) {
            problems.add("%s: ORDER BY, PARTITION BY, PRIMARY KEY and SAMPLE BY need a MergeTree-family engine,"
                    + " found %s; remove them.", owner, engine);
        }
        for (ColumnSpec c : table.columns()) {
            if (!c.ttl().isEmpty()) {
                problems.add("%s.%s: column TTL needs a MergeTree-family engine, found %s; remove @Ttl.",
                        owner, c.name(), engine);
            }
        }
    }

    /** Return the type under Nullable and LowCardinality wrappers. */
    static DataType unwrap(DataType type) {
        DataType t = type;
        while (t.kind() == TypeKind.NULLABLE || t.kind() == TypeKind.LOW_CARDINALITY) {
            t = t.inner();
        }
        return t;
    }

    /** Record a problem for each name in {@code expression} that is not a column of {@code table}. */
    static void checkReferences(TableSpec table, String owner, Problems problems, String clause, String expression) {
        for (String name : SqlLexer.columnReferences(expression)) {
            String head = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            if (table.column(name).isEmpty() && table.column(head).isEmpty()) {
                problems.add("%s: %s names unknown column '%s' in '%s'; declare a field for it or fix the"
                        + " expression.", owner, clause, name, expression);
            }
        }
    }
}
