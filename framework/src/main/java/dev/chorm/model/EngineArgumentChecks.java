package dev.chorm.model;

import dev.chorm.sql.SqlLexer;
import dev.chorm.types.DataType;
import dev.chorm.types.TypeKind;
import java.util.List;
import java.util.Optional;

/** Check the columns that MergeTree-family engines name in their arguments (version, sign, sums). */
final class EngineArgumentChecks {
    private final TableSpec table;
    private final String owner;
    private final Problems problems;
    private final String engine;
    private final List<String> args;

    EngineArgumentChecks(TableSpec table, String owner, Problems problems) {
        this.table = table;
        this.owner = owner;
        this.problems = problems;
        EngineSpec spec = table.engine();
        // The arguments after the Keeper path and replica name are those of the non-replicated twin.
        this.engine = spec.nonReplicated().name();
        this.args = spec.nonReplicated().arguments();
    }

    void run() {
        switch (engine) {
            case "ReplacingMergeTree" -> {
                argument(0).ifPresent(v -> checkVersion("version", v));
                argument(1).ifPresent(v -> checkExact("isDeleted", v, TypeKind.UINT8));
            }
            case "CollapsingMergeTree" -> argument(0).ifPresent(v -> checkExact("sign", v, TypeKind.INT8));
            case "VersionedCollapsingMergeTree" -> {
                argument(0).ifPresent(v -> checkExact("sign", v, TypeKind.INT8));
                argument(1).ifPresent(v -> checkVersion("version", v));
            }
            case "SummingMergeTree" -> argument(0).ifPresent(this::checkSums);
            default -> { }
        }
        checkProjectionMode();
    }

    private void checkProjectionMode() {
        boolean plain = engine.equals("MergeTree");
        if (!plain && !table.projections().isEmpty()
                && !table.settings().containsKey("deduplicate_merge_projection_mode")) {
            problems.add("%s: projections on a %s need the setting deduplicate_merge_projection_mode; add"
                    + " @Setting(name = \"deduplicate_merge_projection_mode\", value = \"'rebuild'\") or 'drop'.",
                    owner, table.engine().name());
        }
    }

    private Optional<String> argument(int i) {
        return i < args.size() ? Optional.of(args.get(i)) : Optional.empty();
    }

    private Optional<ColumnSpec> column(String role, String name) {
        Optional<ColumnSpec> c = table.column(name);
        if (c.isEmpty()) {
            problems.add("%s: %s %s column '%s' does not exist; declare a field for it or fix the name.",
                    owner, engine, role, name);
        }
        return c;
    }

    private void checkVersion(String role, String name) {
        column(role, name).ifPresent(c -> {
            TypeKind k = c.type().kind();
            if (!(k.isInteger() || k.isTemporal())) {
                problems.add("%s.%s: the %s %s column must be an integer, Date or DateTime type, found %s;"
                        + " change the field type.", owner, c.name(), engine, role, c.type().sql());
            }
        });
    }

    private void checkExact(String role, String name, TypeKind kind) {
        column(role, name).ifPresent(c -> {
            if (c.type().kind() != kind) {
                problems.add("%s.%s: the %s %s column must be %s, found %s; annotate the field with @%s.",
                        owner, c.name(), engine, role, kind.chName(), c.type().sql(), kind.chName());
            }
        });
    }

    private void checkSums(String tuple) {
        String inner = tuple.startsWith("(") && tuple.endsWith(")") ? tuple.substring(1, tuple.length() - 1) : tuple;
        for (String name : SqlLexer.splitTopLevel(inner, ',')) {
            column("sum", name).ifPresent(c -> {
                DataType base = ModelChecks.unwrap(c.type());
                if (!base.kind().isNumber()) {
                    problems.add("%s.%s: SummingMergeTree can only sum numeric columns, found %s; remove it from"
                            + " columns.", owner, c.name(), c.type().sql());
                } else if (table.orderBy().stream().anyMatch(e -> SqlLexer.columnReferences(e).contains(c.name()))) {
                    problems.add("%s.%s: SummingMergeTree cannot sum a column of the sorting key; remove it from"
                            + " columns or from orderBy.", owner, c.name());
                }
            });
        }
    }
}
