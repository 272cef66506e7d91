package dev.chorm.migrations;

import java.time.Duration;
import java.util.function.Consumer;

/** Write progress events as lines such as {@code Applying events/0002_add_note... OK (0.3s)}. */
final class PrintingProgressListener implements ProgressListener {
    private final Consumer<String> out;

    PrintingProgressListener(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public void migrationStarting(MigrationKey migration, boolean backwards, boolean fake) {
        out.accept("%s %s%s".formatted(backwards ? "Unapplying" : "Applying", migration, fake ? " (fake)" : ""));
    }

    @Override
    public void operationStarting(MigrationKey migration, int index, int count, String description) {
        out.accept("  [%d/%d] %s".formatted(index + 1, count, description));
    }

    @Override
    public void operationProgress(MigrationKey migration, int index, long done, long total, String unit) {
        out.accept(total < 0 ? "        %d %s".formatted(done, unit) : "        %d/%d %s".formatted(done, total, unit));
    }

    @Override
    public void migrationFinished(MigrationKey migration, boolean backwards, Duration took) {
        out.accept(String.format(java.util.Locale.ROOT, "  OK (%.1fs)", took.toMillis() / 1000.0));
    }

    @Override
    public void waiting(String message) {
        out.accept(message);
    }
}
