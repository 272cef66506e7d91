package dev.chorm.junit;

import static dev.chorm.junit.ProvisioningTest.current;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.junit.events.Event;
import dev.chorm.query.QuerySet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Eight classes run at the same time (JUnit's parallel execution, classes concurrent): each writes
 * its own rows and must see exactly those, in a database of its own.
 */
@ClickhouseTest
class ParallelTest {
    static final Map<String, String> DATABASES = new ConcurrentHashMap<>();
    static final CountDownLatch ALL_RUNNING = new CountDownLatch(8);

    @Scenario
    abstract static class Writer {
        @Test
        void seesOnlyItsOwnRows(Database db, QuerySet<Event> events) throws InterruptedException {
            String me = getClass().getSimpleName();
            int n = me.charAt(me.length() - 1) - '0';
            DATABASES.put(me, current(db));
            ALL_RUNNING.countDown();
            // Proves the classes overlap: each waits until all eight have their database.
            assertThat(ALL_RUNNING.await(120, TimeUnit.SECONDS)).as("all eight classes run at once").isTrue();
            List<Event> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Event e = new Event();
                e.protocol = me;
                e.port = i;
                rows.add(e);
            }
            events.bulkCreate(rows);
            events.filter("port", 0).update(Map.of("content", me));
            assertThat(events.count()).isEqualTo(n);
            assertThat(events.exclude("protocol", me).exists()).isFalse();
            assertThat(events.filter("content", me).count()).isEqualTo(1);
        }
    }

    @ClickhouseTest static class Writer1 extends Writer { }
    @ClickhouseTest static class Writer2 extends Writer { }
    @ClickhouseTest static class Writer3 extends Writer { }
    @ClickhouseTest static class Writer4 extends Writer { }
    @ClickhouseTest static class Writer5 extends Writer { }
    @ClickhouseTest static class Writer6 extends Writer { }
    @ClickhouseTest static class Writer7 extends Writer { }
    @ClickhouseTest static class Writer8 extends Writer { }

    @Test
    void eightClassesInParallelDoNotSeeEachOther() {
        Kit.run(Map.of("junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.default", "same_thread",
                        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "8"),
                        Writer1.class, Writer2.class, Writer3.class, Writer4.class, Writer5.class, Writer6.class,
                        Writer7.class, Writer8.class)
                .testEvents().assertStatistics(s -> s.succeeded(8).failed(0));
        assertThat(DATABASES).hasSize(8);
        assertThat(DATABASES.values()).doesNotHaveDuplicates().allMatch(n -> n.matches("test_default_[a-z0-9]{6}_\\d+"));
    }
}
