package dev.chorm.types;

import dev.chorm.ChormException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/** Read the components of records and build records through their canonical constructor, cached per class. */
final class Records {
    private static final ClassValue<Records> CACHE = new ClassValue<>() {
        @Override
        protected Records computeValue(Class<?> type) {
            return new Records(type);
        }
    };

    private final Method[] accessors;
    private final Constructor<?> constructor;

    private Records(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        accessors = new Method[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
            types[i] = components[i].getType();
        }
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new ChormException("The record " + type.getName() + " has no canonical constructor.", e);
        }
    }

    static Records of(Class<?> type) {
        return CACHE.get(type);
    }

    int size() {
        return accessors.length;
    }

    Object get(Object record, int i) {
        try {
            return accessors[i].invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new ChormException("Cannot read " + accessors[i] + ": " + e.getCause(), e);
        }
    }

    Object create(Object[] values) {
        try {
            return constructor.newInstance(values);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw new ChormException("Cannot create " + constructor.getDeclaringClass().getSimpleName() + ": " + cause,
                    cause);
        }
    }
}
