package dev.chorm.wire;

import dev.chorm.types.DataType;
import dev.chorm.types.RowBinaryWriter;
import java.util.Collection;
import java.util.List;

/** {@code Array(T)}: one UInt64 end offset per row, then the elements of all rows as one column of T. */
final class ArrayColumn extends NativeColumn {
    private final Buffer offsets = new Buffer();
    private final NativeColumn elements;
    private long end;

    ArrayColumn(DataType type, NativeColumn elements) {
        super(type);
        this.elements = elements;
    }

    @Override
    public void add(Object value) {
        if (value == null) {
            throw notNullable();
        } else if (value instanceof List<?> list) {
            int n = list.size();
            for (int i = 0; i < n; i++) {
                elements.add(list.get(i));
            }
            end += n;
        } else if (value instanceof Collection<?> c) {
            for (Object o : c) {
                elements.add(o);
            }
            end += c.size();
        } else if (value.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(value);
            for (int i = 0; i < n; i++) {
                elements.add(java.lang.reflect.Array.get(value, i));
            }
            end += n;
        } else {
            throw rejected(value, "it is not a List, Collection or array");
        }
        offsets.writer.writeInt64(end);
    }

    @Override
    void addDefault() {
        offsets.writer.writeInt64(end);
    }

    @Override
    void writePrefix(RowBinaryWriter out) {
        elements.writePrefix(out);
    }

    @Override
    void writeData(RowBinaryWriter out) {
        offsets.copyTo(out);
        elements.writeData(out);
    }

    @Override
    void clear() {
        offsets.clear();
        elements.clear();
        end = 0;
    }
}
