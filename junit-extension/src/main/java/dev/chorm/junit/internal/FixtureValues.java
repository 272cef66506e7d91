package dev.chorm.junit.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turn a JSON value of a fixture into the Java type of a model field: numbers into the field's
 * number type (checked against its range), strings into enums, UUIDs, IP addresses and date-times
 * (ISO-8601, or {@code yyyy-MM-dd HH:mm:ss} in UTC as ClickHouse prints them), arrays into lists and
 * sets, objects into maps. A value that does not fit raises an {@link IllegalArgumentException}
 * saying what was expected.
 */
final class FixtureValues {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

    private FixtureValues() {
    }

    /** Return {@code json} as a value of {@code type}. */
    static Object convert(Object json, Type type) {
        Class<?> raw = rawClass(type);
        if (json == null) {
            if (raw.isPrimitive()) {
                throw new IllegalArgumentException("null does not fit a " + raw.getName() + "; give a value or use a boxed type");
            }
            return null;
        }
        if (raw == Object.class || raw == String.class && json instanceof String) {
            return json;
        }
        if (raw == String.class) {
            throw expected("a string", json);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (json instanceof Boolean b) {
                return b;
            }
            throw expected("true or false", json);
        }
        if (Number.class.isAssignableFrom(box(raw))) {
            return number(json, box(raw));
        }
        if (raw.isEnum()) {
            return enumConstant(json, raw);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            if (!(json instanceof List<?> list)) {
                throw expected("a list", json);
            }
            Type element = typeArgument(type, 0);
            Collection<Object> out = Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>() : new ArrayList<>();
            list.forEach(v -> out.add(convert(v, element)));
            return out;
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (!(json instanceof Map<?, ?> map)) {
                throw expected("an object", json);
            }
            Type valueType = typeArgument(type, 1);
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, convert(v, valueType)));
            return out;
        }
        if (!(json instanceof String text)) {
            throw expected("a string", json);
        }
        return fromText(text, raw);
    }

    private static Object fromText(String text, Class<?> raw) {
        try {
            if (raw == UUID.class) {
                return UUID.fromString(text);
            }
            if (raw == Instant.class) {
                return instant(text);
            }
            if (raw == LocalDate.class) {
                return LocalDate.parse(text);
            }
            if (raw == LocalDateTime.class) {
                return LocalDateTime.parse(text.replace(' ', 'T'));
            }
            if (raw == OffsetDateTime.class) {
                return instant(text).atOffset(ZoneOffset.UTC);
            }
            if (raw == ZonedDateTime.class) {
                return ZonedDateTime.parse(text);
            }
            if (InetAddress.class.isAssignableFrom(raw)) {
                return address(text, raw);
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("\"%s\" is not a valid %s (%s)".formatted(text, raw.getSimpleName(), e.getMessage()));
        }
        throw new IllegalArgumentException("fixtures cannot fill a field of type " + raw.getName() + "; set it in the test");
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
    }

    private static Object address(String text, Class<?> raw) {
        if (!IP_LITERAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not an IP address literal");
        }
        try {
            InetAddress a = InetAddress.getByName(text);
            if (!raw.isInstance(a)) {
                throw new IllegalArgumentException("an address of another family");
            }
            return a;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal");
        }
    }

    private static Object number(Object json, Class<?> boxed) {
        if (!(json instanceof Number n)) {
            throw expected("a number", json);
        }
        BigDecimal d = n instanceof BigDecimal b ? b : n instanceof BigInteger i ? new BigDecimal(i) : BigDecimal.valueOf(n.longValue());
        if (boxed == Double.class) {
            return d.doubleValue();
        }
        if (boxed == Float.class) {
            return d.floatValue();
        }
        if (boxed == BigDecimal.class) {
            return d;
        }
        BigInteger whole;
        try {
            whole = d.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw expected("a whole number", json);
        }
        if (boxed == BigInteger.class) {
            return whole;
        }
        long min = boxed == Byte.class ? Byte.MIN_VALUE : boxed == Short.class ? Short.MIN_VALUE
                : boxed == Integer.class ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long max = boxed == Byte.class ? Byte.MAX_VALUE : boxed == Short.class ? Short.MAX_VALUE
                : boxed == Integer.class ? Integer.MAX_VALUE : Long.MAX_VALUE;
        if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException("%s is out of range for a %s (%d to %d)".formatted(whole, boxed.getSimpleName(), min, max));
        }
        long v = whole.longValue();
        return boxed == Byte.class ? (Object) (byte) v : boxed == Short.class ? (Object) (short) v
                : boxed == Integer.class ? (Object) (int) v : (Object) v;
    }

    private static Object enumConstant(Object json, Class<?> type) {
        if (json instanceof String s) {
            for (Object c : type.getEnumConstants()) {
                if (((Enum<?>) c).name().equals(s)) {
                    return c;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (Object c : type.getEnumConstants()) {
            names.add(((Enum<?>) c).name());
        }
        throw new IllegalArgumentException("%s is not one of %s".formatted(show(json), names));
    }

    private static IllegalArgumentException expected(String what, Object json) {
        return new IllegalArgumentException("expected " + what + ", found " + show(json));
    }

    private static String show(Object json) {
        return json instanceof String s ? "\"" + s + "\"" : String.valueOf(json);
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }

    private static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return c == int.class ? Integer.class : c == long.class ? Long.class : c == short.class ? Short.class
                : c == byte.class ? Byte.class : c == double.class ? Double.class : c == float.class ? Float.class
                : c == boolean.class ? Boolean.class : c;
    }
}
