package dev.chorm;

/**
 * Signal a failure of chorm; the root of every exception the framework throws.
 *
 * <p>When ClickHouse itself reported the failure, {@link #errorCode()} holds its error code
 * (for example 60 for an unknown table); otherwise it is {@code -1}.
 */
public class ChormException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errorCode;

    /** Create an exception with a message and no ClickHouse error code. */
    public ChormException(String message) {
        this(message, -1, null);
    }

    /** Create an exception with a message and a cause, and no ClickHouse error code. */
    public ChormException(String message, Throwable cause) {
        this(message, -1, cause);
    }

    /** Create an exception with a message, the ClickHouse error code and a cause (may be null). */
    public ChormException(String message, int errorCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** Return the ClickHouse error code, or {@code -1} when ClickHouse did not report this failure. */
    public int errorCode() {
        return errorCode;
    }
}
