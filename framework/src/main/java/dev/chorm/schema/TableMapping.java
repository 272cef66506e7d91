package dev.chorm.schema;

import dev.chorm.ModelDefinitionException;
import dev.chorm.model.EngineSpec;
import dev.chorm.model.TableSpec;
import dev.chorm.schema.internal.CreateQueryParser;
import dev.chorm.sql.SqlLexer;
import dev.chorm.sql.SqlLiterals;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turn a declared table into the table a {@link StorageProfile} renders, just before the schema
 * editor writes its DDL. Under {@code cluster} the table is rendered as declared. Under
 * {@code single-node}:
 * <ul>
 * <li>{@code ON CLUSTER} is dropped;</li>
 * <li>a {@code Replicated*MergeTree} becomes its non-replicated twin with the same remaining
 *     arguments ({@link EngineSpec#nonReplicated()});</li>
 * <li>a {@code Distributed} table becomes a plain table with its own columns and the engine, keys,
 *     TTL and settings of the local table it reads (itself mapped), so inserts and queries through the
 *     Distributed model keep working on one node. The local table must be a model the mapping can
 *     see; the Distributed model must declare every column the local keys use.</li>
 * </ul>
 * The mapping is idempotent, so mapping an already mapped table changes nothing. A table that
 * cannot be mapped is refused with a {@link ModelDefinitionException} naming the model, the engine
 * and the fix.
 *
 * <pre>{@code
 * TableMapping m = TableMapping.of(StorageProfile.SINGLE_NODE, (db, name) -> Optional.of(student), "events.DistributedStudent");
 * new DdlRenderer().createTable(m.map(distributedStudent), false);
 * }</pre>
 */
public final class TableMapping {
    private static final String DISTRIBUTED = "Distributed";
    private static final TableMapping DECLARED = new TableMapping(StorageProfile.CLUSTER, (db, name) -> Optional.empty(), "");

    private final StorageProfile profile;
    private final Tables tables;
    private final String owner;

    /** Find the declared table of another model, for the local table a Distributed table reads. */
    @FunctionalInterface
    public interface Tables {
        /** Return the declared table {@code name} of {@code database} (empty: the current database), if a model declares it. */
        Optional<TableSpec> find(String database, String name);
    }

    private TableMapping(StorageProfile profile, Tables tables, String owner) {
        this.profile = Objects.requireNonNull(profile, "profile == null");
        this.tables = Objects.requireNonNull(tables, "tables == null");
        this.owner = owner == null ? "" : owner;
    }

    /** Return the mapping that renders every table as declared. */
    public static TableMapping declared() {
        return DECLARED;
    }

    /**
     * Return the mapping for {@code profile}.
     *
     * @param profile the profile to render for
     * @param tables where the declared tables of other models are found
     * @param owner the model the mapped tables belong to, as {@code app.Model}, for messages; empty when unknown
     */
    public static TableMapping of(StorageProfile profile, Tables tables, String owner) {
        return new TableMapping(profile, tables, owner);
    }

    /** Return the profile this mapping renders for. */
    public StorageProfile profile() {
        return profile;
    }

    /** Return {@code declared} as this mapping's profile renders it; fails naming the model when it cannot be mapped. */
    public TableSpec map(TableSpec declared) {
        if (profile == StorageProfile.CLUSTER) {
            return declared;
        }
        if (declared.engine().name().equals(DISTRIBUTED)) {
            return distributedAsLocal(declared);
        }
        return mapReference(declared);
    }

    /**
     * Return {@code declared} as far as a statement that only names it (DROP, ALTER, RENAME, EXCHANGE)
     * needs: its {@code ON CLUSTER} and whether it is replicated. Needs no other model, so that a
     * Distributed table can be dropped or altered without its local table in sight.
     */
    public TableSpec mapReference(TableSpec declared) {
        if (profile == StorageProfile.CLUSTER) {
            return declared;
        }
        return declared.toBuilder().cluster("").engine(declared.engine().nonReplicated()).build();
    }

    private TableSpec distributedAsLocal(TableSpec t) {
        List<String> args = t.engine().arguments();
        if (args.size() < 3) {
            throw refuse(t, "it names no local table", "give @Distributed its cluster and table");
        }
        String database = args.get(1).equals("currentDatabase()") ? t.database() : unquote(args.get(1));
        String table = unquote(args.get(2));
        String where = database.isEmpty() ? table : database + "." + table;
        TableSpec local = tables.find(database, table).orElseThrow(() -> refuse(t,
                "it reads table " + where + ", which no model of the project declares",
                "declare " + where + " as a model of the project"));
        if (local.engine().name().equals(DISTRIBUTED)) {
            throw refuse(t, "its table " + where + " is Distributed too", "point it at the local table");
        }
        TableSpec shape = map(local);
        Set<String> missing = missingColumns(shape, t);
        if (!missing.isEmpty()) {
            throw refuse(t, "on one node it becomes a table like " + where + ", whose keys, TTL or engine use "
                    + String.join(", ", missing) + ", which it does not declare", "add those fields to it");
        }
        return shape.toBuilder().name(t.name()).database(t.database()).comment(t.comment()).columns(t.columns())
                .indexes(t.indexes()).constraints(t.constraints()).projections(t.projections()).build();
    }

    /** Return the columns of {@code local} that its keys, TTL and engine arguments use and {@code t} lacks. */
    private static Set<String> missingColumns(TableSpec local, TableSpec t) {
        List<String> expressions = new ArrayList<>(local.orderBy());
        expressions.addAll(local.primaryKey());
        expressions.addAll(local.ttl());
        expressions.addAll(local.engine().arguments());
        expressions.add(local.partitionBy());
        expressions.add(local.sampleBy());
        Set<String> missing = new LinkedHashSet<>();
        for (String expression : expressions) {
            for (String name : SqlLexer.columnReferences(expression)) {
                if (local.column(name).isPresent() && t.column(name).isEmpty()) {
                    missing.add(name);
                }
            }
        }
        return missing;
    }

    private ModelDefinitionException refuse(TableSpec t, String problem, String fix) {
        String model = owner.isEmpty() ? "Table " + t.name() : "Model " + owner;
        String key = owner.isEmpty() ? "<app>.<Model>" : owner;
        return new ModelDefinitionException(("%s (engine %s) cannot be rendered for the %s profile: %s. Fix: %s,"
                + " or render it as declared with chorm.databases.<alias>.profile.%s=%s.").formatted(model,
                t.engine().sql(), profile, problem, fix, key, StorageProfile.CLUSTER));
    }

    private static String unquote(String argument) {
        String a = argument.strip();
        return a.startsWith("'") ? SqlLiterals.unquoteString(a) : CreateQueryParser.unquote(a);
    }

    @Override
    public String toString() {
        return "TableMapping[" + profile + (owner.isEmpty() ? "" : ", " + owner) + "]";
    }
}
