package dev.chorm.wire;

import dev.chorm.types.DataType;
import dev.chorm.types.RowBinaryWriter;
import dev.chorm.types.ValueEncoder;

/** A column of a fixed-width type, String or FixedString: the values one after the other, as in RowBinary. */
final class ScalarColumn extends NativeColumn {
    private final Buffer data = new Buffer();
    private final ValueEncoder encoder;
    private final int defaultWidth;

    ScalarColumn(DataType type, ValueEncoder encoder) {
        super(type);
        this.encoder = encoder;
        this.defaultWidth = defaultWidth(type);
    }

    /** Return the bytes of the type's default value, all zero: an empty String is its length 0. */
    private static int defaultWidth(DataType type) {
        return switch (type.kind()) {
            case STRING -> 1;
            case FIXED_STRING -> type.length();
            case DECIMAL -> type.precision() <= 9 ? 4 : type.precision() <= 18 ? 8 : type.precision() <= 38 ? 16 : 32;
            default -> type.kind().byteWidth();
        };
    }

    @Override
    public void add(Object value) {
        if (value == null) {
            throw notNullable();
        }
        encoder.encode(data.writer, value);
    }

    @Override
    public RowBinaryWriter directWriter() {
        return data.writer;
    }

    @Override
    void addDefault() {
        data.writer.writeZeros(defaultWidth);
    }

    @Override
    void writeData(RowBinaryWriter out) {
        data.copyTo(out);
    }

    @Override
    void clear() {
        data.clear();
    }
}
