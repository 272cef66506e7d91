package dev.chorm.model;

import dev.chorm.ModelDefinitionException;
import java.util.ArrayList;
import java.util.List;

/** Collect the problems found in one model so that they are reported together. */
final class Problems {
    private final List<String> messages = new ArrayList<>();

    /** Record one problem; {@code message} names class, field and fix. */
    void add(String message) {
        if (!messages.contains(message)) {
            messages.add(message);
        }
    }

    /** Record one problem formatted with {@link String#formatted}. */
    void add(String format, Object... args) {
        add(format.formatted(args));
    }

    /** Return whether no problem was recorded. */
    boolean isEmpty() {
        return messages.isEmpty();
    }

    /** Return the recorded messages. */
    List<String> messages() {
        return List.copyOf(messages);
    }

    /** Throw one exception listing every recorded problem, one per line, if there are any. */
    void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new ModelDefinitionException(String.join("\n", messages));
        }
    }
}
