package dev.chorm.types;

import dev.chorm.ModelDefinitionException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

/**
 * Check that ClickHouse would accept a {@link DataType}, before any SQL is sent.
 *
 * <p>Each rule reports a {@link ModelDefinitionException} whose message names the owner (such as
 * {@code Event.tags}), quotes the type and gives the fix.
 */
public final class TypeRules {
    private TypeRules() {
    }

    /** Throw a {@link ModelDefinitionException} naming {@code owner} when ClickHouse would reject {@code type}. */
    public static void check(DataType type, String owner) {
        switch (type.kind()) {
            case NULLABLE -> checkNullable(type, owner);
            case LOW_CARDINALITY -> checkLowCardinality(type, owner);
            case MAP -> checkMapKey(type, owner);
            case DECIMAL -> checkDecimal(type, owner);
            case DATETIME64 -> checkDateTime64(type, owner);
            case DATETIME -> checkZone(type, owner);
            case FIXED_STRING -> {
                if (type.length() <= 0) {
                    throw fail(owner, "FixedString needs a length of at least 1, found %d. Write @FixedString(16)."
                            .formatted(type.length()));
                }
            }
            case ENUM8, ENUM16 -> checkEnum(type, owner);
            case TUPLE -> checkTuple(type, owner);
            case TIME64 -> {
                if (type.precision() < 0 || type.precision() > 9) {
                    throw fail(owner, "Time64 precision must be 0..9, found %d; use 3 for milliseconds or 6 for microseconds."
                            .formatted(type.precision()));
                }
            }
            case VARIANT -> checkVariant(type, owner);
            case NESTED -> checkTimeInside(type, owner);
            default -> { }
        }
        for (DataType inner : type.arguments()) {
            check(inner, owner);
        }
    }

    /** Return whether ClickHouse needs {@code allow_suspicious_low_cardinality_types = 1} to create {@code type}. */
    public static boolean needsSuspiciousLowCardinality(DataType type) {
        if (type.kind() == TypeKind.LOW_CARDINALITY) {
            TypeKind k = type.base().kind();
            if (k != TypeKind.STRING && k != TypeKind.FIXED_STRING) {
                return true;
            }
        }
        return type.arguments().stream().anyMatch(TypeRules::needsSuspiciousLowCardinality);
    }

    private static void checkNullable(DataType type, String owner) {
        DataType inner = type.inner();
        String what = switch (inner.kind()) {
            case ARRAY -> "an empty array";
            case MAP -> "an empty map";
            case TUPLE -> "a Tuple of Nullable elements";
            case JSON -> "an empty JSON object";
            case AGGREGATE_FUNCTION, SIMPLE_AGGREGATE_FUNCTION -> "the aggregate state of no rows";
            case VARIANT, DYNAMIC -> "its own NULL";
            case NESTED -> "an empty Nested";
            case POINT, RING, LINE_STRING, MULTI_LINE_STRING, POLYGON, MULTI_POLYGON -> "an empty or zero shape";
            default -> null;
        };
        if (inner.kind() == TypeKind.SIMPLE_AGGREGATE_FUNCTION) {
            throw fail(owner, "%s is not allowed: write SimpleAggregateFunction(%s, Nullable(...)) instead, with @Nullable"
                    .formatted(type.sql(), inner.function()) + " and @SimpleAggregateFunction on the same field.");
        }
        if (what != null) {
            throw fail(owner, "%s is not allowed: ClickHouse cannot wrap %s in Nullable. Remove @Nullable; %s stands for no value."
                    .formatted(type.sql(), inner.kind().chName(), what));
        }
        if (inner.kind() == TypeKind.NULLABLE || inner.kind() == TypeKind.LOW_CARDINALITY) {
            throw fail(owner, "%s is not allowed. Write LowCardinality(Nullable(...)) instead: @LowCardinality @Nullable."
                    .formatted(type.sql()));
        }
    }

    private static void checkLowCardinality(DataType type, String owner) {
        DataType inner = type.inner();
        DataType base = inner.kind() == TypeKind.NULLABLE ? inner.inner() : inner;
        boolean allowed = switch (base.kind()) {
            case STRING, FIXED_STRING, BOOL, DATE, DATE32, DATETIME, UUID, IPV4, IPV6 -> true;
            default -> base.kind().isInteger() || base.kind().isFloat();
        };
        if (!allowed) {
            throw fail(owner, "%s is not allowed: LowCardinality wraps only strings, numbers, dates and DateTime, not %s. Remove @LowCardinality."
                    .formatted(type.sql(), base.kind().chName()));
        }
    }

    private static void checkMapKey(DataType type, String owner) {
        DataType key = type.keyType();
        DataType base = key.kind() == TypeKind.LOW_CARDINALITY ? key.inner() : key;
        boolean allowed = switch (base.kind()) {
            case BOOL, STRING, FIXED_STRING, UUID, DATE, DATE32, DATETIME, DATETIME64, ENUM8, ENUM16, IPV4, IPV6 -> true;
            default -> base.kind().isInteger();
        };
        if (!allowed) {
            throw fail(owner, ("%s has a key of type %s; a Map key must be a string, an integer, a date, a UUID, an Enum or an IP address."
                    + " Change the key type, for example to String.")
                    .formatted(type.sql(), key.sql()));
        }
    }

    private static void checkDecimal(DataType type, String owner) {
        if (type.precision() < 1 || type.precision() > 76) {
            throw fail(owner, ("Decimal precision must be 1..76, found %d; give @Decimal a precision in that range, such as"
                    + " @Decimal(precision = 18, scale = 2).").formatted(type.precision()));
        }
        if (type.scale() < 0 || type.scale() > type.precision()) {
            throw fail(owner, "Decimal scale must be 0..%d (the precision), found %d; lower the scale or raise the precision."
                    .formatted(type.precision(), type.scale()));
        }
    }

