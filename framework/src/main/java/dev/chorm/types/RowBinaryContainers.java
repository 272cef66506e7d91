package dev.chorm.types;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Compile the RowBinary encoders of Nullable, Array, Tuple and Map types around their inner encoders. */
final class RowBinaryContainers {
    private RowBinaryContainers() {
    }

    static ValueEncoder nullable(DataType t) {
        ValueEncoder inner = RowBinaryEncoders.compile(t.inner());
        return (w, v) -> {
            if (v == null) {
                w.writeInt8(1);
            } else {
                w.writeInt8(0);
                inner.encode(w, v);
            }
        };
    }

    static ValueEncoder array(DataType t) {
        ValueEncoder element = RowBinaryEncoders.compile(t.inner());
        return (w, v) -> {
            if (v instanceof List<?> list) {
                int n = list.size();
                w.writeVarInt(n);
                for (int i = 0; i < n; i++) {
                    element.encode(w, list.get(i));
                }
            } else if (v instanceof Collection<?> c) {
                w.writeVarInt(c.size());
                for (Object o : c) {
                    element.encode(w, o);
                }
            } else if (v.getClass().isArray()) {
                int n = Array.getLength(v);
                w.writeVarInt(n);
                for (int i = 0; i < n; i++) {
                    element.encode(w, Array.get(v, i));
                }
            } else {
                throw RowBinaryEncoders.cannot(t, v, "it is not a List, Collection or array");
            }
        };
    }

    static ValueEncoder tuple(DataType t) {
        List<DataType> types = t.arguments();
        ValueEncoder[] elements = new ValueEncoder[types.size()];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = RowBinaryEncoders.compile(types.get(i));
        }
        return (w, v) -> {
            int n = elements.length;
            if (v instanceof Record r) {
                Records records = Records.of(r.getClass());
                checkSize(t, v, records.size(), n);
                for (int i = 0; i < n; i++) {
                    elements[i].encode(w, records.get(r, i));
                }
            } else if (v instanceof List<?> l) {
                checkSize(t, v, l.size(), n);
                for (int i = 0; i < n; i++) {
                    elements[i].encode(w, l.get(i));
                }
            } else if (v instanceof Object[] a) {
                checkSize(t, v, a.length, n);
                for (int i = 0; i < n; i++) {
                    elements[i].encode(w, a[i]);
                }
            } else if (v instanceof Map<?, ?> m && !t.names().isEmpty()) {
                for (int i = 0; i < n; i++) {
                    elements[i].encode(w, m.get(t.names().get(i)));
                }
            } else {
                throw RowBinaryEncoders.cannot(t, v, "it is not a record, List or Object[]");
            }
        };
    }

    private static void checkSize(DataType t, Object v, int size, int expected) {
        if (size != expected) {
            throw RowBinaryEncoders.cannot(t, v, "it has " + size + " elements instead of " + expected);
        }
    }

    static ValueEncoder map(DataType t) {
        ValueEncoder key = RowBinaryEncoders.compile(t.keyType());
        ValueEncoder value = RowBinaryEncoders.compile(t.valueType());
        return (w, v) -> {
            if (!(v instanceof Map<?, ?> m)) {
                throw RowBinaryEncoders.cannot(t, v, "it is not a Map");
            }
            w.writeVarInt(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                key.encode(w, e.getKey());
                value.encode(w, e.getValue());
            }
        };
    }
}
