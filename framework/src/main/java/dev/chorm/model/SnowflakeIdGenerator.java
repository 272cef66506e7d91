package dev.chorm.model;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Generate unique, increasing 64-bit ids in the Snowflake layout: 41 bits of milliseconds since
 * 2020-01-01, 5 bits of datacenter id, 5 bits of worker id and a 12-bit sequence.
 *
 * <p>Thread-safe and lock-free: the last (millisecond, sequence) pair lives in one {@link AtomicLong}
 * that every call advances with compare-and-set, so ids from one generator never repeat and always
 * increase, even when the clock steps back (the generator then keeps counting from its last
 * millisecond instead of failing) or when more than 4096 ids are drawn in one millisecond (it
 * borrows the next millisecond).
 *
 * <pre>{@code long id = SnowflakeIdGenerator.defaultGenerator().nextId();}</pre>
 */
public final class SnowflakeIdGenerator {
    /** The epoch of the timestamp part: 2020-01-01T00:00:00Z in milliseconds. */
    public static final long EPOCH_MILLIS = 1_577_836_800_000L;
    /** The largest worker or datacenter id (5 bits). */
    public static final int MAX_NODE_ID = 31;

    private static final int SEQUENCE_BITS = 12;
    private static final int WORKER_SHIFT = SEQUENCE_BITS;
    private static final int DATACENTER_SHIFT = WORKER_SHIFT + 5;
    private static final int TIMESTAMP_SHIFT = DATACENTER_SHIFT + 5;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

    private static volatile SnowflakeIdGenerator defaultGenerator = new SnowflakeIdGenerator(
            Integer.getInteger("chorm.snowflake.worker-id", 0),
            Integer.getInteger("chorm.snowflake.datacenter-id", 0));

    private final long nodeBits;
    private final LongSupplier clock;
    /** The last issued (millisecond since epoch << 12 | sequence). */
    private final AtomicLong last = new AtomicLong();

    /** Create a generator for a worker and datacenter, each in 0..31. */
    public SnowflakeIdGenerator(int workerId, int datacenterId) {
        this(workerId, datacenterId, System::currentTimeMillis);
    }

    /** Create a generator reading time from {@code clock} (milliseconds since 1970), for tests. */
    public SnowflakeIdGenerator(int workerId, int datacenterId, LongSupplier clock) {
        checkNodeId("workerId", workerId);
        checkNodeId("datacenterId", datacenterId);
        this.nodeBits = ((long) datacenterId << DATACENTER_SHIFT) | ((long) workerId << WORKER_SHIFT);
        this.clock = clock;
    }

    private static void checkNodeId(String what, int id) {
        if (id < 0 || id > MAX_NODE_ID) {
            throw new IllegalArgumentException(what + " must be in 0.." + MAX_NODE_ID + ", found " + id);
        }
    }

    /** Return the generator {@link Model} uses; its ids come from system properties {@code chorm.snowflake.*}. */
    public static SnowflakeIdGenerator defaultGenerator() {
        return defaultGenerator;
    }

    /** Replace the generator {@link Model} uses, for example with this process's worker id. */
    public static void setDefaultGenerator(SnowflakeIdGenerator generator) {
        defaultGenerator = java.util.Objects.requireNonNull(generator, "generator == null");
    }

    /** Return the next id: unique for this generator and greater than every id it returned before. */
    public long nextId() {
        long nowState = (clock.getAsLong() - EPOCH_MILLIS) << SEQUENCE_BITS;
        long prev;
        long next;
        do {
            prev = last.get();
            // Never go below prev + 1: this makes ids monotonic across clock steps and sequence overflow.
            next = Math.max(nowState, prev + 1);
        } while (!last.compareAndSet(prev, next));
        long millis = next >>> SEQUENCE_BITS;
        return (millis << TIMESTAMP_SHIFT) | nodeBits | (next & SEQUENCE_MASK);
    }

    /** Return the epoch milliseconds encoded in {@code id}. */
    public static long timestampOf(long id) {
        return (id >>> TIMESTAMP_SHIFT) + EPOCH_MILLIS;
    }

    /** Return the worker id encoded in {@code id}. */
    public static int workerIdOf(long id) {
        return (int) ((id >>> WORKER_SHIFT) & MAX_NODE_ID);
    }

    /** Return the datacenter id encoded in {@code id}. */
    public static int datacenterIdOf(long id) {
        return (int) ((id >>> DATACENTER_SHIFT) & MAX_NODE_ID);
    }
}
