package dev.chorm.query;

import dev.chorm.db.Database;
import dev.chorm.query.fixtures.Person;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Stream every Person of a database into objects in a small heap and print the row count, the
 * checksum of ids and the peak heap use: run by {@link StreamMemoryTest} in a child JVM with -Xmx256m.
 */
public final class StreamMemoryMain {
    private StreamMemoryMain() {
    }

    /** Stream the rows; args: JDBC URL, user, password. */
    public static void main(String[] args) {
        Properties p = new Properties();
        p.setProperty("user", args[1]);
        p.setProperty("password", args[2]);
        AtomicLong rows = new AtomicLong();
        AtomicLong sum = new AtomicLong();
        long peak = 0;
        try (Database db = Database.open("stream", args[0], p, Map.of());
             Stream<Person> people = db.objects(Person.class).stream()) {
            var heap = ManagementFactory.getMemoryMXBean();
            var it = people.iterator();
            while (it.hasNext()) {
                Person person = it.next();
                sum.addAndGet(person.id());
                if (rows.incrementAndGet() % 500_000 == 0) {
                    peak = Math.max(peak, heap.getHeapMemoryUsage().getUsed());
                }
            }
        }
        System.out.println("rows=" + rows + " sum=" + sum + " peakHeapMB=" + peak / 1_000_000);
    }
}
