package dev.chorm.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Buffered little-endian reads from a Native response, decoding strings straight from the buffer. */
final class NativeInput {
    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;

    NativeInput(InputStream in) {
        this.in = in;
    }

    /** Return true when the stream has no more bytes (between blocks). */
    boolean atEnd() throws IOException {
        return pos == limit && !fill(1, false);
    }

    /** Make at least {@code n} bytes available; return false at the end of the stream when {@code required} is false. */
    private boolean fill(int n, boolean required) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (n > buf.length) {
            byte[] bigger = new byte[Math.max(n, buf.length * 2)];
            System.arraycopy(buf, pos, bigger, 0, limit - pos);
            limit -= pos;
            pos = 0;
            buf = bigger;
        } else if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit < n) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                if (required || limit > 0) {
                    throw new EOFException("the Native response ended inside a block");
                }
                return false;
            }
            limit += r;
        }
        return true;
    }

    int u8() throws IOException {
        fill(1, true);
        return buf[pos++] & 0xFF;
    }

    int i16() throws IOException {
        fill(2, true);
        int v = (buf[pos] & 0xFF) | buf[pos + 1] << 8;
        pos += 2;
        return v;
    }

    int i32() throws IOException {
        fill(4, true);
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | buf[pos + 3] << 24;
        pos += 4;
        return v;
    }

    long i64() throws IOException {
        fill(8, true);
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (buf[pos + i] & 0xFF);
        }
        pos += 8;
        return v;
    }

    long varUInt() throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("malformed VarUInt in the Native response");
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final java.lang.invoke.VarHandle INTS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * Read {@code rows} fixed-width integers of {@code width} bytes into {@code out}, sign-extended, or
     * zero-extended when {@code unsigned}.
     */
    void integers(long[] out, int rows, int width, boolean unsigned) throws IOException {
        fill(Math.multiplyExact(rows, width), true);
        byte[] b = buf;
        int p = pos;
        switch (width) {
            case 8 -> {
                for (int i = 0; i < rows; i++, p += 8) {
                    out[i] = (long) LONGS.get(b, p);
                }
            }
            case 4 -> {
                for (int i = 0; i < rows; i++, p += 4) {
                    int v = (int) INTS.get(b, p);
                    out[i] = unsigned ? v & 0xFFFF_FFFFL : v;
                }
            }
            case 2 -> {
                for (int i = 0; i < rows; i++, p += 2) {
                    int v = (b[p] & 0xFF) | b[p + 1] << 8;
                    out[i] = unsigned ? v & 0xFFFF : v;
                }
            }
            default -> {
                for (int i = 0; i < rows; i++, p++) {
                    out[i] = unsigned ? b[p] & 0xFF : b[p];
                }
            }
        }
        pos = p;
    }

    /** Read {@code n} bytes into {@code out}. */
    void bytes(byte[] out, int n) throws IOException {
        fill(n, true);
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
    }

    /** Read a String: VarUInt length, then UTF-8 bytes. */
    String string() throws IOException {
        long n = varUInt();
        if (n > Integer.MAX_VALUE - 16) {
            throw new IOException("a string of " + n + " bytes in the Native response");
        }
        int len = (int) n;
        fill(len, true);
        String s = new String(buf, pos, len, StandardCharsets.UTF_8);
        pos += len;
        return s;
    }
}
