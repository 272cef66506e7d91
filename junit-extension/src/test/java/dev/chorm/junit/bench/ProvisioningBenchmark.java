package dev.chorm.junit.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.chorm.junit.ClickhouseTest;
import dev.chorm.junit.Flush;
import dev.chorm.junit.Schema;
import dev.chorm.query.QuerySet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * Measure what {@code @ClickhouseTest} costs on the embedded engine for a project of twenty models:
 * the time from a class's start to its first test method (taking its database: CREATE DATABASE and
 * twenty CREATE TABLE ... AS, made in the background while the previous class ran), once the engine
 * is up and the template exists, and the time of a method after the first (which includes the flush:
 * TRUNCATE of the tables that hold rows) against the same method with {@code Flush.NEVER}.
 * Target: under 300 ms per class. Run it (not a test) with:
 * <pre>
 * mvn -q -pl junit-extension -am -DskipTests install
 * mvn -q -pl junit-extension test-compile exec:java -Dexec.skip=false -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.chorm.junit.bench.ProvisioningBenchmark
 * </pre>
 * Each figure is the median over the classes of one run; on a loaded machine they vary widely.
 */
public final class ProvisioningBenchmark {
    private static final int CLASSES = 20;

    private ProvisioningBenchmark() {
    }

    /** Write rows into two of the twenty tables in every method, so that each flush has work. */
    abstract static class Writes {
        @Test
        void first(QuerySet<BenchModels.M01> a, QuerySet<BenchModels.M02> b) {
            write(a, b);
        }

        @Test
        void second(QuerySet<BenchModels.M01> a, QuerySet<BenchModels.M02> b) {
            write(a, b);
        }

        @Test
        void third(QuerySet<BenchModels.M01> a, QuerySet<BenchModels.M02> b) {
            write(a, b);
        }

        @Test
        void fourth(QuerySet<BenchModels.M01> a, QuerySet<BenchModels.M02> b) {
            write(a, b);
        }

        private static void write(QuerySet<BenchModels.M01> a, QuerySet<BenchModels.M02> b) {
            a.create(new BenchModels.M01());
            b.create(new BenchModels.M02());
        }
    }

    /** The same methods without flushing: the difference in method time is the flush. */
    @ClickhouseTest(schema = Schema.MODELS, flush = Flush.NEVER, models = {BenchModels.M01.class, BenchModels.M02.class})
    @Order(0)
    static class NoFlush extends Writes {
    }

    @Order(0) static class NoFlush2 extends NoFlush { }
    @Order(0) static class NoFlush3 extends NoFlush { }
    @Order(0) static class NoFlush4 extends NoFlush { }
    @Order(0) static class NoFlush5 extends NoFlush { }

    @TwentyModels @Order(1) static class C01 extends Writes { }
    @TwentyModels @Order(2) static class C02 extends Writes { }
    @TwentyModels @Order(3) static class C03 extends Writes { }
    @TwentyModels @Order(4) static class C04 extends Writes { }
    @TwentyModels @Order(5) static class C05 extends Writes { }
    @TwentyModels @Order(6) static class C06 extends Writes { }
    @TwentyModels @Order(7) static class C07 extends Writes { }
    @TwentyModels @Order(8) static class C08 extends Writes { }
    @TwentyModels @Order(9) static class C09 extends Writes { }
    @TwentyModels @Order(10) static class C10 extends Writes { }
    @TwentyModels @Order(11) static class C11 extends Writes { }
    @TwentyModels @Order(12) static class C12 extends Writes { }
    @TwentyModels @Order(13) static class C13 extends Writes { }
    @TwentyModels @Order(14) static class C14 extends Writes { }
    @TwentyModels @Order(15) static class C15 extends Writes { }
    @TwentyModels @Order(16) static class C16 extends Writes { }
    @TwentyModels @Order(17) static class C17 extends Writes { }
    @TwentyModels @Order(18) static class C18 extends Writes { }
    @TwentyModels @Order(19) static class C19 extends Writes { }
    @TwentyModels @Order(20) static class C20 extends Writes { }

