package dev.chorm.types;

import dev.chorm.ModelDefinitionException;
import dev.chorm.types.annotation.DateTime;
import dev.chorm.types.annotation.DateTime64;
import dev.chorm.types.annotation.Decimal;
import dev.chorm.types.annotation.Enum16;
import dev.chorm.types.annotation.Enum8;
import dev.chorm.types.annotation.EnumLabel;
import dev.chorm.types.annotation.FixedString;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turn an annotation that names a ClickHouse type into that type, checking the field's Java type. */
final class ExplicitTypes {
    private static final List<Class<?>> BYTE = List.of(byte.class, Byte.class);
    private static final List<Class<?>> SHORT = List.of(short.class, Short.class);
    private static final List<Class<?>> INT = List.of(int.class, Integer.class);
    private static final List<Class<?>> LONG = List.of(long.class, Long.class);
    private static final List<Class<?>> BIG = List.of(BigInteger.class);
    private static final List<Class<?>> TIMES = List.of(Instant.class, LocalDateTime.class, OffsetDateTime.class,
            ZonedDateTime.class);

    private static final List<Class<?>> TIME_OF_DAY = List.of(java.time.Duration.class, java.time.LocalTime.class);

    private ExplicitTypes() {
    }

    static DataType map(Annotation an, Class<?> raw, String found, String owner) {
        String name = an.annotationType().getSimpleName();
        return switch (name) {
            case "Int8" -> need(an, raw, found, owner, DataType.int8(), "a byte, short, int or long", BYTE, SHORT, INT, LONG);
            case "Int16" -> need(an, raw, found, owner, DataType.int16(), "a short, int or long", SHORT, INT, LONG);
            case "Int32" -> need(an, raw, found, owner, DataType.int32(), "an int or long", INT, LONG);
            case "Int64" -> need(an, raw, found, owner, DataType.int64(), "a long", LONG);
            case "Int128" -> need(an, raw, found, owner, DataType.int128(), "a BigInteger", BIG);
            case "Int256" -> need(an, raw, found, owner, DataType.int256(), "a BigInteger", BIG);
            case "UInt8" -> need(an, raw, found, owner, DataType.uint8(), "a short, int or long", SHORT, INT, LONG);
            case "UInt16" -> need(an, raw, found, owner, DataType.uint16(), "an int or long", INT, LONG);
            case "UInt32" -> need(an, raw, found, owner, DataType.uint32(), "a long", LONG);
            case "UInt64" -> need(an, raw, found, owner, DataType.uint64(), "a long or BigInteger", LONG, BIG);
            case "UInt128" -> need(an, raw, found, owner, DataType.uint128(), "a BigInteger", BIG);
            case "UInt256" -> need(an, raw, found, owner, DataType.uint256(), "a BigInteger", BIG);
            case "Float32" -> need(an, raw, found, owner, DataType.float32(), "a float or double",
                    List.of(float.class, Float.class), List.of(double.class, Double.class));
            case "Float64" -> need(an, raw, found, owner, DataType.float64(), "a double", List.of(double.class, Double.class));
            case "Decimal" -> need(an, raw, found, owner,
                    DataType.decimal(((Decimal) an).precision(), ((Decimal) an).scale()), "a BigDecimal",
                    List.of(BigDecimal.class));
            case "FixedString" -> need(an, raw, found, owner, DataType.fixedString(((FixedString) an).value()),
                    "a String or byte[]", List.of(String.class, byte[].class));
            case "Date" -> need(an, raw, found, owner, DataType.date(), "a LocalDate", List.of(LocalDate.class));
            case "Date32" -> need(an, raw, found, owner, DataType.date32(), "a LocalDate", List.of(LocalDate.class));
            case "DateTime" -> need(an, raw, found, owner, DataType.dateTime(zone(((DateTime) an).timezone(), raw)),
                    "an Instant, LocalDateTime, OffsetDateTime or ZonedDateTime", TIMES);
            case "DateTime64" -> need(an, raw, found, owner,
                    DataType.dateTime64(((DateTime64) an).value(), zone(((DateTime64) an).timezone(), raw)),
                    "an Instant, LocalDateTime, OffsetDateTime or ZonedDateTime", TIMES);
            case "IPv4" -> need(an, raw, found, owner, DataType.ipv4(), "an Inet4Address or String",
                    List.of(Inet4Address.class, String.class));
            case "IPv6" -> need(an, raw, found, owner, DataType.ipv6(), "an InetAddress, Inet6Address or String",
                    List.of(InetAddress.class, Inet6Address.class, String.class));
            case "GenericIP" -> need(an, raw, found, owner, DataType.ipv6(), "an InetAddress or String",
                    List.of(InetAddress.class, String.class));
            case "Json" -> need(an, raw, found, owner, DataType.json(), "a Map, List, String or Object",
                    List.of(Map.class, List.class, String.class, Object.class));
            case "Enum8", "Enum16" -> enumType(an, raw, found, owner);
            case "AggregateFunction" -> aggregateFunction((dev.chorm.types.annotation.AggregateFunction) an, owner);
            case "BFloat16" -> need(an, raw, found, owner, DataType.bfloat16(), "a float or double",
                    List.of(float.class, Float.class), List.of(double.class, Double.class));
            case "Time" -> need(an, raw, found, owner, DataType.time(), "a Duration or LocalTime", TIME_OF_DAY);
            case "Time64" -> need(an, raw, found, owner,
                    DataType.time64(((dev.chorm.types.annotation.Time64) an).value()), "a Duration or LocalTime",
                    TIME_OF_DAY);
            case "Variant" -> variant((dev.chorm.types.annotation.Variant) an, owner);
            case "Dynamic" -> need(an, raw, found, owner, DataType.dynamic(((dev.chorm.types.annotation.Dynamic) an).value()),
                    "an Object", List.of(Object.class));
            default -> throw new IllegalStateException("unhandled annotation " + name);
        };
    }

