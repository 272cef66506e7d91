package dev.chorm.wire;

import dev.chorm.types.RowBinaryWriter;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable in-memory byte buffer that one column's values are encoded into, kept (with its
 * capacity) from block to block so that a steady stream of blocks allocates nothing.
 */
final class ByteSink extends OutputStream {
    private byte[] buf = new byte[1 << 12];
    private int size;

    @Override
    public void write(int b) {
        grow(1);
        buf[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        grow(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    private void grow(int n) {
        if (buf.length - size < n) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }

    /** Return the number of bytes written since the last {@link #clear()}. */
    int size() {
        return size;
    }

    /** Copy the bytes into {@code out}. */
    void copyTo(RowBinaryWriter out) {
        out.writeBytes(buf, 0, size);
    }

    /** Forget the bytes, keeping the capacity. */
    void clear() {
        size = 0;
    }
}
