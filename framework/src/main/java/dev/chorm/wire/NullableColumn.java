package dev.chorm.wire;

import dev.chorm.types.DataType;
import dev.chorm.types.RowBinaryWriter;

/** {@code Nullable(T)}: a null map (1 for null, one byte a row) before the values of T, a default under each null. */
final class NullableColumn extends NativeColumn {
    private final Buffer nulls = new Buffer();
    private final NativeColumn values;

    NullableColumn(DataType type, NativeColumn values) {
        super(type);
        this.values = values;
    }

    @Override
    public void add(Object value) {
        if (value == null) {
            values.addDefault();
            nulls.writer.writeInt8(1);
        } else {
            values.add(value);
            nulls.writer.writeInt8(0);
        }
    }

    @Override
    void addDefault() {
        add(null);
    }

    @Override
    void writePrefix(RowBinaryWriter out) {
        values.writePrefix(out);
    }

    @Override
    void writeData(RowBinaryWriter out) {
        nulls.copyTo(out);
        values.writeData(out);
    }

    @Override
    void clear() {
        nulls.clear();
        values.clear();
    }
}
