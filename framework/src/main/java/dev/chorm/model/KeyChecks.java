package dev.chorm.model;

import dev.chorm.sql.SqlLexer;
import java.util.List;

/** Check the sorting, primary, partition and sampling keys and the TTLs of a MergeTree-family table. */
final class KeyChecks {
    /** What follows the expression of a TTL rule: its action or its WHERE / GROUP BY. */
    private static final java.util.regex.Pattern TTL_ACTION = java.util.regex.Pattern.compile(
            "(?is)\\s+(DELETE|TO\\s+DISK|TO\\s+VOLUME|RECOMPRESS|WHERE|GROUP\\s+BY)\\b.*$");
    /** Functions that return a Date or DateTime, so a TTL built on them is typed right whatever their argument. */
    private static final java.util.regex.Pattern DATE_FUNCTION = java.util.regex.Pattern.compile(
            "(?i)\\b(to(Date|Date32|DateTime|DateTime64|StartOf\\w*|Monday|LastDayOfMonth)|now|now64|today|yesterday"
                    + "|parseDateTime\\w*|fromUnixTimestamp\\w*|FROM_UNIXTIME)\\s*\\(");

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
        table.ttl().forEach(e -> checkTtlType(owner, e));
        checkPrimaryKeyPrefix();
        checkSampleBy();
        checkNullableKeys();
        checkAggregateKeys();
        checkColumnTtls();
    }

    /** ClickHouse refuses (Simple)AggregateFunction columns in the sorting and partition keys: they are not comparable. */
    private void checkAggregateKeys() {
        for (String name : new java.util.TreeSet<>(keyColumns())) {
            table.column(name).filter(c -> c.type().kind().isAggregate()).ifPresent(c -> problems.add(
                    "%s.%s: a column of type %s cannot be in ORDER BY or PARTITION BY (ClickHouse cannot compare"
                            + " aggregates); key the table by the grouping columns and keep %s out of the key.",
                    owner, c.name(), c.type().sql(), c.name()));
        }
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
        table.orderBy().forEach(e -> names.addAll(SqlLexer.columnReferences(e)));
        names.addAll(SqlLexer.columnReferences(table.partitionBy()));
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

    /**
     * Check that a TTL rule's expression can be a Date or DateTime, which ClickHouse requires but reports
     * only when the table is created: it must use a Date/DateTime column or a function returning one.
     * Unknown columns are reported by the reference check already.
     */
    private void checkTtlType(String where, String rule) {
        String expression = TTL_ACTION.matcher(rule).replaceFirst("");
        if (DATE_FUNCTION.matcher(expression).find()) {
            return;
        }
        java.util.List<ColumnSpec> used = new java.util.ArrayList<>();
        for (String name : SqlLexer.columnReferences(expression)) {
            java.util.Optional<ColumnSpec> c = table.column(name);
            if (c.isEmpty()) {
                return;
            }
            used.add(c.get());
        }
        if (used.stream().anyMatch(c -> c.type().base().kind().isTemporal())) {
            return;
        }
        String found = used.isEmpty() ? "it uses no column"
                : String.join(", ", used.stream().map(c -> c.name() + " is " + c.type().sql()).toList());
        problems.add("%s: TTL '%s' does not evaluate to Date or DateTime (%s); base it on a Date or DateTime column"
                + " (a LocalDate or Instant field), such as 'timestamp + INTERVAL 1 DAY'.", where, expression, found);
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
            checkTtlType(owner + "." + c.name(), c.ttl());
        }
    }
}
