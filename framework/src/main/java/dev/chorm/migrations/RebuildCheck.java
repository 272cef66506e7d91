package dev.chorm.migrations;

import dev.chorm.model.TableSpec;
import java.util.List;
import java.util.Objects;

/** Tell whether turning one table into another needs a rebuild, because ClickHouse cannot ALTER the change. */
final class RebuildCheck {
    private final TableSpec before;
    private final TableSpec after;

    RebuildCheck(TableSpec before, TableSpec after) {
        this.before = before;
        this.after = after;
    }

    /** Return why a rebuild is needed (a phrase such as "changes its engine from A to B"), or null. */
    String reason() {
        if (!before.engine().equals(after.engine())) {
            return "changes its engine from %s to %s".formatted(before.engine().sql(), after.engine().sql());
        }
        if (!before.partitionBy().equals(after.partitionBy())) {
            return "changes its partition key from '%s' to '%s'".formatted(before.partitionBy(), after.partitionBy());
        }
        if (!before.sampleBy().equals(after.sampleBy())) {
            return "changes its sampling key from '%s' to '%s'".formatted(before.sampleBy(), after.sampleBy());
        }
        if (!before.effectivePrimaryKey().equals(after.effectivePrimaryKey())) {
            return "changes its primary key from (%s) to (%s)".formatted(String.join(", ", before.effectivePrimaryKey()),
                    String.join(", ", after.effectivePrimaryKey()));
        }
        if (!before.orderBy().equals(after.orderBy()) && appendedKeyColumns(before, after).isEmpty()) {
            return "changes its sorting key from (%s) to (%s) other than by appending new columns"
                    .formatted(String.join(", ", before.orderBy()), String.join(", ", after.orderBy()));
        }
        for (String name : ModelDiff.READONLY_SETTINGS) {
            if (!Objects.equals(before.settings().get(name), after.settings().get(name))) {
                return "changes the read-only setting " + name;
            }
        }
        return null;
    }

    /**
     * Return what the model could state instead to avoid the rebuild, as a clause such as {@code keep the
     * current primary key by stating it in the model (...)}, or empty: a primary key change when stating
     * the current key would leave only a sorting key extension, which ClickHouse can ALTER.
     */
    String alternative() {
        List<String> current = before.effectivePrimaryKey();
        if (current.equals(after.effectivePrimaryKey()) || current.isEmpty()) {
            return "";
        }
        TableSpec keeping = after.toBuilder().primaryKey(current).build();
        if (new RebuildCheck(before, keeping).reason() != null) {
            return "";
        }
        String stated = current.size() == 1 ? quote(current.get(0))
                : "{" + String.join(", ", current.stream().map(RebuildCheck::quote).toList()) + "}";
        return "keep the current primary key by stating it in the model (primaryKey = %s): then the sorting key is"
                .formatted(stated) + " extended in place, without a rebuild";
    }

    private static String quote(String expression) {
        return '"' + expression.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /**
     * Return {@code after} with {@code before}'s primary key when {@code after} states none (its primary
     * key is its sorting key) and {@code before}'s is a proper prefix of {@code after}'s sorting key: a
     * model that grows its sorting key keeps the table's primary key, as {@code MODIFY ORDER BY} does.
     */
    static TableSpec keepingRecordedPrimaryKey(TableSpec before, TableSpec after) {
        List<String> recorded = before.effectivePrimaryKey();
        List<String> order = after.orderBy();
        boolean keepsOwn = !after.primaryKey().isEmpty() || recorded.isEmpty() || order.size() <= recorded.size()
                || !order.subList(0, recorded.size()).equals(recorded) || !after.engine().isMergeTreeFamily();
        return keepsOwn ? after : after.toBuilder().primaryKey(recorded).build();
    }

    /**
     * Return the columns that {@code after}'s sorting key appends to {@code before}'s when every appended
     * expression is a column new in {@code after} (the only sorting key change ClickHouse can ALTER); else empty.
     */
    static List<String> appendedKeyColumns(TableSpec before, TableSpec after) {
        List<String> old = before.orderBy();
        List<String> now = after.orderBy();
        if (!after.engine().isMergeTreeFamily() || now.size() <= old.size() || old.isEmpty()
                || !now.subList(0, old.size()).equals(old)) {
            return List.of();
        }
        List<String> extra = now.subList(old.size(), now.size());
        boolean allNew = extra.stream().allMatch(e -> after.column(e).isPresent() && before.column(e).isEmpty());
        return allNew ? List.copyOf(extra) : List.of();
    }
}
