package dev.chorm.model;

/**
 * Check a view's {@link ViewSpec} for what ClickHouse would reject (measured on 26.5): {@code POPULATE}
 * with a {@code TO} table, {@code DEPENDS ON} with {@code REFRESH AFTER}, an empty query. Runs on any
 * {@link TableSpec}, also one rebuilt from migration files; the checks that need the model classes are
 * in {@link ViewReader}.
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
}