    /** Run the classes in one JUnit run and print the figures. */
    public static void main(String[] args) {
        List<Class<?>> classes = new ArrayList<>(List.of(NoFlush.class, NoFlush2.class, NoFlush3.class, NoFlush4.class, NoFlush5.class, C01.class, C02.class, C03.class, C04.class,
                C05.class, C06.class, C07.class, C08.class, C09.class, C10.class, C11.class, C12.class, C13.class,
                C14.class, C15.class, C16.class, C17.class, C18.class, C19.class, C20.class));
        var request = EngineTestKit.engine("junit-jupiter").configurationParameters(Map.of(
                "junit.jupiter.testclass.order.default", ClassOrderer.OrderAnnotation.class.getName()));
        for (Class<?> c : classes) {
            request = request.selectors(selectClass(c));
        }
        long started = System.nanoTime();
        EngineExecutionResults results = request.execute();
        Duration total = Duration.ofNanos(System.nanoTime() - started);
        results.testEvents().assertStatistics(s -> s.failed(0).succeeded(4L * (CLASSES + 5)));
        List<Event> events = results.allEvents().list();

        List<Long> provisioning = new ArrayList<>();
        List<Long> flushMethods = new ArrayList<>();
        List<Long> plainMethods = new ArrayList<>();
        long firstClass = -1;
        for (Class<?> c : classes) {
            List<Event> mine = events.stream().filter(e -> belongsTo(e.getTestDescriptor(), c)).toList();
            Event classStart = mine.stream().filter(e -> e.getType() == EventType.STARTED && isClass(e, c)).findFirst().orElseThrow();
            List<Event> tests = mine.stream().filter(e -> e.getTestDescriptor().isTest()
                    && (e.getType() == EventType.STARTED || e.getType() == EventType.FINISHED)).toList();
            long provision = Duration.between(classStart.getTimestamp(), tests.get(0).getTimestamp()).toNanos();
            boolean plain = NoFlush.class.isAssignableFrom(c);
            if (c == C01.class) {
                firstClass = provision;
            } else if (!plain) {
                provisioning.add(provision);
            }
            // Methods after the first: the flush runs in beforeEach, inside the method's time.
            for (int i = 2; i + 1 < tests.size(); i += 2) {
                long took = Duration.between(tests.get(i).getTimestamp(), tests.get(i + 1).getTimestamp()).toNanos();
                (plain ? plainMethods : flushMethods).add(took);
            }
        }
        System.out.printf("total run (engine start, templates, %d classes x 4 methods): %d ms%n", CLASSES + 5, total.toMillis());
        System.out.printf("first 20-model class (creates the template): %.1f ms%n", firstClass / 1e6);
        System.out.printf("per-class provisioning, 20 models, template ready: median %.1f ms, min %.1f, max %.1f (n=%d)%n",
                median(provisioning) / 1e6, Collections.min(provisioning) / 1e6, Collections.max(provisioning) / 1e6,
                provisioning.size());
        System.out.printf("method (2 inserts) with flush, 2 of 20 tables hold rows: median %.1f ms (n=%d)%n",
                median(flushMethods) / 1e6, flushMethods.size());
        System.out.printf("same method without flush: median %.1f ms (n=%d); flush cost ~ %.1f ms%n",
                median(plainMethods) / 1e6, plainMethods.size(), (median(flushMethods) - median(plainMethods)) / 1e6);
    }

    private static boolean belongsTo(TestDescriptor d, Class<?> c) {
        return d.getUniqueId().getSegments().stream().anyMatch(s -> s.getValue().equals(c.getName()));
    }

    private static boolean isClass(Event e, Class<?> c) {
        return e.getTestDescriptor().isContainer() && e.getTestDescriptor().getUniqueId().getLastSegment().getValue().equals(c.getName());
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }
}
