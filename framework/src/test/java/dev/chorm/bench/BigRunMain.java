package dev.chorm.bench;

import dev.chorm.db.Database;
import java.lang.management.ManagementFactory;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Insert {@code n} benchmark rows with {@code bulkCreate} (made lazily, never all in memory) and
 * stream them back into objects, in the small heap {@link QuerySetBenchmark} starts this JVM with
 * ({@code -Xmx256m}); print the times, the peak heap in use (garbage included) sampled every 10 ms,
 * and the peak heap still in use after a collection (the live set: what the run holds).
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
        AtomicLong live = new AtomicLong();
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                            .getGcInfo();
                    long used = info.getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                    live.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
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
            long insertLive = live.getAndSet(0);
            start = System.nanoTime();
            long sum;
            try (Stream<BenchRow> s = db.objects(BenchRow.class).stream()) {
                sum = s.mapToLong(r -> r.id).sum();
            }
            double streamSeconds = (System.nanoTime() - start) / 1e9;
            if (inserted != n || sum != n * (n - 1) / 2) {
                throw new IllegalStateException("inserted " + inserted + ", checksum " + sum);
            }
            System.out.printf("big:%,d rows under -Xmx%d MB: bulkCreate %.2f s (%.2f M rows/s), peak heap %d MB"
                    + " (%d MB live after GC); stream() %.2f s (%.2f M rows/s), peak heap %d MB (%d MB live after GC)%n",
                    n, heap.getHeapMemoryUsage().getMax() / 1_048_576, insertSeconds, n / insertSeconds / 1e6,
                    insertPeak / 1_048_576, insertLive / 1_048_576, streamSeconds, n / streamSeconds / 1e6,
                    peak.get() / 1_048_576, live.get() / 1_048_576);
        }
    }
}
