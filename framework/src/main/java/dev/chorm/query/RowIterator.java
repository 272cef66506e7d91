package dev.chorm.query;

import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Iterate over rows read lazily from the server; close it when stopping early (it closes itself
 * after the last row).
 *
 * <pre>{@code try (RowIterator<Event> it = events.iterator()) { while (it.hasNext()) { ... } }}</pre>
 *
 * @param <T> the row type
 */
public final class RowIterator<T> implements Iterator<T>, AutoCloseable {
    private final Stream<T> stream;
    private final Iterator<T> rows;

    RowIterator(Stream<T> stream) {
        this.stream = stream;
        this.rows = stream.iterator();
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public T next() {
        return rows.next();
    }

    /** Close the underlying result set and connection. */
    @Override
    public void close() {
        stream.close();
    }
}
