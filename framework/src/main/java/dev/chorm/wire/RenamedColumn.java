package dev.chorm.wire;

import dev.chorm.types.DataType;
import dev.chorm.types.RowBinaryWriter;

/**
 * A type whose bulk layout is another type's, under its own name, which the block header must carry
 * so that the server takes the column as it is declared: {@code SimpleAggregateFunction(f, T)} is laid
 * out as T, {@code Point} as {@code Tuple(Float64, Float64)}, {@code Polygon} as {@code Array(Array(Point))},
 * {@code Nested(a A, b B)} as {@code Array(Tuple(a A, b B))}.
 */
final class RenamedColumn extends NativeColumn {
    private final NativeColumn values;

    RenamedColumn(DataType type, NativeColumn values) {
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