    private static void checkDateTime64(DataType type, String owner) {
        if (type.precision() < 0 || type.precision() > 9) {
            throw fail(owner, ("DateTime64 precision must be 0..9, found %d; use 3 for milliseconds, 6 for microseconds or 9 for"
                    + " nanoseconds.").formatted(type.precision()));
        }
        checkZone(type, owner);
    }

    private static void checkZone(DataType type, String owner) {
        if (type.timezone().isEmpty()) {
            return;
        }
        String zone = type.timezone().get();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw fail(owner, "unknown time zone '%s'. Use a name of the tz database, such as 'UTC' or 'Europe/Paris'."
                    .formatted(zone));
        }
    }

    private static void checkEnum(DataType type, String owner) {
        String name = type.kind().chName();
        if (type.enumEntries().isEmpty()) {
            throw fail(owner, name + " needs at least one label; add one, such as @EnumLabel(name = \"a\", value = 1).");
        }
        int min = type.kind() == TypeKind.ENUM8 ? Byte.MIN_VALUE : Short.MIN_VALUE;
        int max = type.kind() == TypeKind.ENUM8 ? Byte.MAX_VALUE : Short.MAX_VALUE;
        Set<String> labels = new HashSet<>();
        Set<Integer> values = new HashSet<>();
        for (DataType.EnumEntry e : type.enumEntries()) {
            if (e.value() < min || e.value() > max) {
                String fix = type.kind() == TypeKind.ENUM8 ? " Use Enum16 (@Enum16) or smaller values." : " Use smaller values.";
                throw fail(owner, "%s value %d of '%s' is out of range %d..%d.%s"
                        .formatted(name, e.value(), e.label(), min, max, fix));
            }
            if (!labels.add(e.label())) {
                throw fail(owner, "%s has the label '%s' twice; give each value its own label.".formatted(name, e.label()));
            }
            if (!values.add(e.value())) {
                throw fail(owner, "%s has the value %d twice (again for '%s'); give each label its own value."
                        .formatted(name, e.value(), e.label()));
            }
        }
    }

    /**
     * Check a Variant as ClickHouse 26.5 does on CREATE: no Nullable, Variant or Dynamic inside, and no two
     * variants of similar types (integers and Decimals, Float32 and Float64, the date and date-time types,
     * String and FixedString, Arrays of similar types), which it refuses unless
     * {@code allow_suspicious_variant_types = 1}.
     */
    private static void checkVariant(DataType type, String owner) {
        checkTimeInside(type, owner);
        java.util.Map<String, DataType> classes = new java.util.HashMap<>();
        for (DataType v : type.arguments()) {
            if (v.isNullable() || v.kind() == TypeKind.VARIANT || v.kind() == TypeKind.DYNAMIC) {
                throw fail(owner, "%s is not allowed: a Variant cannot hold %s. %s".formatted(type.sql(), v.sql(),
                        v.isNullable() ? "Remove the Nullable; a Variant holds NULL itself." : "List the types directly."));
            }
            DataType other = classes.putIfAbsent(similarity(v), v);
            if (other != null) {
                throw fail(owner, ("%s has the similar variants %s and %s, which ClickHouse refuses as ambiguous (unless"
                        + " allow_suspicious_variant_types = 1); keep one of them.").formatted(type.sql(), other.sql(), v.sql()));
            }
        }
    }

    /**
     * Refuse a Time or Time64 inside a Variant or Nested: clickhouse-jdbc 0.11 reads it as a wrong value
     * (a Time inside a Variant as a LocalDateTime of 1970-01-01, inside a Nested as a java.sql.Time that
     * wraps at 24 hours), and chorm's text form for Time columns does not reach inside these types.
     */
    private static void checkTimeInside(DataType type, String owner) {
        if (type.arguments().stream().anyMatch(TypeRules::containsTime)) {
            throw fail(owner, ("%s holds a Time: the JDBC driver (clickhouse-jdbc 0.11) cannot read a Time inside a %s"
                    + " correctly; store the time in its own Time or Time64 column, or as an Int64 of seconds.")
                    .formatted(type.sql(), type.kind().chName()));
        }
    }

    private static boolean containsTime(DataType t) {
        return t.kind().isTime() || t.arguments().stream().anyMatch(TypeRules::containsTime);
    }

    private static String similarity(DataType t) {
        TypeKind k = t.base().kind();
        if (k.isInteger() || k == TypeKind.DECIMAL) {
            return "integer";
        } else if (k.isFloat()) {
            return "float";
        } else if (k.isTemporal()) {
            return "date";
        } else if (k == TypeKind.STRING || k == TypeKind.FIXED_STRING) {
            return "string";
        } else if (k == TypeKind.ARRAY) {
            return "Array(" + similarity(t.base().inner()) + ")";
        }
        return t.sql();
    }

    private static void checkTuple(DataType type, String owner) {
        Set<String> seen = new HashSet<>();
        for (String n : type.names()) {
            if (n.isEmpty() || n.equalsIgnoreCase("null")) {
                throw fail(owner, "a Tuple element cannot be named '%s'; rename it.".formatted(n));
            }
            if (!seen.add(n)) {
                throw fail(owner, "%s names the element '%s' twice; rename one.".formatted(type.sql(), n));
            }
        }
    }

    private static ModelDefinitionException fail(String owner, String message) {
        return new ModelDefinitionException(owner + ": " + message);
    }
}
