package dev.chorm.model;

import dev.chorm.schema.internal.SqlScanner;
import java.util.List;

/** Check the sorting, primary, partition and sampling keys and the TTLs of a MergeTree-family table. */
final class KeyChecks {
    private final TableSpec table;
    private final String owner;
    private final Problems problems;

    KeyChecks(TableSpec table, String owner, Problems problems) {
        this.table = table;
        this.owner = owner;
        this.problems = problems;
    }

    void run() {
        table.orderBy().forEach(e -> ModelChecks.checkReferences(table, owner, problems, "ORDER BY", e));
        table.primaryKey().forEach(e -> ModelChecks.checkReferences(table, owner, problems, "PRIMARY KEY", e));
        if (!table.partitionBy().isEmpty()) {
            ModelChecks.checkReferences(table, owner, problems, "PARTITION BY", table.partitionBy());
        }
        if (!table.sampleBy().isEmpty()) {
            ModelChecks.checkReferences(table, owner, problems, "SAMPLE BY", table.sampleBy());
        }
        table.ttl().forEach(e -> ModelChecks.checkReferences(table, owner, problems, "TTL", e));
        checkPrimaryKeyPrefix();
        checkSampleBy();
        checkNullableKeys();
        checkColumnTtls();
    }

    private void checkPrimaryKeyPrefix() {
        List<String> pk = table.primaryKey();
        List<String> order = table.orderBy();
        if (!pk.isEmpty() && (pk.size() > order.size() || !order.subList(0, pk.size()).equals(pk))) {
            problems.add("%s: PRIMARY KEY (%s) must be a prefix of ORDER BY (%s); reorder orderBy or shorten"
                    + " primaryKey.", owner, String.join(", ", pk), String.join(", ", order));
        }
    }

    private void checkSampleBy() {
        String sample = table.sampleBy();
        if (!sample.isEmpty() && !table.effectivePrimaryKey().contains(sample)) {
            problems.add("%s: SAMPLE BY '%s' must be one of the primary key expressions (%s); add it to orderBy.",
                    owner, sample, String.join(", ", table.effectivePrimaryKey()));
        }
        table.column(sample).filter(c -> !c.type().kind().isUnsigned()).ifPresent(c -> problems.add(
                "%s.%s: SAMPLE BY needs an unsigned integer, found %s; sample by a hash such as intHash32(%s) of type"
                        + " UInt32.", owner, c.name(), c.type().sql(), c.name()));
    }

    private java.util.Set<String> keyColumns() {
        java.util.Set<String> names = new java.util.HashSet<>();
        table.orderBy().forEach(e -> names.addAll(SqlScanner.columnReferences(e)));
        names.addAll(SqlScanner.columnReferences(table.partitionBy()));
        return names;
    }

    private void checkNullableKeys() {
        if ("1".equals(table.settings().get("allow_nullable_key"))) {
            return;
        }
        for (String expression : table.orderBy()) {
            table.column(expression).filter(c -> c.type().isNullable()).ifPresent(c -> problems.add(
                    "%s.%s: a Nullable column in ORDER BY needs the setting allow_nullable_key = 1; add"
                            + " @Setting(name = \"allow_nullable_key\", value = \"1\") or make it non-Nullable.",
                    owner, c.name()));
        }
    }

    private void checkColumnTtls() {
        for (ColumnSpec c : table.columns()) {
            if (c.ttl().isEmpty()) {
                continue;
            }
            if (keyColumns().contains(c.name())) {
                problems.add("%s.%s: a column of the sorting or partition key cannot have a TTL; remove @Ttl or take"
                        + " the column out of the key.", owner, c.name());
            }
            ModelChecks.checkReferences(table, owner + "." + c.name(), problems, "TTL", c.ttl());
        }
    }
}
