package dev.chorm.migrations.operations;

import static dev.chorm.schema.SqlLiterals.qualifiedName;
import static dev.chorm.schema.SqlLiterals.quoteIdentifier;

import dev.chorm.migrations.OperationContext;
import dev.chorm.model.ColumnSpec;
import dev.chorm.model.DefaultKind;
import dev.chorm.model.TableSpec;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Rebuild a table under a new definition: create beside, copy rows, exchange, drop the old one. */
final class TableRebuild {
    static final String SUFFIX = "__chorm_rebuild";
    private static final String INSERT_SELECT = "INSERT INTO %s (%s) SELECT %s FROM %s";
    private static final String COUNT = "SELECT count() AS n FROM %s";

    private final OperationContext context;

    TableRebuild(OperationContext context) {
        this.context = context;
    }

    /** Turn the live table {@code before} into {@code after} (both named alike), keeping the shared columns' data. */
    void rebuild(TableSpec before, TableSpec after) {
        TableSpec fresh = after.toBuilder().name(before.name() + SUFFIX).build();
        context.editor().dropTable(fresh);
        context.editor().createTable(fresh);
        copyRows(before, fresh);
        context.editor().exchangeTables(before, fresh.name());
        context.editor().dropTable(fresh);
    }

    private void copyRows(TableSpec source, TableSpec target) {
        String columns = sharedColumns(source, target).stream().map(c -> quoteIdentifier(c.name()))
                .collect(Collectors.joining(", "));
        String sql = INSERT_SELECT.formatted(name(target), columns, columns, name(source));
        if (context.isCollecting()) {
            context.editor().execute(sql);
            return;
        }
        long total = count(source);
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chorm-rebuild-progress");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> context.reportProgress(count(target), total, "rows copied"),
                500, 500, TimeUnit.MILLISECONDS);
        try {
            context.editor().execute(sql);
        } finally {
            poller.shutdownNow();
        }
        context.reportProgress(total, total, "rows copied");
    }

    private static List<ColumnSpec> sharedColumns(TableSpec source, TableSpec target) {
        return target.columns().stream()
                .filter(c -> c.isInsertable() && c.defaultKind() != DefaultKind.EPHEMERAL)
                .filter(c -> source.column(c.name()).filter(s -> s.defaultKind() != DefaultKind.EPHEMERAL).isPresent())
                .toList();
    }

    private long count(TableSpec table) {
        try {
            return Long.parseLong(String.valueOf(context.query(COUNT.formatted(name(table))).get(0).get("n")));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String name(TableSpec t) {
        return qualifiedName(t.database(), t.name());
    }
}
