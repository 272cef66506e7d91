package dev.chorm.migrations;

import dev.chorm.MigrationException;
import java.util.List;

/**
 * Name where {@code migrate} should take an app: a migration, or zero (nothing applied).
 *
 * @param app the app
 * @param key the target migration, or null for zero
 */
public record MigrationTarget(String app, MigrationKey key) {
    /** Return whether the target is zero. */
    public boolean isZero() {
        return key == null;
    }

    /** Resolve {@code app}, {@code app/prefix} or {@code app/zero} against {@code graph}. */
    public static MigrationTarget resolve(MigrationGraph graph, String text) {
        int slash = text.indexOf('/');
        String app = slash < 0 ? text.strip() : text.substring(0, slash).strip();
        String name = slash < 0 ? "" : text.substring(slash + 1).strip();
        if (!graph.apps().contains(app)) {
            throw new MigrationException("App '%s' has no migrations. Run 'mvn clickhouse:showmigrations' to list the apps and their migrations."
                    .formatted(app));
        }
        if (name.equals("zero")) {
            return new MigrationTarget(app, null);
        }
        if (name.isEmpty()) {
            List<MigrationKey> leaves = graph.leaves(app);
            if (leaves.size() > 1) {
                graph.checkConsistent();
            }
            return new MigrationTarget(app, leaves.get(0));
        }
        List<MigrationKey> matches = graph.migrations(app).stream().map(Migration::key)
                .filter(k -> k.name().startsWith(name)).toList();
        if (matches.isEmpty()) {
            throw new MigrationException("Cannot find a migration matching '%s' in app '%s'. Run 'mvn clickhouse:showmigrations' to list them."
                    .formatted(name, app));
        }
        if (matches.size() > 1) {
            throw new MigrationException("More than one migration matches '%s' in app '%s': %s. Give more of the name."
                    .formatted(name, app, String.join(", ", matches.stream().map(MigrationKey::name).toList())));
        }
        return new MigrationTarget(app, matches.get(0));
    }
}
