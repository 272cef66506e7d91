package dev.chorm.migrations;

import java.nio.file.Path;
import java.util.List;

/**
 * Report what {@code makemigrations} found and wrote.
 *
 * @param migrations the new migrations (written unless checking)
 * @param files the files written, in the order of {@code migrations}; empty when checking
 */
public record MakeMigrationsResult(List<Migration> migrations, List<Path> files) {
    /** Copy the lists. */
    public MakeMigrationsResult {
        migrations = List.copyOf(migrations);
        files = List.copyOf(files);
    }

    /** Return whether the models have changes that no migration holds yet (or a migration was written). */
    public boolean changesDetected() {
        return !migrations.isEmpty();
    }

    /** Return Django's summary: per app the file (or migration) and its operations, or "No changes detected". */
    public String summary() {
        if (migrations.isEmpty()) {
            return "No changes detected";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < migrations.size(); i++) {
            Migration m = migrations.get(i);
            s.append(i == 0 ? "" : "\n").append("Migrations for '").append(m.app()).append("':\n  ")
                    .append(i < files.size() ? files.get(i).toString() : m.key().toString());
            m.operations().forEach(op -> s.append("\n    - ").append(op.describe()));
        }
        return s.toString();
    }

    /** Return the message of a failed check: which models changed and how to write their migrations. */
    public String checkFailureMessage() {
        return "Models have changes that are not in migrations yet:\n" + summary()
                + "\nRun 'mvn clickhouse:makemigrations' to write them.";
    }
}
