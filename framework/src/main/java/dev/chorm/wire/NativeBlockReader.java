package dev.chorm.wire;

import dev.chorm.types.DataType;
import dev.chorm.types.TypeKind;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Decodes the types {@link #decodable(DataType)} accepts; a block with another type raises an
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
     * Return whether columns of {@code type} can be decoded: Int8 to Int256, UInt8 to UInt256, Float32,
     * Float64, BFloat16, Bool, String, FixedString, UUID, IPv4, IPv6, Date, Date32, DateTime, DateTime64,
     * Enum8, Enum16, Decimal of any precision, their Nullable and LowCardinality forms, Arrays, Maps and
     * Tuples (nested too) of all these, a SimpleAggregateFunction of any of them and the geo types (as
     * {@link NativeValues#wire} lays them out). Not JSON, Variant, Dynamic or other types chorm does not map.
     */
    public static boolean decodable(DataType type) {
        DataType wire = NativeValues.wire(type);
        if (wire != type) {
            return decodable(wire);
        }
        return switch (type.kind()) {
            case NULLABLE -> scalar(type.inner());
            case LOW_CARDINALITY -> scalar(type.base());
            case ARRAY -> decodable(type.inner());
            case MAP -> decodable(type.keyType()) && decodable(type.valueType());
            case TUPLE -> !type.arguments().isEmpty() && type.arguments().stream().allMatch(NativeBlockReader::decodable);
            default -> scalar(type);
        };
    }

    private static boolean scalar(DataType t) {
        return switch (t.kind()) {
            case INT8, INT16, INT32, INT64, INT128, INT256, UINT8, UINT16, UINT32, UINT64, UINT128, UINT256, FLOAT32,
                 FLOAT64, BFLOAT16, BOOL, STRING, FIXED_STRING, UUID, IPV4, IPV6, DATE, DATE32, DATETIME, DATETIME64, ENUM8,
                 ENUM16, DECIMAL -> true;
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
                    if (!decodable(type)) {
                        throw new IOException("chorm cannot decode Native columns of " + type.sql());
                    }
                    prefix(type);
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

    /**
     * Read a column's serialization state prefix, written once before its data: only LowCardinality has
     * one (the key version, at any depth: inside an Array, a Map or a Tuple too), in the order of the types.
     */
    private void prefix(DataType type) throws IOException {
        DataType wire = NativeValues.wire(type);
        if (wire != type) {
            prefix(wire);
            return;
        }
        switch (type.kind()) {
            case LOW_CARDINALITY -> {
                long version = in.i64();
                if (version != 1) {
                    throw new IOException("unexpected LowCardinality key version " + version + " in a Native column of "
                            + type.sql());
                }
            }
            case NULLABLE, ARRAY -> prefix(type.inner());
            case MAP -> {
                prefix(type.keyType());
                prefix(type.valueType());
            }
            case TUPLE -> {
                for (DataType t : type.arguments()) {
                    prefix(t);
                }
            }
            default -> {
            }
        }
    }

    private void read(NativeValues v, DataType type, int n) throws IOException {
        DataType wire = NativeValues.wire(type);
        if (wire != type) {
            read(v, wire, n);
            return;
        }
        if (type.kind() != TypeKind.NULLABLE) {
            v.nulls = null;
        }
        switch (type.kind()) {
            case NULLABLE -> nullable(v, type, n);
            case LOW_CARDINALITY -> lowCardinality(v, type, n);
            case ARRAY -> array(v, type, n);
            case MAP -> map(v, type, n);
            case TUPLE -> tuple(v, type, n);
            default -> values(v, type, n);
        }
    }

    /** Nullable(T): the null map (a byte a row, 1 for NULL), then the values of T, a default under each NULL. */
    private void nullable(NativeValues v, DataType type, int n) throws IOException {
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
    }

    private void values(NativeValues v, DataType t, int n) throws IOException {
        switch (t.kind()) {
            case FLOAT64, FLOAT32, BFLOAT16 -> {
                v.doubles = v.doubles == null || v.doubles.length < n ? new double[n] : v.doubles;
                long[] bits = v.longs = capacity(v.longs, n);
                boolean f64 = t.kind() == TypeKind.FLOAT64;
                boolean bf16 = t.kind() == TypeKind.BFLOAT16;
                in.integers(bits, n, f64 ? 8 : bf16 ? 2 : 4, false);
                // A BFloat16 is the upper 16 bits of a Float32.
                int shift = bf16 ? 16 : 0;
                for (int i = 0; i < n; i++) {
                    v.doubles[i] = f64 ? Double.longBitsToDouble(bits[i]) : Float.intBitsToFloat((int) bits[i] << shift);
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
            case INT128, UINT128, INT256, UINT256 -> bigIntegers(v, t, n);
            case FIXED_STRING -> {
                // As the JDBC driver reads it: the bytes as UTF-8, trailing NULs kept (a field's converter strips them).
                Object[] out = v.objects = v.objects == null || v.objects.length < n ? new Object[n] : v.objects;
                int length = t.length();
                byte[] bytes = new byte[length];
                for (int i = 0; i < n; i++) {
                    in.bytes(bytes, length);
                    out[i] = new String(bytes, StandardCharsets.UTF_8);
                }
            }
            case IPV4 -> {
                in.integers(v.longs = capacity(v.longs, n), n, 4, true);
                Object[] out = v.objects = v.objects == null || v.objects.length < n ? new Object[n] : v.objects;
                for (int i = 0; i < n; i++) {
                    long a = v.longs[i];
                    out[i] = address(new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a});
                }
            }
            case IPV6 -> {
                // Network order; an IPv4-mapped address becomes an Inet4Address, as the driver's does.
                Object[] out = v.objects = v.objects == null || v.objects.length < n ? new Object[n] : v.objects;
                for (int i = 0; i < n; i++) {
                    byte[] a = new byte[16];
                    in.bytes(a, 16);
                    out[i] = address(a);
                }
            }
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
            out[i] = new BigDecimal(wideInteger(little, big, true), scale);
        }
    }

    /**
     * Array(T): one UInt64 end offset a row, then the elements of all the rows as one column of T;
     * each row becomes an unmodifiable List of the elements' plain values ({@link NativeValues#value}).
     */
    private void array(NativeValues v, DataType type, int n) throws IOException {
        int total = offsets(v, type, n);
        long[] ends = v.longs;
        DataType inner = type.inner();
        NativeValues elements = v.elements = reuse(v.elements, inner);
        if (total > 0) {
            read(elements, inner, total);
        }
        Object[] out = v.objects = v.objects == null || v.objects.length < n ? new Object[n] : v.objects;
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = (int) ends[i];
            Object[] items = new Object[end - start];
            for (int e = start; e < end; e++) {
                items[e - start] = elements.value(e);
            }
            out[i] = java.util.Collections.unmodifiableList(java.util.Arrays.asList(items));
            start = end;
        }
    }

    /**
     * Int128, UInt128, Int256, UInt256: little-endian integers of 16 or 32 bytes, two's complement when
     * signed, into BigIntegers (as the JDBC driver returns them).
     */
    private void bigIntegers(NativeValues v, DataType t, int n) throws IOException {
        int width = t.kind().byteWidth();
        boolean signed = !t.kind().isUnsigned();
        Object[] out = v.objects = v.objects == null || v.objects.length < n ? new Object[n] : v.objects;
        byte[] little = new byte[width];
        byte[] big = new byte[width];
        for (int i = 0; i < n; i++) {
            out[i] = wideInteger(little, big, signed);
        }
    }

    /**
     * Read one little-endian integer of {@code little.length} bytes (two's complement when signed) through
     * the caller's buffers: {@code big} takes the bytes reversed, as BigInteger wants them.
     */
    private BigInteger wideInteger(byte[] little, byte[] big, boolean signed) throws IOException {
        int width = little.length;
        in.bytes(little, width);
        for (int b = 0; b < width; b++) {
            big[b] = little[width - 1 - b];
        }
        return signed ? new BigInteger(big) : new BigInteger(1, big);
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + bytes.length + " bytes", e); // 4 and 16 are valid
        }
    }

    /** Read the UInt64 end offsets of an Array or Map column into {@code v.longs}, checked; return the element count. */
    private int offsets(NativeValues v, DataType type, int n) throws IOException {
        long[] ends = v.longs = capacity(v.longs, n);
        in.integers(ends, n, 8, false);
        long start = 0;
        for (int i = 0; i < n; i++) {
            if (ends[i] < start || ends[i] > Integer.MAX_VALUE) {
                throw new IOException("malformed offsets (" + ends[i] + " after " + start + ") in a Native column of "
                        + type.sql());
            }
            start = ends[i];
        }
        return (int) start;
    }

    /**
     * Map(K, V), stored as Array(Tuple(K, V)): one UInt64 end offset a row, then the keys of all rows
     * as one column of K, then their values as one column of V; each row becomes a LinkedHashMap of
     * the plain values in wire order.
     */
    private void map(NativeValues v, DataType type, int n) throws IOException {
        int total = offsets(v, type, n);
        NativeValues keys = v.elements = reuse(v.elements, type.keyType());
        NativeValues values = v.values = reuse(v.values, type.valueType());
        if (total > 0) {
            read(keys, type.keyType(), total);
            read(values, type.valueType(), total);
        }
        Object[] out = v.objects = v.objects == null || v.objects.length < n ? new Object[n] : v.objects;
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = (int) v.longs[i];
            Map<Object, Object> row = new LinkedHashMap<>();
            for (int e = start; e < end; e++) {
                row.put(keys.value(e), values.value(e));
            }
            out[i] = row;
            start = end;
        }
    }

    /** Tuple(T1, ..., Tn): each element's column of all the rows in turn; each row becomes an Object[] (as the driver's). */
    private void tuple(NativeValues v, DataType type, int n) throws IOException {
        List<DataType> types = type.arguments();
        if (v.parts == null || v.parts.length != types.size()) {
            v.parts = new NativeValues[types.size()];
        }
        for (int j = 0; j < types.size(); j++) {
            v.parts[j] = reuse(v.parts[j], types.get(j));
            read(v.parts[j], types.get(j), n);
        }
        Object[] out = v.objects = v.objects == null || v.objects.length < n ? new Object[n] : v.objects;
        for (int i = 0; i < n; i++) {
            Object[] row = new Object[types.size()];
            for (int j = 0; j < row.length; j++) {
                row[j] = v.parts[j].value(i);
            }
            out[i] = row;
        }
    }

    /**
     * LowCardinality(T) after its key version (read by {@link #prefix}): the index type, the block's
     * keys as a column of T without Nullable, and one index a row; each row's value is its key's plain
     * value, null for key 0 of LowCardinality(Nullable(T)).
     */
    private void lowCardinality(NativeValues v, DataType type, int n) throws IOException {
        long flags = in.i64();
        if ((flags & (1L << 9)) == 0 || (flags & (1L << 8)) != 0) {
            throw new IOException("unexpected LowCardinality serialization (flags 0x" + Long.toHexString(flags)
                    + ") in a Native column of " + type.sql());
        }
        long keyCount = in.i64();
        if (keyCount < 0 || keyCount > Integer.MAX_VALUE) {
            throw new IOException("a LowCardinality dictionary of " + keyCount + " keys in a Native column of " + type.sql());
        }
        DataType keyType = type.inner().kind() == TypeKind.NULLABLE ? type.inner().inner() : type.inner();
        NativeValues keys = v.elements = reuse(v.elements, keyType);
        values(keys, keyType, (int) keyCount);
        long indexCount = in.i64();
        if (indexCount != n) {
            throw new IOException("a LowCardinality column of " + indexCount + " indexes in a block of " + n + " rows");
        }
        long[] indexes = v.longs = capacity(v.longs, n);
        in.integers(indexes, n, 1 << (flags & 0xFF), true);
        boolean nullable = type.isNullable();
        Object[] strings = keyType.kind() == TypeKind.STRING ? keys.objects : null; // the common case, as they are
        Object[] out = v.objects = v.objects == null || v.objects.length < n ? new Object[n] : v.objects;
        for (int i = 0; i < n; i++) {
            long index = indexes[i];
            if (index < 0 || index >= keyCount) {
                throw new IOException("a LowCardinality index " + index + " beyond its " + keyCount + " keys in a Native"
                        + " column of " + type.sql());
            }
            out[i] = nullable && index == 0 ? null : strings != null ? strings[(int) index] : keys.value((int) index);
        }
    }

    private static NativeValues reuse(NativeValues v, DataType type) {
        return v == null || !v.type.equals(type) ? new NativeValues(type) : v;
    }

    private static long[] capacity(long[] a, int n) {
        return a == null || a.length < n ? new long[n] : a;
    }

    private static boolean[] capacity(boolean[] a, int n) {
        return a == null || a.length < n ? new boolean[n] : a;
    }
}
