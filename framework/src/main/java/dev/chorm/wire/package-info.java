/**
 * ClickHouse's {@code Native} wire format: column-wise blocks built from Java values (inserts), and
 * read back into column arrays by {@link dev.chorm.wire.NativeBlockReader} (reads).
 *
 * <p>A {@link dev.chorm.wire.NativeBlock} collects the values of up to a block's rows in one
 * {@link dev.chorm.wire.NativeColumn} per column and writes them as one Native block: the number of
 * columns and rows, then per column its name, its type and its data. Column data follows
 * ClickHouse's {@code ISerialization} bulk layout at client revision 0 (what the HTTP interface
 * reads when no {@code client_protocol_version} is given): fixed-width values and strings exactly as
 * in RowBinary, one after the other; {@code Nullable} a null map (one byte per row) before the
 * values; {@code Array} and {@code Map} one UInt64 end offset per row before the elements of all
 * rows; {@code Tuple} each element's column in turn; {@code LowCardinality} a UInt64 key version as
 * state prefix, then per block its own dictionary ("additional keys") and one index per row.
 * The package depends on {@link dev.chorm.types} only: scalar values are encoded by the RowBinary
 * encoders, whose bytes are the Native bytes for every scalar type.
 */
package dev.chorm.wire;
