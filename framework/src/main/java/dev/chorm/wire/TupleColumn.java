package dev.chorm.wire;

import dev.chorm.ChormException;
import dev.chorm.types.DataType;
import dev.chorm.types.RowBinaryWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/** {@code Tuple(T1, T2, ...)}: the column of each element in turn. Values are records, Lists, Object[] or (named) Maps. */
final class TupleColumn extends NativeColumn {
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] out = new Method[components.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = components[i].getAccessor();
                out[i].setAccessible(true);
            }
            return out;
        }
    };

    private final NativeColumn[] elements;

    TupleColumn(DataType type, NativeColumn[] elements) {
        super(type);
        this.elements = elements;
    }

    @Override
    public void add(Object value) {
        int n = elements.length;
        if (value == null) {
            throw notNullable();
        } else if (value instanceof Record r) {
            Method[] accessors = ACCESSORS.get(r.getClass());
            checkSize(value, accessors.length);
            for (int i = 0; i < n; i++) {
                elements[i].add(component(accessors[i], r));
            }
        } else if (value instanceof List<?> l) {
            checkSize(value, l.size());
            for (int i = 0; i < n; i++) {
                elements[i].add(l.get(i));
            }
        } else if (value instanceof Object[] a) {
            checkSize(value, a.length);
            for (int i = 0; i < n; i++) {
                elements[i].add(a[i]);
            }
        } else if (value instanceof Map<?, ?> m && !type().names().isEmpty()) {
            for (int i = 0; i < n; i++) {
                elements[i].add(m.get(type().names().get(i)));
            }
        } else {
            throw rejected(value, "it is not a record, List or Object[]");
        }
    }

    private void checkSize(Object value, int size) {
        if (size != elements.length) {
            throw rejected(value, "it has " + size + " elements instead of " + elements.length);
        }
    }

    private static Object component(Method accessor, Record r) {
        try {
            return accessor.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new ChormException("Cannot read " + accessor + ": " + e.getCause(), e);
        }
    }

    @Override
    void addDefault() {
        for (NativeColumn e : elements) {
            e.addDefault();
        }
    }

    @Override
    void writePrefix(RowBinaryWriter out) {
        for (NativeColumn e : elements) {
            e.writePrefix(out);
        }
    }

    @Override
    void writeData(RowBinaryWriter out) {
        for (NativeColumn e : elements) {
            e.writeData(out);
        }
    }

    @Override
    void clear() {
        for (NativeColumn e : elements) {
            e.clear();
        }
    }
}
