package dev.chorm.wire;

import dev.chorm.types.DataType;
import dev.chorm.types.RowBinaryWriter;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

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
    private final Map<Object, Integer> dictionary = new HashMap<>();
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
            // byte[] has identity equality; its contents are the key.
            Object key = value instanceof byte[] b ? ByteBuffer.wrap(b.clone()) : value;
            Integer known = dictionary.get(key);
            if (known == null) {
                keys.add(value); // first, so that a value that fails to encode is not in the dictionary
                known = dictionary.size() + (nullable ? 1 : 0);
                dictionary.put(key, known);
            }
            index = known;
        }
        if (rows == indexes.length) {
            indexes = Arrays.copyOf(indexes, rows * 2);
        }
        indexes[rows++] = index;
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
        int count = dictionary.size() + (nullable ? 1 : 0);
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
        dictionary.clear();
        rows = 0;
        if (nullable) {
            keys.addDefault();
        }
    }
}
