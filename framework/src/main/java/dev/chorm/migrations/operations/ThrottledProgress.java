package dev.chorm.migrations.operations;

/**
 * Pass progress on at most about once a second and never twice the same: pollers may report as
 * often as they poll. The first report and the one that reaches the total always pass.
 */
final class ThrottledProgress implements OperationContext.ProgressSink {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final OperationContext.ProgressSink target;
    private String last;
    private long lastAt;

    ThrottledProgress(OperationContext.ProgressSink target) {
        this.target = target;
    }

    @Override
    public synchronized void report(long done, long total, String unit) {
        String line = done + "/" + total + " " + unit;
        long now = System.nanoTime();
        boolean finished = total >= 0 && done >= total;
        if (line.equals(last) || last != null && !finished && now - lastAt < INTERVAL_NANOS) {
            return;
        }
        last = line;
        lastAt = now;
        target.report(done, total, unit);
    }
}
