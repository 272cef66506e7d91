package dev.chorm.wire;

import dev.chorm.types.DataType;
import dev.chorm.types.RowBinaryWriter;
import java.util.Map;

/** {@code Map(K, V)}, laid out as {@code Array(Tuple(K, V))}: end offsets, then all keys, then all values. */
final class MapColumn extends NativeColumn {
    private final Buffer offsets = new Buffer();
    private final NativeColumn keys;
    private final NativeColumn values;
    private long end;

    MapColumn(DataType type, NativeColumn keys, NativeColumn values) {
        super(type);
        this.keys = keys;
        this.values = values;
    }

    @Override
    public void add(Object value) {
        if (value == null) {
            throw notNullable();
        } else if (!(value instanceof Map<?, ?> m)) {
            throw rejected(value, "it is not a Map");
        } else {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                keys.add(e.getKey());
                values.add(e.getValue());
            }
            end += m.size();
        }
        offsets.writer.writeInt64(end);
    }

    @Override
    void addDefault() {
        offsets.writer.writeInt64(end);
    }

    @Override
    void writePrefix(RowBinaryWriter out) {
        keys.writePrefix(out);
        values.writePrefix(out);
    }

    @Override
    void writeData(RowBinaryWriter out) {
        offsets.copyTo(out);
        keys.writeData(out);
        values.writeData(out);
    }

    @Override
    void clear() {
        offsets.clear();
        keys.clear();
        values.clear();
        end = 0;
    }
}
