package dev.chorm.embedded.internal;

import com.clickhouse.data.ClickHouseCityHash;

/**
 * ClickHouse's compressed-block framing ({@code compress=1}) with method 0x02, "none": the driver
 * verifies the checksum and reads the data as is. On loopback, compressing would cost more CPU
 * than it saves. Block layout: CityHash128 (low, high; little-endian) of the rest, method byte,
 * u32 size including the 9-byte header, u32 raw size, data.
 */
public final class CompressedBlocks {
    /** Bytes each block adds to its data. */
    public static final int OVERHEAD = 16 + 9;
    /** Data bytes per block; about 1 MiB lets the client decode while the next block is framed. */
    public static final int BLOCK_SIZE = 1 << 20;
    private static final byte METHOD_NONE = 0x02;

    private CompressedBlocks() {
    }

    /** Return the framed size of {@code length} data bytes. */
    public static long framedLength(long length) {
        long blocks = (length + BLOCK_SIZE - 1) / BLOCK_SIZE;
        return length + blocks * OVERHEAD;
    }

    /** Fill the header of a block whose {@code n} data bytes start at {@link #OVERHEAD}. */
    static void frame(byte[] block, int n) {
        block[16] = METHOD_NONE;
        putIntLE(block, 17, n + 9);
        putIntLE(block, 21, n);
        long[] hash = ClickHouseCityHash.cityHash128(block, 16, n + 9);
        putLongLE(block, 0, hash[0]);
        putLongLE(block, 8, hash[1]);
    }

    /**
     * Decode framed request data whose blocks use method 0x02. Every block is validated before
     * its data is used: a header that fits, a declared size within the body, a raw size that
     * matches, and the checksum; LZ4 and ZSTD request bodies are refused (chorm keeps request
     * compression off).
     */
    public static byte[] decode(byte[] framed) {
        // Validate every block and total its data first, then copy each block's data once.
        int total = 0;
        int pos = 0;
        while (pos < framed.length) {
            if (framed.length - pos < OVERHEAD) {
                throw corrupt("a block header is cut short at byte " + pos);
            }
            int method = framed[pos + 16] & 0xff;
            long size = getIntLE(framed, pos + 17) & 0xffffffffL;
            long raw = getIntLE(framed, pos + 21) & 0xffffffffL;
            if (size < 9 || size > framed.length - pos - 16L) {
                throw corrupt("a block at byte " + pos + " declares " + size + " bytes, but " + (framed.length - pos - 16) + " follow");
            }
            long[] hash = ClickHouseCityHash.cityHash128(framed, pos + 16, (int) size);
            if (getLongLE(framed, pos) != hash[0] || getLongLE(framed, pos + 8) != hash[1]) {
                throw corrupt("the checksum of the block at byte " + pos + " does not match its data");
            }
            if (method != (METHOD_NONE & 0xff)) {
                throw new EngineException(456, String.format("Code: 456. DB::Exception: The embedded engine accepts"
                        + " uncompressed request blocks only, got method 0x%02x. Turn off request compression"
                        + " (decompress=0 / compress_client_request=false). (CANNOT_DECOMPRESS)", method));
            }
            if (raw != size - 9) {
                throw corrupt("an uncompressed block at byte " + pos + " declares " + raw + " data bytes in " + (size - 9));
            }
            total += (int) raw;
            pos += 16 + (int) size;
        }
        byte[] out = new byte[total];
        int at = 0;
        for (pos = 0; pos < framed.length; ) {
            int size = getIntLE(framed, pos + 17);
            System.arraycopy(framed, pos + OVERHEAD, out, at, size - 9);
            at += size - 9;
            pos += 16 + size;
        }
        return out;
    }

    private static EngineException corrupt(String what) {
        return new EngineException(271, "Code: 271. DB::Exception: Cannot decompress the request body: " + what
                + ". (CANNOT_DECOMPRESS)");
    }

    private static long getLongLE(byte[] b, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (b[at + i] & 0xff);
        }
        return v;
    }

    private static void putIntLE(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    private static int getIntLE(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    private static void putLongLE(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
