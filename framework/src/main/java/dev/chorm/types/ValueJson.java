package dev.chorm.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rebuild nested JSON values from the driver's JSON maps, whose keys are dotted paths like {@code b.c}. */
final class ValueJson {
    private ValueJson() {
    }

    /** Return nested LinkedHashMaps and Lists for a driver value: {@code {b.c=d}} becomes {@code {b={c=d}}}. */
    @SuppressWarnings("unchecked")
    static Object unflatten(Object raw) {
        if (raw instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            List<String> keys = new ArrayList<>();
            m.keySet().forEach(k -> keys.add(String.valueOf(k)));
            keys.sort(null);
            for (String key : keys) {
                Map<String, Object> node = out;
                String[] parts = key.split("\\.");
                for (int i = 0; i < parts.length - 1; i++) {
                    node = (Map<String, Object>) node.computeIfAbsent(parts[i], p -> new LinkedHashMap<String, Object>());
                }
                node.put(parts[parts.length - 1], unflatten(m.get(key)));
            }
            return out;
        }
        if (raw instanceof java.sql.Array || raw instanceof Object[] || raw instanceof List<?>) {
            List<Object> items = new ArrayList<>();
            ValueConverters.forEachItem(raw, o -> items.add(unflatten(o)));
            return items;
        }
        return raw;
    }
}
