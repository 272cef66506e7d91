package dev.chorm.migrations.operations;

import java.util.List;
import java.util.Objects;

/**
 * Run hand-written statements, one after the other; {@code reverseSql} undoes them. A RunSQL does
 * not change the project state: models keep describing the tables.
 *
 * <pre>{@code new RunSql(List.of("INSERT INTO t SELECT ..."), List.of())}  // reverse: nothing to do</pre>
 *
 * @param sql the forward statements
 * @param reverseSql the backward statements; null when the operation cannot be undone, empty when undoing needs nothing
 */
public record RunSql(List<String> sql, List<String> reverseSql) implements Operation {
    /** Check the parts and copy the lists. */
    public RunSql {
        sql = List.copyOf(Objects.requireNonNull(sql, "sql == null"));
        reverseSql = reverseSql == null ? null : List.copyOf(reverseSql);
    }

    @Override
    public String type() {
        return "RunSQL";
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        // Raw SQL is opaque to the project state.
    }

    @Override
    public void databaseForwards(OperationContext context, ProjectState from, ProjectState to) {
        sql.forEach(context.editor()::execute);
    }

    @Override
    public void databaseBackwards(OperationContext context, ProjectState from, ProjectState to) {
        if (reverseSql == null) {
            throw new IllegalStateException("irreversible RunSQL");
        }
        reverseSql.forEach(context.editor()::execute);
    }

    @Override
    public boolean isReversible() {
        return reverseSql != null;
    }

    @Override
    public String describe() {
        String first = sql.isEmpty() ? "" : sql.get(0).strip().replaceAll("\\s+", " ");
        return "Raw SQL: " + (first.length() > 60 ? first.substring(0, 57) + "..." : first)
                + (sql.size() > 1 ? " (+%d more)".formatted(sql.size() - 1) : "");
    }
}
