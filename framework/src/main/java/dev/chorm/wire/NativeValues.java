package dev.chorm.wire;

import dev.chorm.types.DataType;

/**
 * The values of one column of a block read by {@link NativeBlockReader}, by row: integers, dates
 * (days), DateTime (seconds), DateTime64 (ticks of its precision) and Bool (0 or 1) as longs;
 * Float32 and Float64 as doubles; String and UUID as objects; a null map for Nullable columns.
 */
public final class NativeValues {
    final DataType type;
    long[] longs;
    double[] doubles;
    Object[] objects;
    boolean[] nulls;

    NativeValues(DataType type) {
        this.type = type;
    }

    /** Return the column's type as the server named it. */
    public DataType type() {
        return type;
    }

    /** Return whether row {@code row} is NULL. */
    public boolean isNull(int row) {
        return nulls != null && nulls[row];
    }

    /** Return the value of row {@code row} of an integer, date, time or Bool column. */
    public long getLong(int row) {
        return longs[row];
    }

    /** Return the value of row {@code row} of a Float32 or Float64 column. */
    public double getDouble(int row) {
        return doubles[row];
    }

    /** Return the value of row {@code row} of a String or UUID column, null for NULL. */
    public Object getObject(int row) {
        return objects[row];
    }
}
