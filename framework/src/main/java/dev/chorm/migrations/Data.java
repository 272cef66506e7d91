package dev.chorm.migrations;

import dev.chorm.MigrationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read typed values from a parsed JSON object, failing with a message naming the key and where it is. */
final class Data {
    private final Map<String, Object> map;
    private final String where;

    Data(Object value, String where) {
        if (!(value instanceof Map<?, ?>)) {
            throw new MigrationException("%s: expected an object, found %s.".formatted(where, value));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) value;
        this.map = m;
        this.where = where;
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    String string(String key) {
        Object v = map.get(key);
        if (!(v instanceof String s)) {
            throw new MigrationException("%s: '%s' must be a string, found %s.".formatted(where, key, v));
        }
        return s;
    }

    String string(String key, String fallback) {
        return map.containsKey(key) && map.get(key) != null ? string(key) : fallback;
    }

    boolean bool(String key, boolean fallback) {
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw new MigrationException("%s: '%s' must be true or false, found %s.".formatted(where, key, v));
        }
        return b;
    }

    int integer(String key) {
        Object v = map.get(key);
        if (!(v instanceof Number n)) {
            throw new MigrationException("%s: '%s' must be a number, found %s.".formatted(where, key, v));
        }
        return n.intValue();
    }

    List<String> strings(String key) {
        return list(key).stream().map(v -> {
            if (!(v instanceof String s)) {
                throw new MigrationException("%s: '%s' must hold strings, found %s.".formatted(where, key, v));
            }
            return s;
        }).toList();
    }

    List<Data> objects(String key) {
        List<Object> items = list(key);
        return java.util.stream.IntStream.range(0, items.size())
                .mapToObj(i -> new Data(items.get(i), "%s, %s[%d]".formatted(where, key, i))).toList();
    }

    Data object(String key) {
        return new Data(map.get(key), where + ", " + key);
    }

    Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        if (map.get(key) != null) {
            new Data(map.get(key), where + ", " + key).map.forEach((k, v) -> out.put(k, String.valueOf(v)));
        }
        return out;
    }

    String where() {
        return where;
    }

    private List<Object> list(String key) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new MigrationException("%s: '%s' must be a list, found %s.".formatted(where, key, v));
        }
        return List.copyOf(l);
    }
}
