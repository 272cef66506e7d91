package dev.chorm.wire;

import dev.chorm.types.DataType;
import dev.chorm.types.RowBinaryWriter;

/**
 * {@code SimpleAggregateFunction(f, T)}: the bulk layout of T under the aggregate type's name, which the
 * block header must carry so that the server takes the column as it is declared.
 */
final class SimpleAggregateColumn extends NativeColumn {
    private final NativeColumn values;

    SimpleAggregateColumn(DataType type, NativeColumn values) {
        super(type);
        this.values = values;
    }

    @Override
    public void add(Object value) {
        values.add(value);
    }

    @Override
    public RowBinaryWriter directWriter() {
        return values.directWriter();
    }

    @Override
    void addDefault() {
        values.addDefault();
    }

    @Override
    void writePrefix(RowBinaryWriter out) {
        values.writePrefix(out);
    }

    @Override
    void writeData(RowBinaryWriter out) {
        values.writeData(out);
    }

    @Override
    void clear() {
        values.clear();
    }
}
