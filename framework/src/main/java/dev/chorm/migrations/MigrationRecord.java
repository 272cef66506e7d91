package dev.chorm.migrations;

import java.time.Instant;

/**
 * Describe what the history table holds for one migration: applied, or how far a run got.
 *
 * <p>{@code progress} counts the leading operations whose DDL is done; {@code step} counts the
 * statements already run of the operation in flight, in {@code direction}. A fully applied
 * migration has {@code applied == true} and {@code progress == operations}.
 *
 * @param key the migration
 * @param applied whether every operation is done
 * @param progress the number of leading operations done
 * @param step the number of statements done of the operation in flight (0 at an operation boundary)
 * @param backwards whether the operation in flight was being undone
 * @param operations the migration's number of operations when recorded
 * @param checksum the checksum of the whole migration when recorded
 * @param prefixChecksum the checksum of the operations that are (even partly) done
 * @param appliedAt when the row was written
 * @param version the row's version; the highest wins
 */
public record MigrationRecord(MigrationKey key, boolean applied, int progress, int step, boolean backwards,
                              int operations, String checksum, String prefixChecksum, Instant appliedAt,
                              long version) {
    /** Return whether a run stopped part-way through this migration. */
    public boolean isPartial() {
        return !applied && (progress > 0 || step > 0);
    }

    /** Return how many leading operations a run that is not finished has (even partly) done: those the prefix checksum covers. */
    int startedOperations() {
        return startedOperations(progress, step, backwards);
    }

    /** Return how many leading operations are (even partly) done after {@code progress} whole ones and {@code step} statements. */
    static int startedOperations(int progress, int step, boolean backwards) {
        return progress + (step > 0 && !backwards ? 1 : 0);
    }
}
