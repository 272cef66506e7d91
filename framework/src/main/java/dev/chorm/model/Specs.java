package dev.chorm.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Normalize the parts of spec value types so that equal meanings compare equal. */
final class Specs {
    private Specs() {
    }

    /** Return {@code s} trimmed, or empty for null. */
    static String text(String s) {
        return s == null ? "" : s.strip();
    }

    /** Return an immutable copy of {@code list} with each element trimmed and blanks removed. */
    static List<String> texts(List<String> list) {
        if (list == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : list) {
            String t = text(s);
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    /** Return an immutable, order-keeping copy of {@code map} with keys and values trimmed. */
    static Map<String, String> settings(Map<String, String> map) {
        Map<String, String> out = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((k, v) -> out.put(text(k), text(v)));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Return an immutable copy of {@code list}, refusing two elements with one name. */
    static <T> List<T> unique(List<T> list, Function<T, String> name, String what) {
        if (list == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (T item : list) {
            if (!seen.add(name.apply(item))) {
                throw new IllegalArgumentException("duplicate " + what + ": " + name.apply(item));
            }
        }
        return List.copyOf(list);
    }
}
