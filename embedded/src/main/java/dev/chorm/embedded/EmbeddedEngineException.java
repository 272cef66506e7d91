package dev.chorm.embedded;

/** The embedded engine could not be started or stopped. */
public class EmbeddedEngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Create an exception with a message that says what happened and what to do. */
    public EmbeddedEngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
