package dev.chorm.junit.internal;

import java.util.function.Supplier;

/**
 * Compute a value once, for every thread that asks, and remember a failure as well: when a template
 * cannot be migrated, every class that needs it reports the same error at once instead of retrying.
 */
final class Memo<T> {
    private final Supplier<T> supplier;
    private T value;
    private RuntimeException failure;
    private boolean done;

    Memo(Supplier<T> supplier) {
        this.supplier = supplier;
    }

    /** Return the value, computing it on the first call; rethrow the first call's failure. */
    synchronized T get() {
        if (!done) {
            try {
                value = supplier.get();
            } catch (RuntimeException e) {
                failure = e;
            }
            done = true;
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }

    /** Return the value if it was computed successfully, else null; never computes. */
    synchronized T peek() {
        return done && failure == null ? value : null;
    }
}
