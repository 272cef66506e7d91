package dev.chorm.migrations.operations;

import dev.chorm.MigrationException;
import dev.chorm.model.ColumnSpec;
import dev.chorm.model.DefaultKind;
import dev.chorm.model.TableSpec;
import dev.chorm.schema.DdlRenderer;
import dev.chorm.schema.SchemaEditor;
import dev.chorm.schema.SystemQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rebuild a table under a new definition: create beside, copy rows, exchange, drop the old one.
 *
 * <p>The copy runs in chunks of about {@value #CHUNK_ROWS} rows, by part and by row offset within a
 * part ({@code _part}, {@code _part_offset}), with the source's merges stopped so that its parts stay
 * put; progress is reported after each chunk. (A poll from another connection would wait behind one
 * long {@code INSERT ... SELECT} on the embedded engine, which runs one query at a time.) The copy
 * is checked by counting both tables.
 *
 * <p>A run stopped inside a rebuild leaves either the old table in place (and maybe a partial copy
 * beside it, which the next run drops and makes again) or the exchanged one; the next run reads the
 * live table to tell which, so the whole rebuild is safe to run again.
 */
final class TableRebuild {
    static final String SUFFIX = "__chorm_rebuild";
    static final long CHUNK_ROWS = 1_000_000;

    private final OperationContext context;

    TableRebuild(OperationContext context) {
        this.context = context;
    }

    /** Turn the live table {@code before} into {@code after} (both named alike), keeping the shared columns' data. */
    void rebuild(TableSpec before, TableSpec after) {
        TableSpec fresh = after.toBuilder().name(before.name() + SUFFIX).build();
        if (!context.isCollecting() && exchangedAlready(before, after)) {
            context.editor().dropTable(fresh);
            return;
        }
        context.editor().dropTable(fresh);
        context.editor().createTable(fresh);
        copyRows(before, fresh);
        context.editor().exchangeTables(before, fresh.name());
        context.editor().dropTable(fresh);
    }

    /** Return whether the live table has {@code after}'s definition: a stopped run exchanged the tables already. */
    private boolean exchangedAlready(TableSpec before, TableSpec after) {
        SchemaEditor editor = context.editor();
        Optional<TableSpec> live = editor.introspect(before);
        if (live.isEmpty() || live.get().equals(editor.canonicalize(before))) {
            return false;
        }
        if (live.get().equals(editor.canonicalize(after))) {
            return true;
        }
        throw new MigrationException(("Table %s is neither the table before this rebuild nor the one after it, so chorm"
                + " cannot tell where a stopped run left it. Compare it (SHOW CREATE TABLE %s) with the migration,"
                + " make it one of the two, and run migrate again.").formatted(before.name(), before.name()));
    }

    private void copyRows(TableSpec source, TableSpec target) {
        DdlRenderer ddl = context.editor().renderer();
        List<String> columns = sharedColumns(source, target).stream().map(ColumnSpec::name).toList();
        if (context.isCollecting() || !source.engine().isMergeTreeFamily()) {
            context.editor().execute(ddl.copyRows(target, columns, source, null));
            return;
        }
        List<Part> parts = parts(source);
        long total = parts.stream().mapToLong(Part::rows).sum();
        context.reportProgress(0, total, "rows copied");
        context.editor().merges(source, false);
        try {
            long copied = 0;
            for (Chunk chunk : chunks(ddl, parts)) {
                context.editor().execute(ddl.copyRows(target, columns, source, chunk.condition()));
                copied += chunk.rows();
                context.reportProgress(copied, total, "rows copied");
            }
        } finally {
            context.editor().merges(source, true);
        }
        long expected = count(ddl, source);
        long actual = count(ddl, target);
        if (actual != expected) {
            throw new MigrationException(("Rebuilding %s copied %d rows of %d: rows were written to the table during the"
                    + " copy. Stop the writers and run migrate again: the rebuild starts over.")
                    .formatted(source.name(), actual, expected));
        }
    }

    /** Return the chunks that cover {@code parts}: small parts grouped, big ones cut by row offset. */
    static List<Chunk> chunks(DdlRenderer ddl, List<Part> parts) {
        List<Chunk> out = new ArrayList<>();
        List<String> group = new ArrayList<>();
        long groupRows = 0;
        for (Part p : parts) {
            if (p.rows() > CHUNK_ROWS) {
                for (long from = 0; from < p.rows(); from += CHUNK_ROWS) {
                    long to = Math.min(p.rows(), from + CHUNK_ROWS);
                    out.add(new Chunk(ddl.partRange(p.name(), from, to), to - from));
                }
                continue;
            }
            group.add(p.name());
            groupRows += p.rows();
            if (groupRows >= CHUNK_ROWS) {
                out.add(new Chunk(ddl.partsIn(group), groupRows));
                group.clear();
                groupRows = 0;
            }
        }
        if (!group.isEmpty()) {
            out.add(new Chunk(ddl.partsIn(group), groupRows));
        }
        return out;
    }

    private List<Part> parts(TableSpec table) {
        List<Part> parts = new ArrayList<>();
        for (Map<String, Object> row : context.query(SystemQueries.activeParts(table))) {
            parts.add(new Part(row.get("name").toString(), Long.parseLong(row.get("rows").toString())));
        }
        return parts;
    }

    private static List<ColumnSpec> sharedColumns(TableSpec source, TableSpec target) {
        return target.columns().stream()
                .filter(c -> c.isInsertable() && c.defaultKind() != DefaultKind.EPHEMERAL)
                .filter(c -> source.column(c.name()).filter(s -> s.defaultKind() != DefaultKind.EPHEMERAL).isPresent())
                .toList();
    }

    private long count(DdlRenderer ddl, TableSpec table) {
        return Long.parseLong(String.valueOf(context.query(ddl.countRows(table)).get(0).get("n")));
    }

    /** An active part of the source table. */
    record Part(String name, long rows) {
    }

    /** A share of the source's rows, selected by {@code condition}. */
    record Chunk(String condition, long rows) {
    }
}
