package dev.chorm.embedded.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A query the engine rejected, with the ClickHouse error code parsed from its message. */
public final class EngineException extends RuntimeException {
    private static final Pattern CODE = Pattern.compile("Code: (\\d+)\\.");
    /** ClickHouse's UNKNOWN_EXCEPTION, for messages that carry no code. */
    static final int UNKNOWN = 1002;

    private final int code;

    /** Create an exception for an engine error message such as {@code Code: 60. DB::Exception: ...}. */
    public EngineException(String message) {
        this(codeOf(message), message);
    }

    /** Create an exception with an explicit ClickHouse error code. */
    public EngineException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** Return the ClickHouse error code. */
    public int code() {
        return code;
    }

    private static int codeOf(String message) {
        Matcher m = CODE.matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : UNKNOWN;
    }
}
