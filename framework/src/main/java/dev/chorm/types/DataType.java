package dev.chorm.types;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Describe one ClickHouse data type as an immutable value.
 *
 * <p>{@link #sql()} renders the type exactly as ClickHouse's {@code system.columns} reports it, and
 * {@link #parse(String)} reads any such text back, so that {@code parse(t.sql()).equals(t)}:
 * <pre>{@code
 * DataType t = DataType.lowCardinality(DataType.nullable(DataType.string()));
 * t.sql();                                   // LowCardinality(Nullable(String))
 * DataType.parse("Decimal64(4)");              // Decimal(18, 4)
 * }</pre>
 * Factories check only the shape (no nulls, counts); whether ClickHouse accepts the combination
 * (a Nullable Array, a Float Map key, ...) is decided by {@link TypeRules}.
 */
public final class DataType {
    /** Name one label of an Enum8 or Enum16 and its numeric value. */
    public record EnumEntry(String label, int value) {
        /** Check the label. */
        public EnumEntry {
            Objects.requireNonNull(label, "label == null");
        }
    }

    private final TypeKind kind;
    private final int precision;
    private final int scale;
    private final String timezone;
    private final List<EnumEntry> enumEntries;
    private final List<DataType> args;
    private final List<String> names;
    private final String params;

    private DataType(TypeKind kind, int precision, int scale, String timezone, List<EnumEntry> enumEntries,
                   List<DataType> args, List<String> names, String params) {
        this.kind = kind;
        this.precision = precision;
        this.scale = scale;
        this.timezone = timezone;
        this.enumEntries = List.copyOf(enumEntries);
        this.args = List.copyOf(args);
        this.names = List.copyOf(names);
        this.params = params;
    }

    private static DataType simple(TypeKind kind) {
        return new DataType(kind, 0, 0, null, List.of(), List.of(), List.of(), "");
    }

    private static DataType wrap(TypeKind kind, DataType... inner) {
        for (DataType t : inner) {
            Objects.requireNonNull(t, "type == null");
        }
        return new DataType(kind, 0, 0, null, List.of(), List.of(inner), List.of(), "");
    }

    /** Return the parameterless type of {@code kind}, for example {@code of(TypeKind.UUID)}. */
    public static DataType of(TypeKind kind) {
        if (!kind.isSimple()) {
            throw new IllegalArgumentException("kind needs parameters: " + kind.chName());
        }
        return simple(kind);
    }

    /** Return {@code Int8}. */
    public static DataType int8() { return simple(TypeKind.INT8); }
    /** Return {@code Int16}. */
    public static DataType int16() { return simple(TypeKind.INT16); }
    /** Return {@code Int32}. */
    public static DataType int32() { return simple(TypeKind.INT32); }
    /** Return {@code Int64}. */
    public static DataType int64() { return simple(TypeKind.INT64); }
    /** Return {@code Int128}. */
    public static DataType int128() { return simple(TypeKind.INT128); }
    /** Return {@code Int256}. */
    public static DataType int256() { return simple(TypeKind.INT256); }
    /** Return {@code UInt8}. */
    public static DataType uint8() { return simple(TypeKind.UINT8); }
    /** Return {@code UInt16}. */
    public static DataType uint16() { return simple(TypeKind.UINT16); }
    /** Return {@code UInt32}. */
    public static DataType uint32() { return simple(TypeKind.UINT32); }
    /** Return {@code UInt64}. */
    public static DataType uint64() { return simple(TypeKind.UINT64); }
    /** Return {@code UInt128}. */
    public static DataType uint128() { return simple(TypeKind.UINT128); }
    /** Return {@code UInt256}. */
    public static DataType uint256() { return simple(TypeKind.UINT256); }
    /** Return {@code Float32}. */
    public static DataType float32() { return simple(TypeKind.FLOAT32); }
    /** Return {@code Float64}. */
    public static DataType float64() { return simple(TypeKind.FLOAT64); }
    /** Return {@code Bool}. */
    public static DataType bool() { return simple(TypeKind.BOOL); }
    /** Return {@code String}. */
    public static DataType string() { return simple(TypeKind.STRING); }
    /** Return {@code UUID}. */
    public static DataType uuid() { return simple(TypeKind.UUID); }
    /** Return {@code Date}. */
    public static DataType date() { return simple(TypeKind.DATE); }
    /** Return {@code Date32}. */
    public static DataType date32() { return simple(TypeKind.DATE32); }
    /** Return {@code IPv4}. */
    public static DataType ipv4() { return simple(TypeKind.IPV4); }
    /** Return {@code IPv6}. */
    public static DataType ipv6() { return simple(TypeKind.IPV6); }
    /** Return {@code BFloat16}, the 16-bit brain float (the upper half of a Float32). */
    public static DataType bfloat16() { return simple(TypeKind.BFLOAT16); }
    /** Return {@code Time}: a signed time of day in seconds, -999:59:59 to 999:59:59. */
    public static DataType time() { return simple(TypeKind.TIME); }
    /** Return {@code Point}: {@code Tuple(Float64, Float64)} as x, y. */
    public static DataType point() { return simple(TypeKind.POINT); }
    /** Return {@code Ring}: {@code Array(Point)}, a closed line. */
    public static DataType ring() { return simple(TypeKind.RING); }
    /** Return {@code LineString}: {@code Array(Point)}. */
    public static DataType lineString() { return simple(TypeKind.LINE_STRING); }
    /** Return {@code MultiLineString}: {@code Array(LineString)}. */
    public static DataType multiLineString() { return simple(TypeKind.MULTI_LINE_STRING); }
    /** Return {@code Polygon}: {@code Array(Ring)}, the outer ring first, then the holes. */
    public static DataType polygon() { return simple(TypeKind.POLYGON); }
    /** Return {@code MultiPolygon}: {@code Array(Polygon)}. */
    public static DataType multiPolygon() { return simple(TypeKind.MULTI_POLYGON); }
    /** Return {@code Dynamic} without parameters. */
    public static DataType dynamic() { return simple(TypeKind.DYNAMIC); }

    /** Return {@code Dynamic(params)}; {@code params} is kept as written, for example {@code max_types=10}. */
    public static DataType dynamic(String params) {
        Objects.requireNonNull(params, "params == null");
        return new DataType(TypeKind.DYNAMIC, 0, 0, null, List.of(), List.of(), List.of(), params.strip());
    }

    /** Return {@code Time64(precision)}: a signed time of day with {@code precision} (0..9) fraction digits. */
    public static DataType time64(int precision) {
        return new DataType(TypeKind.TIME64, precision, 0, null, List.of(), List.of(), List.of(), "");
    }

    /**
     * Return {@code Variant(T1, T2, ...)}, the variants ordered by name as ClickHouse prints them (and numbers
     * its discriminators): {@code variant(string(), uint64())} and {@code variant(uint64(), string())} are equal.
     */
    public static DataType variant(List<DataType> variants) {
        List<DataType> sorted = new java.util.ArrayList<>(variants);
        sorted.forEach(t -> Objects.requireNonNull(t, "type == null"));
        sorted.sort(java.util.Comparator.comparing(DataType::sql));
        return new DataType(TypeKind.VARIANT, 0, 0, null, List.of(), sorted, List.of(), "");
    }

    /** Return {@code Nested(n1 T1, n2 T2, ...)}: an array of rows with these named columns. */
    public static DataType nested(List<String> names, List<DataType> columns) {
        if (names.size() != columns.size() || names.isEmpty()) {
            throw new IllegalArgumentException("Nested needs one name per column: " + names + ", " + columns);
        }
        return new DataType(TypeKind.NESTED, 0, 0, null, List.of(), columns, names, "");
    }

    /** Return {@code JSON} without parameters. */
    public static DataType json() { return simple(TypeKind.JSON); }

    /** Return {@code JSON(params)}; {@code params} is kept as written, for example {@code max_dynamic_paths=10}. */
    public static DataType json(String params) {
        Objects.requireNonNull(params, "params == null");
        return new DataType(TypeKind.JSON, 0, 0, null, List.of(), List.of(), List.of(), params.strip());
    }

    /** Return {@code Decimal(precision, scale)}. */
    public static DataType decimal(int precision, int scale) {
        return new DataType(TypeKind.DECIMAL, precision, scale, null, List.of(), List.of(), List.of(), "");
    }

    /** Return {@code FixedString(length)}. */
    public static DataType fixedString(int length) {
        return new DataType(TypeKind.FIXED_STRING, length, 0, null, List.of(), List.of(), List.of(), "");
    }

    /** Return {@code DateTime} in the server's time zone. */
    public static DataType dateTime() {
        return simple(TypeKind.DATETIME);
    }

    /** Return {@code DateTime('timezone')}; a null timezone means the server's. */
    public static DataType dateTime(String timezone) {
        return new DataType(TypeKind.DATETIME, 0, 0, emptyToNull(timezone), List.of(), List.of(), List.of(), "");
    }

    /** Return {@code DateTime64(precision)} in the server's time zone. */
    public static DataType dateTime64(int precision) {
        return dateTime64(precision, null);
    }

    /** Return {@code DateTime64(precision, 'timezone')}; a null timezone means the server's. */
    public static DataType dateTime64(int precision, String timezone) {
        return new DataType(TypeKind.DATETIME64, precision, 0, emptyToNull(timezone), List.of(), List.of(), List.of(),
                "");
    }

    /** Return {@code Enum8(...)} with these entries, ordered by value as ClickHouse prints them. */
    public static DataType enum8(List<EnumEntry> entries) {
        return new DataType(TypeKind.ENUM8, 0, 0, null, byValue(entries), List.of(), List.of(), "");
    }

    /** Return {@code Enum16(...)} with these entries, ordered by value as ClickHouse prints them. */
    public static DataType enum16(List<EnumEntry> entries) {
        return new DataType(TypeKind.ENUM16, 0, 0, null, byValue(entries), List.of(), List.of(), "");
    }

    private static List<EnumEntry> byValue(List<EnumEntry> entries) {
        List<EnumEntry> sorted = new java.util.ArrayList<>(entries);
        sorted.sort(java.util.Comparator.comparingInt(EnumEntry::value));
        return sorted;
    }

    /** Return {@code Array(element)}. */
    public static DataType array(DataType element) { return wrap(TypeKind.ARRAY, element); }

    /** Return {@code Map(key, value)}. */
    public static DataType map(DataType key, DataType value) { return wrap(TypeKind.MAP, key, value); }

    /** Return {@code Nullable(inner)}. */
    public static DataType nullable(DataType inner) { return wrap(TypeKind.NULLABLE, inner); }

    /** Return {@code LowCardinality(inner)}. */
    public static DataType lowCardinality(DataType inner) { return wrap(TypeKind.LOW_CARDINALITY, inner); }

    /** Return the unnamed {@code Tuple(T1, T2, ...)}. */
    public static DataType tuple(List<DataType> elements) {
        return tuple(List.of(), elements);
    }

    /** Return the unnamed {@code Tuple(T1, T2, ...)}. */
    public static DataType tuple(DataType... elements) {
        return tuple(List.of(elements));
    }

    /** Return the named {@code Tuple(n1 T1, n2 T2, ...)}; an empty {@code names} gives an unnamed tuple. */
    public static DataType tuple(List<String> names, List<DataType> elements) {
        if (!names.isEmpty() && names.size() != elements.size()) {
            throw new IllegalArgumentException("names and elements differ in size: " + names + ", " + elements);
        }
        return new DataType(TypeKind.TUPLE, 0, 0, null, List.of(), elements, names, "");
    }

    /**
     * Return {@code AggregateFunction(function, args...)}, the column of partial aggregation states.
     *
     * @param function the aggregate function with its parameters as ClickHouse writes them, such as
     *                 {@code uniq} or {@code quantiles(0.5, 0.9)}; the parameters are normalized as
     *                 {@code system.columns} prints them ({@code quantiles(0.50,.9)} is {@code quantiles(0.5, 0.9)})
     * @param args the argument types; none for {@code count}
     */
    public static DataType aggregateFunction(String function, List<DataType> args) {
        String f = AggregateFunctionText.normalize(function);
        return aggregateFunction(AggregateFunctionText.defaultVersion(f, args), f, args);
    }

    /** Return {@code AggregateFunction(function, args...)}; see {@link #aggregateFunction(String, List)}. */
    public static DataType aggregateFunction(String function, DataType... args) {
        return aggregateFunction(function, List.of(args));
    }

    /**
     * Return {@code AggregateFunction(version, function, args...)}: a state serialized in {@code version}
     * of the function's format, which ClickHouse prints for functions that have versions, such as
     * {@code AggregateFunction(1, sumMap, Array(UInt8), Array(UInt64))}; 0 means no version. The
     * two-argument factories choose the version ClickHouse gives a column that names none.
     */
    public static DataType aggregateFunction(int version, String function, List<DataType> args) {
        if (version < 0) {
            throw new IllegalArgumentException("version < 0: " + version);
        }
        for (DataType t : args) {
            Objects.requireNonNull(t, "type == null");
        }
        return new DataType(TypeKind.AGGREGATE_FUNCTION, version, 0, null, List.of(), args, List.of(),
                AggregateFunctionText.normalize(function));
    }

    /** Return {@code SimpleAggregateFunction(function, arg)}: values of {@code arg} merged with {@code function}. */
    public static DataType simpleAggregateFunction(String function, DataType arg) {
        Objects.requireNonNull(arg, "type == null");
        return new DataType(TypeKind.SIMPLE_AGGREGATE_FUNCTION, 0, 0, null, List.of(), List.of(arg), List.of(),
                AggregateFunctionText.normalize(function));
    }

    /** Parse a type as ClickHouse writes it, for example {@code Array(Nullable(Decimal(10, 2)))}. */
    public static DataType parse(String text) {
        return new DataTypeParser(text).parseAll();
    }

    /** Return the family of this type. */
    public TypeKind kind() { return kind; }

    /** Return the precision of a Decimal or DateTime64, 0 for other kinds. */
    public int precision() {
        return kind == TypeKind.DECIMAL || kind == TypeKind.DATETIME64 || kind == TypeKind.TIME64 ? precision : 0;
    }

    /** Return the scale of a Decimal, 0 for other kinds. */
    public int scale() { return scale; }

    /** Return the length of a FixedString, 0 for other kinds. */
    public int length() { return kind == TypeKind.FIXED_STRING ? precision : 0; }

    /** Return the time zone of a DateTime or DateTime64 when the type names one. */
    public Optional<String> timezone() { return Optional.ofNullable(timezone); }

    /** Return the entries of an Enum8 or Enum16 ordered by value, empty for other kinds. */
    public List<EnumEntry> enumEntries() { return enumEntries; }

    /**
     * Return the inner types: one for Array, Nullable, LowCardinality, SimpleAggregateFunction; two for
     * Map; n for Tuple and for the arguments of an AggregateFunction.
     */
    public List<DataType> arguments() { return args; }

    /** Return the element names of a named Tuple or the column names of a Nested, empty for an unnamed Tuple and other kinds. */
    public List<String> names() { return names; }

    /** Return the parameters of a JSON type as written, empty when it has none. */
    public String jsonParams() { return kind == TypeKind.JSON ? params : ""; }

    /** Return the parameters of a Dynamic type as written ({@code max_types=10}), empty when it has none. */
    public String dynamicParams() { return kind == TypeKind.DYNAMIC ? params : ""; }

    /**
     * Return the function of an AggregateFunction or SimpleAggregateFunction with its parameters, such
     * as {@code quantiles(0.5, 0.9)}; empty for other kinds.
     */
    public String function() { return kind.isAggregate() ? params : ""; }

    /** Return the name of the function of an AggregateFunction or SimpleAggregateFunction without parameters, such as {@code quantiles}. */
    public String functionName() {
        int paren = function().indexOf('(');
        return paren < 0 ? function() : function().substring(0, paren);
    }

    /** Return the state version of an AggregateFunction, 0 when the type names none (and for other kinds). */
    public int version() { return kind == TypeKind.AGGREGATE_FUNCTION ? precision : 0; }

    /** Return the single inner type of an Array, Nullable or LowCardinality. */
    public DataType inner() {
        if (kind != TypeKind.ARRAY && kind != TypeKind.NULLABLE && kind != TypeKind.LOW_CARDINALITY) {
            throw new IllegalStateException("no inner type: " + sql());
        }
        return args.get(0);
    }

    /** Return the key type of a Map. */
    public DataType keyType() { return mapArg(0); }

    /** Return the value type of a Map. */
    public DataType valueType() { return mapArg(1); }

    private DataType mapArg(int i) {
        if (kind != TypeKind.MAP) {
            throw new IllegalStateException("not a Map: " + sql());
        }
        return args.get(i);
    }

    /**
     * Return whether this type holds NULL: {@code Nullable(...)}, {@code LowCardinality(Nullable(...))} or
     * {@code SimpleAggregateFunction(f, Nullable(...))}.
     */
    public boolean isNullable() {
        return kind == TypeKind.NULLABLE
                || (kind == TypeKind.LOW_CARDINALITY || kind == TypeKind.SIMPLE_AGGREGATE_FUNCTION) && args.get(0).isNullable();
    }

    /**
     * Return the type of the values a query reads from a column of this type: the argument of a
     * SimpleAggregateFunction, the finalized value of an AggregateFunction (as
     * {@code finalizeAggregation} gives it, see {@link AggregateFunctionText#finalizedType}), the structure
     * of a geo type (Point is {@code Tuple(Float64, Float64)}, Ring {@code Array(Point)}, ...) and of
     * Nested ({@code Array(Tuple(n1 T1, ...))}), this type otherwise. Values travel in this shape.
     */
    public DataType readType() {
        return switch (kind) {
            case SIMPLE_AGGREGATE_FUNCTION -> args.get(0);
            case AGGREGATE_FUNCTION -> AggregateFunctionText.finalizedType(this);
            case POINT -> tuple(float64(), float64());
            case RING, LINE_STRING -> array(point());
            case MULTI_LINE_STRING -> array(lineString());
            case POLYGON -> array(ring());
            case MULTI_POLYGON -> array(polygon());
            case NESTED -> array(tuple(names, args));
            default -> this;
        };
    }

    /**
     * Return this type without LowCardinality at any depth (inside Nullable, Array, Map and Tuple too):
     * the type of its values, as ClickHouse gives them to aggregate functions' states
     * ({@code uniqState} of {@code Array(LowCardinality(String))} is {@code AggregateFunction(uniq, Array(String))}).
     */
    public DataType withoutLowCardinality() {
        return switch (kind) {
            case LOW_CARDINALITY -> args.get(0).withoutLowCardinality();
            case NULLABLE -> nullable(args.get(0).withoutLowCardinality());
            case ARRAY -> array(args.get(0).withoutLowCardinality());
            case MAP -> map(keyType().withoutLowCardinality(), valueType().withoutLowCardinality());
            case TUPLE -> {
                List<DataType> elements = args.stream().map(DataType::withoutLowCardinality).toList();
                yield names.isEmpty() ? tuple(elements) : tuple(names, elements);
            }
            default -> this;
        };
    }

    /**
     * Return whether a column of type {@code column} takes the values of this type as they are: the
     * same type but for LowCardinality at any depth and a SimpleAggregateFunction around the column's
     * values, which ClickHouse converts without loss when a materialized view or an INSERT ... SELECT
     * writes a query's columns into a table ({@code LowCardinality(String)} into {@code String},
     * {@code UInt64} into {@code SimpleAggregateFunction(sum, UInt64)}).
     */
    public boolean insertsInto(DataType column) {
        DataType values = column.kind == TypeKind.SIMPLE_AGGREGATE_FUNCTION ? column.args.get(0) : column;
        DataType mine = kind == TypeKind.SIMPLE_AGGREGATE_FUNCTION ? args.get(0) : this;
        return mine.withoutLowCardinality().equals(values.withoutLowCardinality());
    }

    /** Return this type without its LowCardinality and Nullable wrappers, for example String for LowCardinality(Nullable(String)). */
    public DataType base() {
        DataType t = this;
        while (t.kind == TypeKind.NULLABLE || t.kind == TypeKind.LOW_CARDINALITY) {
            t = t.args.get(0);
        }
        return t;
    }

    /** Render this type as ClickHouse's {@code system.columns} shows it. */
    public String sql() {
        StringBuilder out = new StringBuilder();
        DataTypeSql.render(this, out);
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataType t && kind == t.kind && precision == t.precision && scale == t.scale
                && Objects.equals(timezone, t.timezone) && enumEntries.equals(t.enumEntries) && args.equals(t.args)
                && names.equals(t.names) && params.equals(t.params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, precision, scale, timezone, enumEntries, args, names, params);
    }

    /** Return {@link #sql()}. */
    @Override
    public String toString() {
        return sql();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
