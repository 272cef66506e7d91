package dev.chorm.sql;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** Unpack Java arrays of primitives and records into lists, for literal rendering. */
public final class Primitives {
    private Primitives() {
    }

    /** Return the elements of a Java array (primitive or not) as a list. */
    public static List<Object> boxed(Object array) {
        int n = Array.getLength(array);
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Array.get(array, i));
        }
        return out;
    }

    /** Return the component values of a record, in declaration order. */
    static List<Object> components(Object record) {
        List<Object> out = new ArrayList<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                var accessor = c.getAccessor();
                accessor.setAccessible(true);
                out.add(accessor.invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException("Cannot read " + c.getName() + " of " + record, e);
            }
        }
        return out;
    }
}
