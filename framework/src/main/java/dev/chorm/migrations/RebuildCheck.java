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
