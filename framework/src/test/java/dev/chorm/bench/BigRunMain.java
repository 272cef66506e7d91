package dev.chorm.bench;

import dev.chorm.db.Database;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Insert {@code n} benchmark rows with {@code bulkCreate} (made lazily, never all in memory) and
 * stream them back into objects, in the small heap {@link QuerySetBenchmark} starts this JVM with
 * ({@code -Xmx256m}); print the times and the peak heap in use, sampled every 10 ms.
 */
public final class BigRunMain {
    private BigRunMain() {
    }

    /** args: JDBC URL, user, password, rows. */
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", args[1]);
        p.setProperty("password", args[2]);
        long n = Long.parseLong(args[3]);
        MemoryMXBean heap = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (true) {
                peak.accumulateAndGet(heap.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        try (Database db = Database.open("big", args[0], p, Map.of())) {
            long start = System.nanoTime();
            long inserted = db.objects(BenchRow.class).bulkCreate(LongStream.range(0, n).mapToObj(BenchRow::of),
                    1_048_576);
            double insertSeconds = (System.nanoTime() - start) / 1e9;
            long insertPeak = peak.getAndSet(0);
            start = System.nanoTime();
            long sum;
            try (Stream<BenchRow> s = db.objects(BenchRow.class).stream()) {
                sum = s.mapToLong(r -> r.id).sum();
            }
            double streamSeconds = (System.nanoTime() - start) / 1e9;
            if (inserted != n || sum != n * (n - 1) / 2) {
                throw new IllegalStateException("inserted " + inserted + ", checksum " + sum);
            }
            System.out.printf("big:%,d rows under -Xmx%d MB: bulkCreate %.2f s (%.2f M rows/s), peak heap %d MB;"
                    + " stream() %.2f s (%.2f M rows/s), peak heap %d MB%n", n,
                    heap.getHeapMemoryUsage().getMax() / 1_048_576, insertSeconds, n / insertSeconds / 1e6,
                    insertPeak / 1_048_576, streamSeconds, n / streamSeconds / 1e6, peak.get() / 1_048_576);
        }
    }
}
