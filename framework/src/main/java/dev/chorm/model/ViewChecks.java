package dev.chorm.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Check a view's {@link ViewSpec} for what ClickHouse would reject (measured on 26.5): {@code POPULATE}
 * with a {@code TO} table, {@code DEPENDS ON} with {@code REFRESH AFTER}, an empty query. Runs on any
 * {@link TableSpec}, also one rebuilt from migration files; the checks that need the model classes are
 * in {@link ViewReader}. {@link #checkRefreshTargets} looks at all the models together.
 */
final class ViewChecks {
    private ViewChecks() {
    }

    static void check(TableSpec table, String owner, Problems problems) {
        ViewSpec v = table.view();
        if (v == null) {
            return;
        }
        if (v.query().isEmpty()) {
            problems.add("%s: the view has no query; write one.", owner);
        }
        if (v.populate() && v.to() != null) {
            problems.add("%s: populate cannot be combined with to (ClickHouse refuses it); leave populate out and backfill %s"
                    + " in a migration with RunSQL \"INSERT INTO %s SELECT ...\" (the view's query over the older rows).",
                    owner, v.to(), v.to());
        }
        if (v.refresh() != null && !v.refresh().dependsOn().isEmpty() && !v.refresh().schedule().toUpperCase(java.util.Locale.ROOT).startsWith("EVERY")) {
            problems.add("%s: dependsOn needs refresh = \"EVERY ...\" (ClickHouse allows DEPENDS ON only with REFRESH EVERY),"
                    + " found '%s'; use EVERY or remove dependsOn.", owner, v.refresh().schedule());
        }
        if (v.populate() && v.refresh() != null) {
            problems.add("%s: a refreshable view fills itself on its first refresh; remove populate.", owner);
        }
    }

    /**
     * Return a problem for each table that two refreshable views without {@code APPEND} write {@code TO}, keyed by
     * the owner of each table in {@code tables}: each refresh replaces the table's rows, so ClickHouse allows one
     * such view per table and refuses the second at CREATE (code 36, measured on 26.5); appending views may share it.
     */
    static List<String> checkRefreshTargets(Map<String, TableSpec> tables) {
        Map<TableRef, List<String>> replacing = new LinkedHashMap<>();
        tables.forEach((owner, t) -> {
            ViewSpec v = t.view();
            if (v != null && v.to() != null && v.refresh() != null && !v.refresh().append()) {
                replacing.computeIfAbsent(v.to(), k -> new ArrayList<>()).add(owner);
            }
        });
        List<String> problems = new ArrayList<>();
        replacing.forEach((to, owners) -> {
            if (owners.size() > 1) {
                problems.add(("%s: each is a refreshable view that replaces the rows of its TO table %s on every refresh,"
                        + " and ClickHouse allows one such view per table; set append = true on all but one of them, or"
                        + " point them at different tables.").formatted(String.join(" and ", owners), to));
            }
        });
        return problems;
    }
}
