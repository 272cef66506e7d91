package dev.chorm.wire;

import dev.chorm.types.DataType;
import dev.chorm.types.TypeKind;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The values of one column of a block read by {@link NativeBlockReader}, by row: integers, dates
 * (days), DateTime (seconds), DateTime64 (ticks of its precision) and Bool (0 or 1) as longs;
 * Float32, BFloat16 and Float64 as doubles; String and UUID as objects; Enum8 and Enum16 as their values
 * (longs) and labels (objects); Decimal as BigDecimals; UInt64 as longs (its 64 bits), the wider
 * integers as BigIntegers; FixedString as Strings; IPv4 and IPv6 as InetAddresses; Array as
 * unmodifiable Lists of the elements' {@link #value plain values}, Map as LinkedHashMaps of them,
 * Tuple as Object[]s of them; LowCardinality as its keys' plain values; a null map for Nullable columns;
 * SimpleAggregateFunction as its argument, the geo types as their structure ({@link #wire}).
 */
public final class NativeValues {
    final DataType type;
    long[] longs;
    double[] doubles;
    Object[] objects;
    boolean[] nulls;
    /** The elements of all the rows of an Array column, the keys of a Map's, the dictionary of a LowCardinality's. */
    NativeValues elements;
    /** The values of all the rows of a Map column. */
    NativeValues values;
    /** The element columns of a Tuple column. */
    NativeValues[] parts;
    private final TypeKind kind;
    /** LowCardinality keeps each row's plain value in {@link #objects}, whatever its key type. */
    private final boolean lowCardinality;
    private final long scale;
    private final long nanos;
    private Map<Integer, String> labels;

    NativeValues(DataType type) {
        this.type = type;
        DataType wire = wire(type);
        DataType base = wire.base();
        this.kind = base.kind();
        this.lowCardinality = wire.kind() == TypeKind.LOW_CARDINALITY;
        int precision = kind == TypeKind.DATETIME64 ? base.precision() : 0;
        this.scale = TEN[precision];
        this.nanos = TEN[9 - precision];
    }

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final long[] TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};

    /**
     * Return the type whose layout a Native column of {@code type} has: the argument of a
     * SimpleAggregateFunction (whose values are plain values of it), the structure of a geo type
     * ({@code Point} is {@code Tuple(Float64, Float64)}, {@code Ring} {@code Array(Point)}...), {@code type} otherwise.
     */
    static DataType wire(DataType type) {
        TypeKind k = type.kind();
        return k == TypeKind.SIMPLE_AGGREGATE_FUNCTION || k.isGeo() ? type.readType() : type;
    }

    /** Return the label of enum value {@code value}, or null when the type has none. */
    String label(int value) {
        if (labels == null) {
            labels = new HashMap<>();
            wire(type).base().enumEntries().forEach(e -> labels.put(e.value(), e.label()));
        }
        return labels.get(value);
    }

    /**
     * Return row {@code row} as a plain Java value, null for NULL: integers as Long (UInt64 and wider as
     * BigInteger), Float32 and BFloat16 as Float, Float64 as Double, Bool as Boolean, Date and Date32 as LocalDate, DateTime and DateTime64 as
     * Instant, enums as their labels, the rest as {@link #getObject}. These are the values the JDBC
     * driver returns (up to the boxing of integers and the zone of date-times), so a field's converter
     * takes either.
     */
    public Object value(int row) {
        if (nulls != null && nulls[row]) {
            return null;
        }
        if (lowCardinality) {
            return objects[row];
        }
        return switch (kind) {
            case FLOAT64 -> doubles[row];
            case FLOAT32, BFLOAT16 -> (float) doubles[row];
            case BOOL -> longs[row] != 0;
            case DATE, DATE32 -> LocalDate.ofEpochDay(longs[row]);
            case DATETIME -> Instant.ofEpochSecond(longs[row]);
            case DATETIME64 -> Instant.ofEpochSecond(Math.floorDiv(longs[row], scale),
                    Math.floorMod(longs[row], scale) * nanos);
            case UINT64 -> longs[row] >= 0 ? BigInteger.valueOf(longs[row])
                    : BigInteger.valueOf(longs[row]).add(TWO_64);
            case STRING, FIXED_STRING, UUID, IPV4, IPV6, ENUM8, ENUM16, DECIMAL, INT128, UINT128, INT256, UINT256, ARRAY,
                 MAP, TUPLE -> objects[row];
            default -> longs[row];
        };
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

    /** Return the value of row {@code row} of a Float32, BFloat16 or Float64 column. */
    public double getDouble(int row) {
        return doubles[row];
    }

    /**
     * Return the value of row {@code row} of a String, FixedString, UUID, IP, enum (label), Decimal,
     * 128/256-bit integer, Array, Map, Tuple or LowCardinality column, null for NULL.
     */
    public Object getObject(int row) {
        return objects[row];
    }
}
