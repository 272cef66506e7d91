package dev.chorm.embedded.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Tell the user about the one-time engine download: what is fetched (package and version), its size,
 * where it goes and where from, then a progress line at every tenth of the download (or every
 * {@link #QUIET_NANOS} without one, on a slow network), then the time it took.
 *
 * <p>The lines go to a sink that {@link dev.chorm.embedded.EngineLibrary} points at standard error:
 * a build run with {@code mvn -q} hides the Maven log, and a first run must not look hung for the
 * minutes a 166 MB download can take.
 */
public final class FetchReport implements NpmTarball.Progress {
    /** The longest silence during a download before a progress line is printed anyway. */
    static final long QUIET_NANOS = 10_000_000_000L;
    private static final String PREFIX = "chorm: ";

    private final Consumer<String> out;
    private final LongSupplier nanos;
    private final String spec;
    private final Path library;
    private final long startNanos;
    private long total = -1;
    private long lastLineNanos;
    private long lastTenth;

    /**
     * Report the fetch of {@code spec} (e.g. {@code @chdb/lib-linux-x64-gnu@26.5.3}) into
     * {@code library}, writing lines to {@code out} and reading time from {@code nanos}.
     */
    public FetchReport(Consumer<String> out, LongSupplier nanos, String spec, Path library) {
        this.out = out;
        this.nanos = nanos;
        this.spec = spec;
        this.library = library;
        this.startNanos = nanos.getAsLong();
        this.lastLineNanos = startNanos;
    }

    @Override
    public void started(URI source, long totalBytes) {
        total = totalBytes;
        out.accept(PREFIX + "fetching the ClickHouse engine, npm package %s (%s) from %s into %s; once per machine and version"
                .formatted(spec, totalBytes < 0 ? "size not given" : megabytes(totalBytes) + " download", source, library.getParent()));
        lastLineNanos = nanos.getAsLong();
    }

    @Override
    public void advanced(long bytes) {
        long now = nanos.getAsLong();
        long tenth = total > 0 ? bytes * 10 / total : 0;
        boolean nextTenth = total > 0 && tenth > lastTenth && bytes < total;
        if (nextTenth || now - lastLineNanos >= QUIET_NANOS) {
            lastTenth = Math.max(lastTenth, tenth);
            lastLineNanos = now;
            out.accept(PREFIX + (total > 0
                    ? "%s of %s (%d%%), %s".formatted(megabytes(bytes), megabytes(total), bytes * 100 / total, seconds(now))
                    : "%s, %s".formatted(megabytes(bytes), seconds(now))));
        }
    }

    /** The direct download failed for {@code reason}; npm itself fetches now, which reports no progress. */
    public void fallingBack(String reason) {
        out.accept(PREFIX + "direct download of %s failed (%s); running `npm pack` instead, which reports no progress"
                .formatted(spec, reason));
    }

    /** The library is in place. */
    public void finished() {
        out.accept(PREFIX + "fetched %s in %s, checked against npm's sha512; the engine library is %s"
                .formatted(spec, seconds(nanos.getAsLong()), library));
    }

    private String seconds(long now) {
        return String.format(Locale.ROOT, "%.1f s", (now - startNanos) / 1e9);
    }

    /** Return a size in MB (10^6 bytes, as npm and browsers show it) with one decimal. */
    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
