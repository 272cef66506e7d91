package dev.chorm;

/**
 * Signal a migration problem: an unknown target, a changed applied migration, a conflict, a lock
 * held by another run, or an operation that ClickHouse refused.
 *
 * <p>The message names what is wrong and the next step, for example
 * {@code Cannot find a migration matching '0003' in app 'billing'. Run 'mvn clickhouse:showmigrations' to list them.}
 */
public class MigrationException extends ChormException {
    private static final long serialVersionUID = 1L;

    /** Create an exception with a message. */
    public MigrationException(String message) {
        super(message);
    }

    /** Create an exception with a message and a cause, keeping the cause's ClickHouse error code. */
    public MigrationException(String message, Throwable cause) {
        super(message, cause instanceof ChormException c ? c.errorCode() : -1, cause);
    }
}
