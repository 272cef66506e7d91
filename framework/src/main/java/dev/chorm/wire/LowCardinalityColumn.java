package dev.chorm.wire;

import dev.chorm.types.DataType;
import dev.chorm.types.RowBinaryWriter;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * {@code LowCardinality(T)} as SerializationLowCardinality writes it in Native: the state prefix is
 * the key version (UInt64 1, shared dictionaries with additional keys); the data of each block is
 * the index type (UInt64: the index width 0-3 for UInt8..UInt64, bit 9 "has additional keys",
 * bit 10 "update dictionary"), the block's own dictionary as additional keys (UInt64 count, then
 * the keys as a column of T without Nullable), and the indexes (UInt64 count, then one index a
 * row). No global dictionary is sent, so each block is self-contained and memory stays bounded by
 * the block. For {@code LowCardinality(Nullable(T))} key 0 is null (its bytes are T's default).
 * A column without rows (the elements of empty arrays) writes no data, as ClickHouse does.
 */
final class LowCardinalityColumn extends NativeColumn {
    private static final long KEY_VERSION = 1;
    private static final long HAS_ADDITIONAL_KEYS = 1L << 9;
    private static final long NEED_UPDATE_DICTIONARY = 1L << 10;

    private final NativeColumn keys;
    private final boolean nullable;
    /**
     * The block's dictionary as an open-addressing table (linear probing, at most half full): a key
     * and its index side by side, compared by identity first, so the common repeated value costs
     * one hash (cached by String), one or two array reads and no boxing, unlike a HashMap's node and
     * Integer per lookup. byte[] keys are held as ByteBuffers, whose equality is their contents.
     */
    private Object[] slots = new Object[64];
    private int[] slotIndexes = new int[64];
    private int distinct;
    private int[] indexes = new int[1024];
    private int rows;

    LowCardinalityColumn(DataType type, NativeColumn keys) {
        super(type);
        this.keys = keys;
        this.nullable = type.isNullable();
        clear();
    }

    @Override
    public void add(Object value) {
        int index;
        if (value == null) {
            if (!nullable) {
                throw notNullable();
            }
            index = 0;
        } else {
            // byte[] has identity equality; its contents are the key (copied only when it is new).
            Object key = value instanceof byte[] b ? ByteBuffer.wrap(b) : value;
            int mask = slots.length - 1;
            int slot = spread(key.hashCode()) & mask;
            for (Object k; (k = slots[slot]) != null; slot = (slot + 1) & mask) {
                if (k == key || k.equals(key)) {
                    break;
                }
            }
            if (slots[slot] == null) {
                keys.add(value); // first, so that a value that fails to encode is not in the dictionary
                index = distinct++ + (nullable ? 1 : 0);
                slots[slot] = value instanceof byte[] b ? ByteBuffer.wrap(b.clone()) : key;
                slotIndexes[slot] = index;
                if (distinct * 2 > slots.length) {
                    grow();
                }
            } else {
                index = slotIndexes[slot];
            }
        }
        if (rows == indexes.length) {
            indexes = Arrays.copyOf(indexes, rows * 2);
        }
        indexes[rows++] = index;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
    }

    /** Double the table, placing each key again. */
    private void grow() {
        Object[] oldSlots = slots;
        int[] oldIndexes = slotIndexes;
        slots = new Object[oldSlots.length * 2];
        slotIndexes = new int[slots.length];
        int mask = slots.length - 1;
        for (int i = 0; i < oldSlots.length; i++) {
            Object k = oldSlots[i];
            if (k != null) {
                int slot = spread(k.hashCode()) & mask;
                while (slots[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = k;
                slotIndexes[slot] = oldIndexes[i];
            }
        }
    }

    @Override
    void addDefault() {
        add(null);
    }

    @Override
    void writePrefix(RowBinaryWriter out) {
        out.writeInt64(KEY_VERSION);
    }

    @Override
    void writeData(RowBinaryWriter out) {
        if (rows == 0) {
            return;
        }
        int count = distinct + (nullable ? 1 : 0);
        int width = count <= 1 << 8 ? 0 : count <= 1 << 16 ? 1 : 2;
        out.writeInt64(width | HAS_ADDITIONAL_KEYS | NEED_UPDATE_DICTIONARY);
        out.writeInt64(count);
        keys.writeData(out);
        out.writeInt64(rows);
        for (int i = 0; i < rows; i++) {
            switch (width) {
                case 0 -> out.writeInt8(indexes[i]);
                case 1 -> out.writeInt16(indexes[i]);
                default -> out.writeInt32(indexes[i]);
            }
        }
    }

    @Override
    void clear() {
        keys.clear();
        if (distinct > 0) {
            Arrays.fill(slots, null);
            distinct = 0;
        }
        rows = 0;
        if (nullable) {
            keys.addDefault();
        }
    }
}
