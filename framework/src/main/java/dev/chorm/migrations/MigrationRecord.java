package dev.chorm.migrations;

import dev.chorm.model.Table;
import dev.chorm.model.engine.ReplacingMergeTree;
import dev.chorm.types.annotation.UInt32;
import dev.chorm.types.annotation.UInt64;
import java.time.Instant;

/**
 * Describe what the history table holds for one migration: applied, or how far a run got. It is also
 * the internal model of that table ({@link MigrationRecorder}), so that its columns and the reading of
 * its rows come from the model machinery, as Django's recorder keeps its history in a model: each change
 * of a migration's status is one row, and of the rows of one migration the highest {@code version} is
 * its status.
 *
 * <p>{@code progress} counts the leading operations whose DDL is done; {@code step} counts the
 * statements already run of the operation in flight, in {@code direction}. A fully applied
 * migration has {@code applied == true} and {@code progress == operations}. The counts are
 * {@code UInt32} columns, so Java {@code long}s.
 *
 * @param app the migration's app
 * @param name the migration's name
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
@Table(name = MigrationRecorder.TABLE)
@ReplacingMergeTree(version = "version", orderBy = {"app", "name"})
public record MigrationRecord(String app, String name, boolean applied, @UInt32 long progress, @UInt32 long step,
                              boolean backwards, @UInt32 long operations, String checksum, String prefixChecksum,
                              Instant appliedAt, @UInt64 long version) {
    /** Return the migration. */
    public MigrationKey key() {
        return new MigrationKey(app, name);
    }

    /** Return whether a run stopped part-way through this migration. */
    public boolean isPartial() {
        return !applied && (progress > 0 || step > 0);
    }

    /** Return how many leading operations a run that is not finished has (even partly) done: those the prefix checksum covers. */
    int startedOperations() {
        return startedOperations(Math.toIntExact(progress), Math.toIntExact(step), backwards);
    }

    /** Return how many leading operations are (even partly) done after {@code progress} whole ones and {@code step} statements. */
    static int startedOperations(int progress, int step, boolean backwards) {
        return progress + (step > 0 && !backwards ? 1 : 0);
    }
}
