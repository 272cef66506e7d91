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

    /** Set {@code f} of {@code target} to {@code value}, narrowing or widening numbers to the field type. */
    static void set(Field f, Object target, Object value) {
        Object v = value;
        if (value instanceof Number n) {
            Class<?> t = f.getType();
            if (t == int.class || t == Integer.class) {
                v = n.intValue();
            } else if (t == long.class || t == Long.class) {
                v = n.longValue();
            } else if (t == double.class || t == Double.class) {
                v = n.doubleValue();
            } else if (t == float.class || t == Float.class) {
                v = n.floatValue();
            } else if (t == short.class || t == Short.class) {
                v = n.shortValue();
            }
        }
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
