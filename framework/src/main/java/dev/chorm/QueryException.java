package dev.chorm;

/**
 * Signal a query that chorm cannot build or that ClickHouse rejected: an unknown field or lookup,
 * a misused QuerySet method, or a server error (then {@link #errorCode()} holds ClickHouse's code).
 */
public class QueryException extends ChormException {
    private static final long serialVersionUID = 1L;

    /** Create an exception for a query chorm cannot build. */
    public QueryException(String message) {
        super(message);
    }

    /** Create an exception for a query that failed, with ClickHouse's error code ({@code -1} if none). */
    public QueryException(String message, int errorCode, Throwable cause) {
        super(message, errorCode, cause);
    }
}
