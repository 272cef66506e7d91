package dev.chorm.embedded;

/**
 * Report that libchdb.so, the chDB engine library, could not be found or fetched. The message says
 * what was tried and how to fix it.
 */
public class EngineLibraryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Create an exception with a message that says what is wrong and what to do next. */
    public EngineLibraryException(String message) {
        super(message);
    }

    /** Create an exception with a message and the failure that caused it. */
    public EngineLibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
