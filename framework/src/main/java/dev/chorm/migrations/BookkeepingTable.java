package dev.chorm.migrations;

import dev.chorm.model.EngineSpec;
import dev.chorm.model.ModelField;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.TableSpec;
import dev.chorm.query.QuerySet;
import dev.chorm.sql.RenderContext;
import dev.chorm.types.ValueReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table chorm keeps for itself (the migration history, the lock), described by an internal model
 * ({@link MigrationRecord}, {@link LockRow}) and placed in the migration database and cluster. Its DDL
 * comes from the schema editor's renderer; its rows are written as typed literals through the
 * {@link RenderContext}, read with the SQL the query compiler renders for the model in its table
 * ({@link #objects}) and converted by the model's {@link ValueReader}s, so no SQL value is pasted and
 * no driver value is converted by hand. (The statements run on the migration {@code SqlExecutor}, which
 * the engine's statement-boundary hooks see, not on a {@code QueryDatabase}.)
 *
 * <p>On a cluster the table is replicated, with a Keeper path of its own
 * ({@code /clickhouse/chorm/{database}/<table>}), and created ON CLUSTER, so every node sees one table.
 */
final class BookkeepingTable<R extends Record> {
    private final ModelMeta meta;
    private final TableSpec table;
    /** The model in its table: what the query compiler renders reads of. */
    private final ModelMeta placed;
    private final List<ValueReader> readers = new ArrayList<>();

    BookkeepingTable(Class<R> model, String database, String cluster) {
        this.meta = ModelMeta.of(model);
        TableSpec t = meta.table();
        EngineSpec engine = t.engine();
        if (!cluster.isEmpty()) {
            List<String> arguments = new ArrayList<>(List.of("'/clickhouse/chorm/{database}/" + t.name() + "'", "'{replica}'"));
            arguments.addAll(engine.arguments());
            engine = new EngineSpec("Replicated" + engine.name(), arguments);
        }
        this.table = t.toBuilder().database(database).cluster(cluster).engine(engine).build();
        this.placed = meta.inTable(table);
        for (ModelField f : meta.fields()) {
            readers.add(ValueReader.of(f.column().type(), f.annotatedType(), f.element(),
                    model.getSimpleName() + "." + f.javaName()));
        }
    }

    /** Return the table, with its database and cluster. */
    TableSpec spec() {
        return table;
    }

    /** Return the rows of the table as a QuerySet that renders SQL only (the rows come back through {@link #rows}). */
    <T> QuerySet<T> objects() {
        return QuerySet.of(placed);
    }

    /** Return the rows of the table of the same shape named {@code name} (the lock renamed aside), as {@link #objects}. */
    <T> QuerySet<T> objects(String name) {
        return name.equals(table.name()) ? objects() : QuerySet.of(meta.inTable(table.toBuilder().name(name).build()));
    }

    /** Return {@code INSERT INTO table (columns) VALUES (row's values)}, each value a literal of its column's type. */
    String insert(R row) {
        RenderContext ctx = RenderContext.of(null).sql("INSERT INTO ").qualifiedName(table.database(), table.name());
        columns(ctx.sql(" (")).sql(") VALUES (");
        String separator = "";
        for (ModelField f : meta.fields()) {
            ctx.sql(separator).value(f.get(row), f.column().type());
            separator = ", ";
        }
        return ctx.sql(')').toString();
    }

    /** Return the rows a query of {@link #objects} read, as model objects. */
    List<R> rows(List<Map<String, Object>> rows) {
        List<R> out = new ArrayList<>(rows.size());
        List<ModelField> fields = meta.fields();
        for (Map<String, Object> row : rows) {
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = readers.get(i).convert(row.get(fields.get(i).columnName()));
            }
            @SuppressWarnings("unchecked")
            R r = (R) meta.newInstance(values);
            out.add(r);
        }
        return out;
    }

    private RenderContext columns(RenderContext ctx) {
        String separator = "";
        for (ModelField f : meta.fields()) {
            ctx.sql(separator).identifier(f.columnName());
            separator = ", ";
        }
        return ctx;
    }
}
