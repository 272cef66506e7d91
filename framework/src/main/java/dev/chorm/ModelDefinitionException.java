package dev.chorm;

/**
 * Signal a model that ClickHouse would reject or that chorm cannot map, found before any SQL is sent.
 *
 * <p>The message names the class, the field and the fix, for example
 * {@code Event.port: @UInt16 needs an int or long field, found String.}
 */
public class ModelDefinitionException extends ChormException {
    private static final long serialVersionUID = 1L;

    /** Create an exception with a message. */
    public ModelDefinitionException(String message) {
        super(message);
    }

    /** Create an exception with a message and a cause. */
    public ModelDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
