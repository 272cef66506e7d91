package dev.chorm.migrations;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Receive what {@code migrate} is doing: migrations and operations starting and finishing, progress
 * of long operations (mutations, rows copied by a rebuild) and waits for the migration lock.
 * Every method does nothing by default.
 *
 * <pre>{@code ProgressListener listener = ProgressListener.printing(getLog()::info);}</pre>
 */
public interface ProgressListener {
    /** Return a listener that ignores everything. */
    static ProgressListener silent() {
        return new ProgressListener() {
        };
    }

    /** Return a listener that writes one readable line per event to {@code out}. */
    static ProgressListener printing(Consumer<String> out) {
        return new PrintingProgressListener(out);
    }

    /** Report that {@code migration} starts to be applied ({@code backwards == false}) or unapplied. */
    default void migrationStarting(MigrationKey migration, boolean backwards, boolean fake) {
    }

    /** Report that operation {@code index} (0-based) of {@code count} starts. */
    default void operationStarting(MigrationKey migration, int index, int count, String description) {
    }

    /** Report progress of a long operation: {@code done} of {@code total} {@code unit} (total is -1 when unknown). */
    default void operationProgress(MigrationKey migration, int index, long done, long total, String unit) {
    }

    /** Report that {@code migration} was applied or unapplied, in {@code took}. */
    default void migrationFinished(MigrationKey migration, boolean backwards, Duration took) {
    }

    /** Report that the run waits, for example for the migration lock held by another run. */
    default void waiting(String message) {
    }
}
