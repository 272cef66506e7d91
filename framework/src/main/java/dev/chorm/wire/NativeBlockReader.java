package dev.chorm.wire;

import dev.chorm.types.DataType;
import dev.chorm.types.TypeKind;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Read a {@code FORMAT Native} response (client revision 0, as over HTTP without
 * {@code client_protocol_version}) one block at a time, decoding each column into arrays of
 * {@link NativeValues}, so memory stays bounded by one block of the server's whatever the rows.
 *
 * <pre>{@code
 * NativeBlockReader r = new NativeBlockReader(response.getInputStream());
 * while (r.next()) {
 *     for (int row = 0; row < r.rows(); row++) { long id = r.column(0).getLong(row); ... }
 * }
 * }</pre>
 * Decodes the scalar types {@link #decodable(DataType)} accepts; a block with another type raises an
 * {@link IOException} naming it. The arrays of a column are reused from block to block.
 */
public final class NativeBlockReader {
    private final NativeInput in;
    private final List<String> names = new ArrayList<>();
    private final List<NativeValues> columns = new ArrayList<>();
    private int rows;

    /** Read blocks from {@code in}. */
    public NativeBlockReader(InputStream in) {
        this.in = new NativeInput(in);
    }

    /**
     * Return whether columns of {@code type} can be decoded: Int8 to Int64, UInt8 to UInt32, Float32,
     * Float64, Bool, String, UUID, Date, Date32, DateTime, DateTime64, Enum8, Enum16, Decimal of any
     * precision, their Nullable, LowCardinality of String or Nullable(String), and Arrays (nested too)
     * of all these but LowCardinality.
     */
    public static boolean decodable(DataType type) {
        if (type.kind() == TypeKind.NULLABLE) {
            return scalar(type.inner());
        } else if (type.kind() == TypeKind.LOW_CARDINALITY) {
            return type.base().kind() == TypeKind.STRING;
        } else if (type.kind() == TypeKind.ARRAY) {
            // LowCardinality inside an Array writes its key version before the offsets: not read here.
            return type.inner().kind() != TypeKind.LOW_CARDINALITY && decodable(type.inner());
        }
        return scalar(type);
    }

    private static boolean scalar(DataType t) {
        return switch (t.kind()) {
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, FLOAT32, FLOAT64, BOOL, STRING, UUID, DATE,
                 DATE32, DATETIME, DATETIME64, ENUM8, ENUM16, DECIMAL -> true;
            default -> false;
        };
    }

    /** Read the next block (skipping blocks without rows); return false at the end of the response. */
    public boolean next() throws IOException {
        while (!in.atEnd()) {
            long columnCount = in.varUInt();
            long rowCount = in.varUInt();
            if (columnCount > 100_000 || rowCount > Integer.MAX_VALUE) {
                throw new IOException("not a Native block header: " + columnCount + " columns, " + rowCount + " rows");
            }
            rows = (int) rowCount;
            for (int c = 0; c < columnCount; c++) {
                String name = in.string();
                DataType type = DataType.parse(in.string());
                if (c == names.size()) {
                    names.add(name);
                    columns.add(new NativeValues(type));
                } else if (!columns.get(c).type.equals(type)) {
                    columns.set(c, new NativeValues(type));
                }
                names.set(c, name);
                if (rows > 0) {
                    read(columns.get(c), type, rows);
                }
            }
            if (rows > 0) {
                return true;
            }
        }
        return false;
    }

    /** Return the number of rows of the current block. */
    public int rows() {
        return rows;
    }

    /** Return the number of columns of the current block. */
    public int columns() {
        return columns.size();
    }

    /** Return the name of column {@code i}. */
    public String name(int i) {
        return names.get(i);
    }

    /** Return column {@code i} of the current block. */
    public NativeValues column(int i) {
        return columns.get(i);
    }

    private void read(NativeValues v, DataType type, int n) throws IOException {
        if (!decodable(type)) {
            throw new IOException("chorm cannot decode Native columns of " + type.sql());
        }
        if (type.kind() == TypeKind.NULLABLE) {
            v.nulls = capacity(v.nulls, n);
            byte[] map = new byte[n];
            in.bytes(map, n);
            for (int i = 0; i < n; i++) {
                v.nulls[i] = map[i] != 0;
            }
            values(v, type.inner(), n);
            if (v.objects != null) {
                for (int i = 0; i < n; i++) {
                    if (v.nulls[i]) {
                        v.objects[i] = null;
                    }
                }
            }
        } else if (type.kind() == TypeKind.LOW_CARDINALITY) {
            v.nulls = null;
            lowCardinality(v, type, n);
        } else if (type.kind() == TypeKind.ARRAY) {
            v.nulls = null;
            array(v, type, n);
        } else {
            v.nulls = null;
            values(v, type, n);
        }
    }

    private void values(NativeValues v, DataType t, int n) throws IOException {
        switch (t.kind()) {
            case FLOAT64, FLOAT32 -> {
                v.doubles = v.doubles == null || v.doubles.length < n ? new double[n] : v.doubles;
                long[] bits = v.longs = capacity(v.longs, n);
                boolean f64 = t.kind() == TypeKind.FLOAT64;
                in.integers(bits, n, f64 ? 8 : 4, false);
                for (int i = 0; i < n; i++) {
                    v.doubles[i] = f64 ? Double.longBitsToDouble(bits[i]) : Float.intBitsToFloat((int) bits[i]);
                }
            }
            case STRING -> {
                Object[] out = v.objects = v.objects == null || v.objects.length < n ? new Object[n] : v.objects;
                for (int i = 0; i < n; i++) {
                    out[i] = in.string();
                }
            }
            case ENUM8, ENUM16 -> {
                in.integers(v.longs = capacity(v.longs, n), n, t.kind().byteWidth(), false);
                Object[] out = v.objects = v.objects == null || v.objects.length < n ? new Object[n] : v.objects;
                for (int i = 0; i < n; i++) {
                    out[i] = v.label((int) v.longs[i]);
                }
            }
            case DECIMAL -> decimals(v, t, n);
            case UUID -> {
                Object[] out = v.objects = v.objects == null || v.objects.length < n ? new Object[n] : v.objects;
                for (int i = 0; i < n; i++) {
                    long high = in.i64();
                    out[i] = new UUID(high, in.i64());
                }
            }
            default -> {
                TypeKind k = t.kind();
                boolean unsigned = k.isUnsigned() || k == TypeKind.DATE || k == TypeKind.DATETIME || k == TypeKind.BOOL;
                in.integers(v.longs = capacity(v.longs, n), n, k.byteWidth(), unsigned);
            }
        }
    }

    /**
     * Decimal(P, S): the unscaled value as a little-endian two's-complement integer of 4, 8, 16 or 32
     * bytes (P up to 9, 18, 38, 76), into BigDecimals of scale S, as the JDBC driver returns them.
     */
    private void decimals(NativeValues v, DataType t, int n) throws IOException {
        int p = t.precision();
        int width = p <= 9 ? 4 : p <= 18 ? 8 : p <= 38 ? 16 : 32;
        int scale = t.scale();
        Object[] out = v.objects = v.objects == null || v.objects.length < n ? new Object[n] : v.objects;
        if (width <= 8) {
            long[] unscaled = v.longs = capacity(v.longs, n);
            in.integers(unscaled, n, width, false);
            for (int i = 0; i < n; i++) {
                out[i] = BigDecimal.valueOf(unscaled[i], scale);
            }
            return;
        }
        byte[] little = new byte[width];
        byte[] big = new byte[width];
        for (int i = 0; i < n; i++) {
            in.bytes(little, width);
            for (int b = 0; b < width; b++) {
                big[b] = little[width - 1 - b];
            }
            out[i] = new BigDecimal(new BigInteger(big), scale);
        }
    }

    /**
     * Array(T): one UInt64 end offset a row, then the elements of all the rows as one column of T;
     * each row becomes an unmodifiable List of the elements' plain values ({@link NativeValues#value}).
     */
    private void array(NativeValues v, DataType type, int n) throws IOException {
        long[] ends = v.longs = capacity(v.longs, n);
        in.integers(ends, n, 8, false);
        long total = n == 0 ? 0 : ends[n - 1];
        if (total < 0 || total > Integer.MAX_VALUE) {
            throw new IOException("an Array column of " + total + " elements in one block");
        }
        DataType inner = type.inner();
        NativeValues elements = v.elements == null || !v.elements.type.equals(inner) ? new NativeValues(inner) : v.elements;
        v.elements = elements;
        if (total > 0) {
            read(elements, inner, (int) total);
        }
        Object[] out = v.objects = v.objects == null || v.objects.length < n ? new Object[n] : v.objects;
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = (int) ends[i];
            if (end < start || end > total) {
                throw new IOException("malformed Array offsets in a Native column of " + type.sql());
            }
            Object[] items = new Object[end - start];
            for (int e = start; e < end; e++) {
                items[e - start] = elements.value(e);
            }
            out[i] = java.util.Collections.unmodifiableList(java.util.Arrays.asList(items));
            start = end;
        }
    }

    /** LowCardinality(String): key version, then index type, the block's keys, and one index a row. */
    private void lowCardinality(NativeValues v, DataType type, int n) throws IOException {
        long version = in.i64();
        long flags = in.i64();
        if (version != 1 || (flags & (1L << 9)) == 0 || (flags & (1L << 8)) != 0) {
            throw new IOException("unexpected LowCardinality serialization (version " + version + ", flags 0x"
                    + Long.toHexString(flags) + ") in a Native column of " + type.sql());
        }
        int keyCount = (int) in.i64();
        String[] keys = new String[keyCount];
        for (int i = 0; i < keyCount; i++) {
            keys[i] = in.string();
        }
        if (type.isNullable() && keyCount > 0) {
            keys[0] = null;
        }
        long indexCount = in.i64();
        if (indexCount != n) {
            throw new IOException("a LowCardinality column of " + indexCount + " indexes in a block of " + n + " rows");
        }
        long[] indexes = v.longs = capacity(v.longs, n);
        in.integers(indexes, n, 1 << (flags & 0xFF), true);
        Object[] out = v.objects = v.objects == null || v.objects.length < n ? new Object[n] : v.objects;
        for (int i = 0; i < n; i++) {
            out[i] = keys[(int) indexes[i]];
        }
    }

    private static long[] capacity(long[] a, int n) {
        return a == null || a.length < n ? new long[n] : a;
    }

    private static boolean[] capacity(boolean[] a, int n) {
        return a == null || a.length < n ? new boolean[n] : a;
    }
}
