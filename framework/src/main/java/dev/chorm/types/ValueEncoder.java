package dev.chorm.types;

/**
 * Write one Java value of a fixed ClickHouse type into a {@link RowBinaryWriter}.
 *
 * <p>Obtain one per column with {@link RowBinaryWriter#encoder(DataType)} and reuse it for every row.
 */
@FunctionalInterface
public interface ValueEncoder {
    /** Write {@code value}; throw {@link dev.chorm.ChormException} when it does not fit the type. */
    void encode(RowBinaryWriter writer, Object value);
}
