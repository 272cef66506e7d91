package dev.chorm.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Check a table's indexes, constraints and projections. */
final class ExtraChecks {
    /** Index type name to its allowed argument counts (min, max). */
    private static final Map<String, int[]> INDEX_TYPES = Map.of(
            "minmax", new int[] {0, 0},
            "set", new int[] {1, 1},
            "bloom_filter", new int[] {0, 1},
            "ngrambf_v1", new int[] {4, 4},
            "tokenbf_v1", new int[] {3, 3},
            "text", new int[] {0, 16},
            "vector_similarity", new int[] {3, 16});

    private final TableSpec table;
    private final String owner;
    private final Problems problems;

    ExtraChecks(TableSpec table, String owner, Problems problems) {
        this.table = table;
        this.owner = owner;
        this.problems = problems;
    }

    void run() {
        table.indexes().forEach(this::checkIndex);
        table.constraints().forEach(this::checkConstraint);
        table.projections().forEach(this::checkProjection);
    }

    private void checkName(String what, String name) {
        if (!Identifiers.isValid(name)) {
            problems.add("%s: %s name '%s' is not a valid identifier; use letters, digits and underscores,"
                    + " not starting with a digit.", owner, what, name);
        }
    }

    private void checkIndex(IndexSpec index) {
        checkName("index", index.name());
        if (index.granularity() <= 0) {
            problems.add("%s: index '%s' has granularity %d; set granularity to 1 or more (1 is the default).",
                    owner, index.name(), index.granularity());
        }
        if (index.expression().isEmpty()) {
            problems.add("%s: index '%s' has no expression; name a column or an expression.", owner, index.name());
        } else {
            ModelChecks.checkReferences(table, owner, problems, "index '" + index.name() + "'", index.expression());
        }
        checkIndexType(index);
    }

    private void checkIndexType(IndexSpec index) {
        String type = index.type();
        int open = type.indexOf('(');
        String name = (open < 0 ? type : type.substring(0, open)).strip().toLowerCase(Locale.ROOT);
        int[] arity = INDEX_TYPES.get(name);
        if (arity == null) {
            problems.add("%s: index '%s' has unknown type '%s'; use minmax, set(N), bloom_filter(p), ngrambf_v1(...)"
                    + " or tokenbf_v1(...).", owner, index.name(), type);
            return;
        }
        List<String> args = open < 0 || !type.endsWith(")") ? List.of()
                : dev.chorm.sql.SqlLexer.splitTopLevel(type.substring(open + 1, type.length() - 1), ',');
        if (args.size() < arity[0] || args.size() > arity[1]) {
            problems.add("%s: index '%s' type %s takes %s; fix the arguments, for example %s.", owner, index.name(),
                    type, arity[0] == arity[1] ? arity[0] + " argument(s)" : arity[0] + " to " + arity[1] + " arguments",
                    example(name));
        } else if (name.equals("bloom_filter") && args.size() == 1) {
            checkFalsePositive(index, args.get(0));
        }
    }

    private void checkFalsePositive(IndexSpec index, String arg) {
        try {
            double p = Double.parseDouble(arg);
            if (p <= 0 || p >= 1) {
                problems.add("%s: index '%s' bloom_filter false-positive rate %s must be between 0 and 1; use for"
                        + " example 0.01.", owner, index.name(), arg);
            }
        } catch (NumberFormatException e) {
            problems.add("%s: index '%s' bloom_filter rate '%s' is not a number; use for example 0.01.",
                    owner, index.name(), arg);
        }
    }

    private static String example(String type) {
        return switch (type) {
            case "set" -> "set(100)";
            case "ngrambf_v1" -> "ngrambf_v1(3, 256, 2, 0)";
            case "tokenbf_v1" -> "tokenbf_v1(256, 2, 0)";
            case "bloom_filter" -> "bloom_filter(0.01)";
            default -> type;
        };
    }

    private void checkConstraint(ConstraintSpec c) {
        checkName("constraint", c.name());
        if (c.expression().isEmpty()) {
            problems.add("%s: constraint '%s' has no expression; write a boolean expression.", owner, c.name());
        } else {
            ModelChecks.checkReferences(table, owner, problems, "constraint '" + c.name() + "'", c.expression());
        }
    }

    private void checkProjection(ProjectionSpec p) {
        checkName("projection", p.name());
        if (!p.query().regionMatches(true, 0, "SELECT", 0, 6)) {
            problems.add("%s: projection '%s' needs a query starting with SELECT, found '%s'; write SELECT ..."
                    + " [GROUP BY ...] [ORDER BY ...] without FROM.", owner, p.name(), p.query());
        }
    }
}
