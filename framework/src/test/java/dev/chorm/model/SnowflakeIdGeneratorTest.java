package dev.chorm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SnowflakeIdGeneratorTest {
    @Test
    void manyThreadsNeverShareAnIdAndEachSeesIncreasingIds() throws Exception {
        SnowflakeIdGenerator gen = new SnowflakeIdGenerator(3, 7);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            futures.add(pool.submit(() -> {
                long[] ids = new long[50_000];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = gen.nextId();
                }
                return ids;
            }));
        }
        Set<Long> all = new HashSet<>();
        for (Future<long[]> f : futures) {
            long[] ids = f.get();
            for (int i = 0; i < ids.length; i++) {
                assertThat(all.add(ids[i])).isTrue();
                if (i > 0) {
                    assertThat(ids[i]).isGreaterThan(ids[i - 1]);
                }
            }
        }
        pool.shutdown();
        assertThat(all).hasSize(16 * 50_000);
    }

    @Test
    void encodesNodeIdsAndTime() {
        long id = new SnowflakeIdGenerator(5, 9, () -> 1_700_000_000_000L).nextId();
        assertThat(SnowflakeIdGenerator.workerIdOf(id)).isEqualTo(5);
        assertThat(SnowflakeIdGenerator.datacenterIdOf(id)).isEqualTo(9);
        assertThat(SnowflakeIdGenerator.timestampOf(id)).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void staysMonotonicWhenTheClockStepsBackOrTheSequenceOverflows() {
        AtomicLong clock = new AtomicLong(1_700_000_000_000L);
        SnowflakeIdGenerator gen = new SnowflakeIdGenerator(0, 0, clock::get);
        long previous = gen.nextId();
        for (int i = 0; i < 10_000; i++) {
            if (i == 5000) {
                clock.addAndGet(-10_000);
            }
            long next = gen.nextId();
            assertThat(next).isGreaterThan(previous);
            previous = next;
        }
    }

    @Test
    void refusesNodeIdsOutOfRange() {
        assertThatThrownBy(() -> new SnowflakeIdGenerator(32, 0))
                .hasMessage("workerId must be in 0..31, found 32");
    }
}
