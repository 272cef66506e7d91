package dev.chorm.embedded.internal;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an error as a server would send it. The engine wraps some errors in a second
 * {@code Code: N. DB::Exception:} with the name repeated at the end, and an inline INSERT's error
 * names the scratch file its data was spooled to; a server has neither.
 */
final class ErrorText {
    /** {@code Code: 27. DB::Exception: Code: 27. DB::Exception: inner (NAME) (version V). (NAME)}. */
    private static final Pattern NESTED = Pattern.compile(
            "(?s)^Code: (\\d+)\\. DB::Exception: Code: \\1\\. DB::Exception: (.*?)(?:\\. \\(([A-Z0-9_]+)\\))?$");
    private static final Pattern TRAILING_NAME = Pattern.compile("(?s)(.*\\(([A-Z0-9_]+)\\) \\(version [^)]*\\))\\. \\(\\2\\)$");

    private ErrorText() {
    }

    /** Return {@code message} with the engine's nesting undone and no path of {@code scratchDir} in it. */
    static String clean(String message, Path scratchDir) {
        String text = message;
        Matcher nested = NESTED.matcher(text);
        if (nested.matches()) {
            String inner = "Code: " + nested.group(1) + ". DB::Exception: " + nested.group(2);
            if (nested.group(3) != null) {
                inner += ". (" + nested.group(3) + ")";
            }
            Matcher trailing = TRAILING_NAME.matcher(inner);
            text = trailing.matches() ? trailing.group(1) : inner;
        }
        return withoutScratchPaths(text, scratchDir);
    }

    /**
     * The spooled body is the request's own data: say so as a server does ("parsed from query")
     * and drop the file, which is private to the server.
     */
    private static String withoutScratchPaths(String text, Path scratchDir) {
        String dir = scratchDir.toAbsolutePath().toString();
        if (!text.contains(dir)) {
            return text;
        }
        String quoted = Pattern.quote(dir);
        return text.replaceAll(": \\(in file/uri " + quoted + "[^)]*\\)", "")
                .replace("While executing File: data for INSERT was parsed from file", "data for INSERT was parsed from query")
                .replaceAll(quoted + "[^\\s'\"):,]*", "<request body>");
    }
}
