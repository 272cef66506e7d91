package dev.chorm.wire;

import dev.chorm.ChormException;
import dev.chorm.types.DataType;
import dev.chorm.types.RowBinaryWriter;
import dev.chorm.types.TypeKind;
import dev.chorm.types.ValueEncoder;
import java.util.function.Function;

/**
 * The values of one column of a Native block being built, in ClickHouse's bulk layout for its type.
 *
 * <pre>{@code
 * NativeColumn tags = NativeColumn.of(DataType.parse("Array(LowCardinality(String))"));
 * tags.add(List.of("a", "b"));
 * tags.add(List.of());
 * }</pre>
 * Values are the Java values the RowBinary encoders take ({@link RowBinaryWriter#encoder(DataType)}),
 * checked the same way: a value that does not fit its type raises the same {@link ChormException}.
 * Not thread-safe; a column is cleared, keeping its buffers, after each block it wrote.
 */
public abstract class NativeColumn {
    private final DataType type;

    NativeColumn(DataType type) {
        this.type = type;
    }

    /** Return a column for values of {@code type}, encoding scalars with the RowBinary encoders. */
    public static NativeColumn of(DataType type) {
        return of(type, RowBinaryWriter::encoder);
    }

    /**
     * Return a column for values of {@code type}; {@code scalars} gives the encoder of each scalar
     * (non-container) type inside it, for example one that rounds a field's Decimal values.
     */
    public static NativeColumn of(DataType type, Function<DataType, ValueEncoder> scalars) {
        if (!supports(type)) {
            throw new IllegalArgumentException("Native columns of " + type.sql() + " are not supported; use RowBinary");
        }
        return switch (type.kind()) {
            case NULLABLE -> new NullableColumn(type, of(type.inner(), scalars));
            case LOW_CARDINALITY -> new LowCardinalityColumn(type, of(type.inner().base(), scalars));
            case ARRAY -> new ArrayColumn(type, of(type.inner(), scalars));
            case MAP -> new MapColumn(type, of(type.keyType(), scalars), of(type.valueType(), scalars));
            case SIMPLE_AGGREGATE_FUNCTION, POINT, RING, LINE_STRING, MULTI_LINE_STRING, POLYGON, MULTI_POLYGON, NESTED ->
                    new RenamedColumn(type, of(type.readType(), scalars));
            case TUPLE -> new TupleColumn(type, type.arguments().stream().map(t -> of(t, scalars))
                    .toArray(NativeColumn[]::new));
            default -> new ScalarColumn(type, scalars.apply(type));
        };
    }

    /**
     * Return whether values of {@code type} can be written as Native by this package: every type
     * but JSON (at any depth), whose Native layout (dynamic paths and their variants) chorm does
     * not build, AggregateFunction, whose states only the server makes, and Variant and Dynamic,
     * whose Native layouts (discriminators, per-type sub-columns) chorm does not build either; such
     * columns are inserted as RowBinary, where JSON travels as text.
     */
    public static boolean supports(DataType type) {
        TypeKind k = type.kind();
        return k != TypeKind.JSON && k != TypeKind.AGGREGATE_FUNCTION && k != TypeKind.VARIANT && k != TypeKind.DYNAMIC
                && type.arguments().stream().allMatch(NativeColumn::supports);
    }

    /** Return the column's type. */
    public final DataType type() {
        return type;
    }

    /** Append {@code value} as the next row; throw {@link ChormException} when it does not fit the type. */
    public abstract void add(Object value);

    /**
     * Return the writer the values of a plain scalar column (not Nullable, LowCardinality or a
     * container) go into, whose RowBinary bytes are the Native bytes; null for other columns.
     * Each value written into it is one row.
     */
    public RowBinaryWriter directWriter() {
        return null;
    }

    /** Append the type's default value (the value under a null of a Nullable). */
    abstract void addDefault();

    /** Write the serialization state prefix (only LowCardinality has one, at any depth). */
    void writePrefix(RowBinaryWriter out) {
    }

    /** Write the data of the rows appended since the last {@link #clear()}. */
    abstract void writeData(RowBinaryWriter out);

    /** Forget the rows, keeping the buffers. */
    abstract void clear();

    /** Throw the RowBinary encoder's own error for {@code value}, or {@code fallback} when it has none. */
    final ChormException rejected(Object value, String fallback) {
        RowBinaryWriter.encoder(type).encode(RowBinaryWriter.discarding(), value);
        return new ChormException("Cannot write " + value + " as " + type.sql() + ": " + fallback);
    }

    /** Throw the error for a null in a column that is not Nullable, worded as the RowBinary encoder's. */
    final ChormException notNullable() {
        return new ChormException("Cannot write null as " + type.sql() + "; the column is not Nullable.");
    }

    /** A buffer with a RowBinary writer on it, for data written value by value. */
    static final class Buffer {
        final ByteSink sink = new ByteSink();
        final RowBinaryWriter writer = new RowBinaryWriter(sink, 1 << 13);

        void copyTo(RowBinaryWriter out) {
            writer.flush();
            sink.copyTo(out);
        }

        void clear() {
            writer.flush();
            sink.clear();
        }
    }
}
