package dev.chorm.migrations;

import java.util.List;

/**
 * Report what {@code migrate} did.
 *
 * @param applied the migrations applied, in order
 * @param unapplied the migrations unapplied, in order
 * @param faked the migrations only recorded (fake or fake-initial), in order
 */
public record MigrateResult(List<MigrationKey> applied, List<MigrationKey> unapplied, List<MigrationKey> faked) {
    /** Copy the lists. */
    public MigrateResult {
        applied = List.copyOf(applied);
        unapplied = List.copyOf(unapplied);
        faked = List.copyOf(faked);
    }

    /** Return whether nothing changed. */
    public boolean isEmpty() {
        return applied.isEmpty() && unapplied.isEmpty() && faked.isEmpty();
    }
}
