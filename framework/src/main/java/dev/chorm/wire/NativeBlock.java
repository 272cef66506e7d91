package dev.chorm.wire;

import dev.chorm.types.RowBinaryWriter;
import java.util.List;

/**
 * One Native block being built: a {@link NativeColumn} per column, filled row by row, then written
 * whole and cleared for the next block.
 *
 * <pre>{@code
 * NativeBlock block = new NativeBlock(List.of("id", "name"),
 *         List.of(NativeColumn.of(DataType.int64()), NativeColumn.of(DataType.string())));
 * block.column(0).add(1L);
 * block.column(1).add("a");
 * block.endRow();
 * block.writeTo(out); // INSERT INTO t (id, name) FORMAT Native
 * }</pre>
 * A block is written as ClickHouse's NativeWriter writes it for client revision 0, the revision of
 * an HTTP request without {@code client_protocol_version}: VarUInt columns, VarUInt rows, then per
 * column its name, its type name and its data (state prefix, then bulk data); no block info and no
 * serialization-kind byte, which only clients of revision 54454 and above send. Not thread-safe.
 */
public final class NativeBlock {
    private final String[] names;
    private final String[] typeNames;
    private final NativeColumn[] columns;
    /** The direct writers of the columns, looked up once: each row asks for them column by column. */
    private final RowBinaryWriter[] direct;
    private int rows;

    /** Create a block of the columns {@code names} (unquoted), whose values go into {@code columns}. */
    public NativeBlock(List<String> names, List<NativeColumn> columns) {
        if (names.size() != columns.size()) {
            throw new IllegalArgumentException("names and columns differ in size: " + names + ", " + columns.size());
        }
        this.names = names.toArray(new String[0]);
        this.columns = columns.toArray(new NativeColumn[0]);
        this.typeNames = columns.stream().map(c -> c.type().sql()).toArray(String[]::new);
        this.direct = columns.stream().map(NativeColumn::directWriter).toArray(RowBinaryWriter[]::new);
    }

    /** Return column {@code i}. */
    public NativeColumn column(int i) {
        return columns[i];
    }

    /** Return the direct writer of column {@code i} ({@link NativeColumn#directWriter()}). */
    public RowBinaryWriter directWriter(int i) {
        return direct[i];
    }

    /** Count one more row; each column must have had one value added. */
    public void endRow() {
        rows++;
    }

    /** Return the number of rows ended since the last write or {@link #clear()}. */
    public int rows() {
        return rows;
    }

    /** Write the block (nothing when it has no rows) to {@code out} and clear it. */
    public void writeTo(RowBinaryWriter out) {
        if (rows == 0) {
            return;
        }
        out.writeVarInt(columns.length);
        out.writeVarInt(rows);
        for (int i = 0; i < columns.length; i++) {
            out.writeString(names[i]);
            out.writeString(typeNames[i]);
            columns[i].writePrefix(out);
            columns[i].writeData(out);
        }
        clear();
    }

    /** Drop the rows added since the last write, keeping the buffers. */
    public void clear() {
        for (NativeColumn c : columns) {
            c.clear();
        }
        rows = 0;
    }
}
