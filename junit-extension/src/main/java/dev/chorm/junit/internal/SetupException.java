package dev.chorm.junit.internal;

import dev.chorm.ChormException;

/**
 * Signal that a test cannot be set up, with the message the user reads. The extension turns it
 * into the public {@code ClickhouseTestException} (same message, cause and stack) before JUnit sees
 * it, so that this package never names the public package above it.
 */
public class SetupException extends ChormException {
    private static final long serialVersionUID = 1L;

    /** Create an exception with a message. */
    public SetupException(String message) {
        super(message);
    }

    /** Create an exception with a message and a cause. */
    public SetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
