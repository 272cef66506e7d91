package dev.chorm.types;

/**
 * Name the families of ClickHouse data types that chorm supports.
 *
 * <p>Each kind knows its ClickHouse name and, for fixed-width numbers, its width in bytes.
 */
public enum TypeKind {
    INT8("Int8", 1), INT16("Int16", 2), INT32("Int32", 4), INT64("Int64", 8),
    INT128("Int128", 16), INT256("Int256", 32),
    UINT8("UInt8", 1), UINT16("UInt16", 2), UINT32("UInt32", 4), UINT64("UInt64", 8),
    UINT128("UInt128", 16), UINT256("UInt256", 32),
    FLOAT32("Float32", 4), FLOAT64("Float64", 8),
    DECIMAL("Decimal", 0),
    BOOL("Bool", 1),
    STRING("String", 0),
    FIXED_STRING("FixedString", 0),
    UUID("UUID", 16),
    DATE("Date", 2),
    DATE32("Date32", 4),
    DATETIME("DateTime", 4),
    DATETIME64("DateTime64", 8),
    ENUM8("Enum8", 1),
    ENUM16("Enum16", 2),
    IPV4("IPv4", 4),
    IPV6("IPv6", 16),
    ARRAY("Array", 0),
    TUPLE("Tuple", 0),
    MAP("Map", 0),
    JSON("JSON", 0),
    AGGREGATE_FUNCTION("AggregateFunction", 0),
    SIMPLE_AGGREGATE_FUNCTION("SimpleAggregateFunction", 0),
    BFLOAT16("BFloat16", 2),
    TIME("Time", 4),
    TIME64("Time64", 8),
    VARIANT("Variant", 0),
    DYNAMIC("Dynamic", 0),
    NESTED("Nested", 0),
    POINT("Point", 0),
    RING("Ring", 0),
    LINE_STRING("LineString", 0),
    MULTI_LINE_STRING("MultiLineString", 0),
    POLYGON("Polygon", 0),
    MULTI_POLYGON("MultiPolygon", 0),
    LOW_CARDINALITY("LowCardinality", 0),
    NULLABLE("Nullable", 0);

    private final String chName;
    private final int byteWidth;

    TypeKind(String chName, int byteWidth) {
        this.chName = chName;
        this.byteWidth = byteWidth;
    }

    /** Return the name ClickHouse uses for this family, for example {@code DateTime64}. */
    public String chName() {
        return chName;
    }

    /** Return the width in bytes of a fixed-width value of this kind, or 0 when it varies. */
    public int byteWidth() {
        return byteWidth;
    }

    /** Return whether this kind is a signed or unsigned integer of any width. */
    public boolean isInteger() {
        return ordinal() <= UINT256.ordinal();
    }

    /** Return whether this kind is an unsigned integer. */
    public boolean isUnsigned() {
        return ordinal() >= UINT8.ordinal() && ordinal() <= UINT256.ordinal();
    }

    /** Return whether this kind is Float32 or Float64. */
    public boolean isFloat() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** Return whether this kind is an integer, a float or a Decimal. */
    public boolean isNumber() {
        return isInteger() || isFloat() || this == DECIMAL;
    }

    /** Return whether this kind is Enum8 or Enum16. */
    public boolean isEnum() {
        return this == ENUM8 || this == ENUM16;
    }

    /** Return whether this kind is Date, Date32, DateTime or DateTime64. */
    public boolean isTemporal() {
        return this == DATE || this == DATE32 || this == DATETIME || this == DATETIME64;
    }

    /** Return whether this kind is Time or Time64. */
    public boolean isTime() {
        return this == TIME || this == TIME64;
    }

    /** Return whether this kind is one of the geo types: Point, Ring, LineString, MultiLineString, Polygon, MultiPolygon. */
    public boolean isGeo() {
        return switch (this) {
            case POINT, RING, LINE_STRING, MULTI_LINE_STRING, POLYGON, MULTI_POLYGON -> true;
            default -> false;
        };
    }

    /** Return whether this kind is AggregateFunction or SimpleAggregateFunction. */
    public boolean isAggregate() {
        return this == AGGREGATE_FUNCTION || this == SIMPLE_AGGREGATE_FUNCTION;
    }

    /** Return whether this kind carries no parameters and no inner types, like {@code Int32} or {@code UUID}. */
    public boolean isSimple() {
        return switch (this) {
            case DECIMAL, FIXED_STRING, DATETIME, DATETIME64, ENUM8, ENUM16, ARRAY, TUPLE, MAP, JSON,
                 AGGREGATE_FUNCTION, SIMPLE_AGGREGATE_FUNCTION, TIME64, VARIANT, DYNAMIC, NESTED, LOW_CARDINALITY,
                 NULLABLE -> false;
            default -> true;
        };
    }
}