    /**
     * Return the AggregateFunction type an annotation names. The field's Java type is the finalized
     * value's, which chorm does not derive from the function; a mismatch shows when a row is read.
     */
    private static DataType aggregateFunction(dev.chorm.types.annotation.AggregateFunction an, String owner) {
        List<DataType> args = new ArrayList<>();
        for (String text : an.args()) {
            try {
                args.add(DataType.parse(text));
            } catch (IllegalArgumentException e) {
                throw new ModelDefinitionException(owner + ": @AggregateFunction(args = \"" + text
                        + "\") is not a ClickHouse type. " + e.getMessage()
                        + " Write the argument type as system.columns shows it, such as String or Array(UInt64).", e);
            }
        }
        try {
            return DataType.aggregateFunction(an.function(), args);
        } catch (IllegalArgumentException e) {
            throw new ModelDefinitionException(owner + ": @AggregateFunction(function = \"" + an.function()
                    + "\") is not an aggregate function with parameters: " + e.getMessage()
                    + ". Write it as ClickHouse does, such as uniq or quantiles(0.5, 0.9).", e);
        }
    }

    private static DataType variant(dev.chorm.types.annotation.Variant an, String owner) {
        if (an.value().length < 2) {
            throw new ModelDefinitionException("%s: @Variant needs at least two types, such as @Variant({\"String\", \"UInt64\"})."
                    .formatted(owner));
        }
        List<DataType> variants = new ArrayList<>();
        for (String text : an.value()) {
            try {
                variants.add(DataType.parse(text));
            } catch (IllegalArgumentException e) {
                throw new ModelDefinitionException(owner + ": @Variant(\"" + text + "\") is not a ClickHouse type. "
                        + e.getMessage() + " Write each variant as system.columns shows it, such as Array(String).", e);
            }
        }
        return DataType.variant(variants);
    }

    /** Return the time zone written in an annotation, or UTC for instant-like fields when none is written. */
    static String zone(String written, Class<?> raw) {
        if (!written.isEmpty()) {
            return written;
        }
        return raw == LocalDateTime.class ? null : "UTC";
    }

    @SafeVarargs
    private static DataType need(Annotation an, Class<?> raw, String found, String owner, DataType type, String what,
                               List<Class<?>>... allowed) {
        for (List<Class<?>> group : allowed) {
            if (group.contains(raw)) {
                return type;
            }
        }
        throw new ModelDefinitionException("%s: %s needs %s field, found %s."
                .formatted(owner, TypeAnnotations.name(an), what, found));
    }

    private static DataType enumType(Annotation an, Class<?> raw, String found, String owner) {
        boolean wide = an instanceof Enum16;
        EnumLabel[] labels = wide ? ((Enum16) an).value() : ((Enum8) an).value();
        String name = TypeAnnotations.name(an);
        if (raw.isEnum()) {
            if (labels.length > 0) {
                throw new ModelDefinitionException("%s: %s takes its labels from the enum %s; remove the labels from the annotation."
                        .formatted(owner, name, raw.getSimpleName()));
            }
            List<DataType.EnumEntry> entries = JavaEnums.entries(raw);
            return wide ? DataType.enum16(entries) : DataType.enum8(entries);
        }
        List<Class<?>> allowed = List.of(String.class, byte.class, Byte.class, short.class, Short.class, int.class,
                Integer.class, Object.class);
        if (!allowed.contains(raw)) {
            throw new ModelDefinitionException("%s: %s needs a Java enum, String or int field, found %s."
                    .formatted(owner, name, found));
        }
        if (labels.length == 0) {
            throw new ModelDefinitionException("%s: %s on a %s field needs its labels, for example %s({@EnumLabel(name = \"a\", value = 1)})."
                    .formatted(owner, name, found, name));
        }
        List<DataType.EnumEntry> entries = new ArrayList<>();
        for (EnumLabel l : labels) {
            entries.add(new DataType.EnumEntry(l.name(), l.value()));
        }
        return wide ? DataType.enum16(entries) : DataType.enum8(entries);
    }
}
