package dev.chorm.junit;

import dev.chorm.ChormException;
import dev.chorm.junit.internal.SetupException;

/**
 * Signal that {@code @ClickhouseTest} cannot set up a test: an unknown alias, a parameter it cannot
 * inject, a broken dependency between aliases, a server that cannot be reached or started, a migration
 * that fails, or a fixture row that does not fit its model. The message says which and what to do.
 */
public class ClickhouseTestException extends ChormException {
    private static final long serialVersionUID = 1L;

    /** Create an exception with a message. */
    public ClickhouseTestException(String message) {
        super(message);
    }

    /** Create an exception with a message and a cause, keeping the cause's ClickHouse error code. */
    public ClickhouseTestException(String message, Throwable cause) {
        super(message, cause instanceof ChormException c ? c.errorCode() : -1, cause);
    }

    /**
     * Return the public form of a failure the internal lifecycle reports: its message, cause (and so
     * error code), stack and suppressed exceptions, as if it had been thrown as this type.
     */
    static ClickhouseTestException of(SetupException failure) {
        ClickhouseTestException out = failure.getCause() == null ? new ClickhouseTestException(failure.getMessage())
                : new ClickhouseTestException(failure.getMessage(), failure.getCause());
        out.setStackTrace(failure.getStackTrace());
        for (Throwable s : failure.getSuppressed()) {
            out.addSuppressed(s);
        }
        return out;
    }
}
