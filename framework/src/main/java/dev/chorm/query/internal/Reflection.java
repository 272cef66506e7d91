package dev.chorm.query.internal;

import dev.chorm.ChormException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;

/** Find and set plain Java fields by name, converting numbers to the field's width. */
final class Reflection {
    private static final Map<Class<?>, Object> DEFAULTS = Map.of(int.class, 0, long.class, 0L, short.class,
            (short) 0, byte.class, (byte) 0, double.class, 0.0, float.class, 0f, boolean.class, false, char.class,
            '\0');

    private Reflection() {
    }

    /** Return the zero value of {@code type}: 0 or false for primitives, null otherwise. */
    static Object defaultValue(Class<?> type) {
        return DEFAULTS.get(type);
    }

    /** Return the non-static field {@code name} of {@code type} or its superclasses, made accessible; or null. */
    static Field findField(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                if (!Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    return f;
                }
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        return null;
    }

    /** Return {@code value} converted to the width of {@code type} when both are numbers; else {@code value}. */
    static Object narrow(Object value, Class<?> type) {
        if (!(value instanceof Number n)) {
            return value;
        }
        if (type == int.class || type == Integer.class) {
            return n.intValue();
        } else if (type == long.class || type == Long.class) {
            return n.longValue();
        } else if (type == double.class || type == Double.class) {
            return n.doubleValue();
        } else if (type == float.class || type == Float.class) {
            return n.floatValue();
        } else if (type == short.class || type == Short.class) {
            return n.shortValue();
        }
        return value;
    }

    /** Set {@code f} of {@code target} to {@code value}, narrowing or widening numbers to the field type. */
    static void set(Field f, Object target, Object value) {
        Object v = narrow(value, f.getType());
        if (v == null && f.getType().isPrimitive()) {
            v = defaultValue(f.getType());
        }
        try {
            f.set(target, v);
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new ChormException("Cannot set " + f.getDeclaringClass().getSimpleName() + "." + f.getName()
                    + " to " + value + ": " + e.getMessage(), e);
        }
    }
}
