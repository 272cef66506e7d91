package dev.chorm.types;

import dev.chorm.ChormException;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Encode Java values into ClickHouse's RowBinary format, buffered, onto an OutputStream.
 *
 * <pre>{@code
 * ValueEncoder id = RowBinaryWriter.encoder(DataType.uint64());
 * ValueEncoder tags = RowBinaryWriter.encoder(DataType.parse("Array(LowCardinality(String))"));
 * try (RowBinaryWriter w = new RowBinaryWriter(out)) {
 *     for (Event e : events) { id.encode(w, e.id); tags.encode(w, e.tags); }
 * }
 * }</pre>
 * Numbers are little-endian, lengths LEB128; the encoders compiled by {@link #encoder(DataType)} do the
 * per-type work once, so the hot path allocates nothing for numbers and strings. Values that do not
 * fit their column (300 for a UInt8, a Decimal with too many digits, a date out of range) raise a
 * {@link ChormException} instead of being truncated. JSON columns are written as JSON text: insert
 * with the setting {@code input_format_binary_read_json_as_string = 1}. Not thread-safe.
 */
public final class RowBinaryWriter implements Closeable, Flushable {
    private static final Map<DataType, ValueEncoder> ENCODERS = new ConcurrentHashMap<>();
    // One little-endian store per number instead of a store per byte: C2 (JDK 17) does not merge the
    // byte stores, which made writeInt64 the hottest line of a Native bulkCreate (QuerySetBenchmark).
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final OutputStream out;
    private final byte[] buf;
    private int pos;

    /** Create a writer with a 64 KiB buffer. */
    public RowBinaryWriter(OutputStream out) {
        this(out, 1 << 16);
    }

    /** Create a writer with a buffer of {@code bufferSize} bytes (at least 64). */
    public RowBinaryWriter(OutputStream out, int bufferSize) {
        this.out = out;
        this.buf = new byte[Math.max(64, bufferSize)];
    }

    /**
     * Return a writer that drops what it is given, to learn whether an encoder takes a value (it throws
     * when not) without writing it anywhere; one per use, as writers are not thread-safe.
     */
    public static RowBinaryWriter discarding() {
        return new RowBinaryWriter(OutputStream.nullOutputStream(), 64);
    }

    /**
     * Return the encoder of a field: {@link #encoder(DataType)}, with the rounding its {@code @Decimal}
     * asks for on the Decimal its values are ({@link #valueType}).
     *
     * @param field the field or record component, for its declaration annotations
     */
    public static ValueEncoder encoder(DataType type, java.lang.reflect.AnnotatedElement field,
                                       java.lang.reflect.AnnotatedType javaType) {
        ValueEncoder e = encoder(type);
        dev.chorm.types.annotation.Decimal d = javaType.getAnnotation(dev.chorm.types.annotation.Decimal.class);
        if (d == null && field != null) {
            d = field.getAnnotation(dev.chorm.types.annotation.Decimal.class);
        }
        DataType decimal = valueType(type);
        if (d == null || d.rounding() == java.math.RoundingMode.UNNECESSARY || decimal.kind() != TypeKind.DECIMAL) {
            return e;
        }
        // The field asked for rounding: bring the value to the column's scale before the exact encoder sees it.
        int scale = decimal.scale();
        java.math.RoundingMode mode = d.rounding();
        return (w, v) -> e.encode(w, v instanceof java.math.BigDecimal b ? b.setScale(scale, mode) : v);
    }

    /**
     * Return the type of a field's single values in a column of {@code type}: the column's
     * {@link DataType#readType()} without Nullable and LowCardinality, so Decimal(9, 2) for
     * {@code SimpleAggregateFunction(max, Nullable(Decimal(9, 2)))}.
     */
    public static DataType valueType(DataType type) {
        return type.readType().base();
    }

    /** Return the (cached) encoder for values of {@code type}. */
    public static ValueEncoder encoder(DataType type) {
        ValueEncoder e = ENCODERS.get(type);
        if (e == null) {
            e = RowBinaryEncoders.compile(type);
            ENCODERS.putIfAbsent(type, e);
        }
        return e;
    }

    /** Write {@code value} as a value of {@code type}; prefer a kept {@link #encoder(DataType)} in loops. */
    public void write(DataType type, Object value) {
        encoder(type).encode(this, value);
    }

    /** Write one byte (Int8, UInt8, Bool, Enum8, the Nullable marker). */
    public void writeInt8(int v) {
        if (pos == buf.length) {
            drain();
        }
        buf[pos++] = (byte) v;
    }

    /** Write two bytes little-endian (Int16, UInt16, Date, Enum16). */
    public void writeInt16(int v) {
        ensure(2);
        SHORT.set(buf, pos, (short) v);
        pos += 2;
    }

    /** Write four bytes little-endian (Int32, UInt32, Date32, DateTime, IPv4, Decimal32). */
    public void writeInt32(int v) {
        ensure(4);
        INT.set(buf, pos, v);
        pos += 4;
    }

    /** Write eight bytes little-endian (Int64, UInt64, DateTime64, Decimal64). */
    public void writeInt64(long v) {
        ensure(8);
        LONG.set(buf, pos, v);
        pos += 8;
    }

    /** Write a Float32 with its exact bits (NaN, -0.0 and infinities included). */
    public void writeFloat32(float v) {
        writeInt32(Float.floatToRawIntBits(v));
    }

    /** Write a Float64 with its exact bits (NaN, -0.0 and infinities included). */
    public void writeFloat64(double v) {
        writeInt64(Double.doubleToRawLongBits(v));
    }

    /** Write an unsigned LEB128 length, as before a String, an Array or a Map. */
    public void writeVarInt(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    /** Write a big integer as {@code bytes} little-endian two's-complement bytes; the caller checks the range. */
    public void writeBigInteger(BigInteger v, int bytes) {
        byte[] be = v.toByteArray();
        ensure(bytes);
        byte fill = (byte) (v.signum() < 0 ? 0xFF : 0);
        for (int i = 0; i < bytes; i++) {
            int j = be.length - 1 - i;
            buf[pos++] = j >= 0 ? be[j] : fill;
        }
    }

    /** Write a String: its UTF-8 length as LEB128, then its UTF-8 bytes (NUL characters included). */
    public void writeString(String s) {
        int len = s.length();
        if (len < 0x80 && len < buf.length - pos) {
            // The common short ASCII string in one pass: its length is one LEB128 byte, then a byte a char.
            int start = pos + 1;
            int i = 0;
            while (i < len) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    break;
                }
                buf[start + i++] = (byte) c;
            }
            if (i == len) {
                buf[pos] = (byte) len;
                pos = start + len;
                return;
            }
        }
        int n = utf8Length(s);
        writeVarInt(n);
        writeUtf8(s, n);
    }

    /** Write raw bytes. */
    public void writeBytes(byte[] b, int off, int len) {
        if (len > buf.length - pos) {
            drain();
            if (len > buf.length) {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return;
            }
        }
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    /** Write {@code count} zero bytes, as the padding of a FixedString. */
    public void writeZeros(int count) {
        for (int i = 0; i < count; i++) {
            writeInt8(0);
        }
    }

    /** Return the number of UTF-8 bytes of {@code s}; unpaired surrogates count as '?', as String.getBytes does. */
    static int utf8Length(String s) {
        int n = s.length();
        int len = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    len += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    len += 2;
                    i++;
                } else if (!Character.isSurrogate(c)) {
                    len += 2;
                }
            }
        }
        return len;
    }

    /** Write the {@code n} UTF-8 bytes of {@code s} without allocating. */
    void writeUtf8(String s, int n) {
        int len = s.length();
        int i = 0;
        if (n <= buf.length - pos) {
            // The ASCII prefix without a room check per char (an unpaired surrogate is not ASCII: '?').
            for (char c; i < len && (c = s.charAt(i)) < 0x80; i++) {
                buf[pos++] = (byte) c;
            }
        }
        for (; i < len; i++) {
            ensure(4);
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[pos++] = (byte) c;
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xC0 | (c >> 6));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[pos++] = (byte) (0xF0 | (cp >> 18));
                buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                buf[pos++] = '?';
            } else {
                buf[pos++] = (byte) (0xE0 | (c >> 12));
                buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    private void ensure(int n) {
        if (buf.length - pos < n) {
            drain();
        }
    }

    private void drain() {
        try {
            out.write(buf, 0, pos);
            pos = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Write the buffered bytes to the stream and flush it. */
    @Override
    public void flush() {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flush and close the stream. */
    @Override
    public void close() {
        flush();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
