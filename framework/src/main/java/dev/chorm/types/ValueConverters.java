package dev.chorm.types;

import dev.chorm.ChormException;
import dev.chorm.types.annotation.Enum16;
import dev.chorm.types.annotation.Enum8;
import dev.chorm.types.annotation.GenericIP;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Build the converters behind {@link ValueReader}, one per level of the Java type. */
final class ValueConverters {
    /** Convert one raw driver value. */
    @FunctionalInterface
    interface Converter {
        Object apply(Object raw);
    }

    private final String owner;

    ValueConverters(String owner) {
        this.owner = owner;
    }

    Converter compile(DataType declared, AnnotatedType javaType, AnnotatedElement element) {
        // Values arrive in the shape of the read type: a Point as Tuple(Float64, Float64), a state finalized...
        DataType type = declared.readType();
        Class<?> target = TypeMapper.rawClass(javaType.getType());
        boolean unpack = target == InetAddress.class || has(javaType, element, GenericIP.class);
        boolean returnInt = returnInt(javaType, element);
        Converter c = notNull(type.base().readType(), javaType, target, unpack, returnInt);
        return raw -> {
            if (raw == null) {
                if (target.isPrimitive()) {
                    throw new ChormException("%s: cannot read NULL into the primitive %s field; declare it %s with @Nullable."
                            .formatted(owner, target.getName(), boxedName(target)));
                }
                return null;
            }
            try {
                return c.apply(raw);
            } catch (ChormException e) {
                throw e;
            } catch (RuntimeException e) {
                throw fail(raw, type, target, e.getMessage());
            }
        };
    }

    private Converter notNull(DataType t, AnnotatedType javaType, Class<?> target, boolean unpack, boolean returnInt) {
        TypeKind k = t.kind();
        if (k == TypeKind.JSON) {
            return raw -> json(raw, target);
        }
        if (target.isArray() && target != byte[].class || Collection.class.isAssignableFrom(target)) {
            return array(t, javaType, target);
        }
        if (Map.class.isAssignableFrom(target) && k == TypeKind.MAP) {
            return map(t, (AnnotatedParameterizedType) javaType);
        }
        if (target.isRecord()) {
            return record(t, target);
        }
        if (target.isEnum()) {
            return raw -> enumConstant(raw, t, target);
        }
        if (k.isEnum() && (target == Object.class && returnInt || isIntegral(target))) {
            Map<String, Integer> values = new HashMap<>();
            t.enumEntries().forEach(e -> values.put(e.label(), e.value()));
            Converter number = ValueNumbers.converter(target == Object.class ? Integer.class : target);
            return raw -> number.apply(raw instanceof String s ? values.get(s) : raw);
        }
        Converter scalar = scalar(t, target, unpack);
        return scalar != null ? scalar : raw -> plain(raw);
    }

    private Converter scalar(DataType t, Class<?> target, boolean unpack) {
        if (target.isPrimitive() || Number.class.isAssignableFrom(target) || target == Boolean.class) {
            return ValueNumbers.converter(target);
        }
        if (target == String.class) {
            return raw -> string(raw, t, unpack);
        }
        if (target == byte[].class) {
            return raw -> raw instanceof byte[] b ? b : raw.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (target == UUID.class) {
            return raw -> raw instanceof UUID u ? u : UUID.fromString(raw.toString());
        }
        if (t.kind().isTime() && (target == java.time.Duration.class || target == java.time.LocalTime.class)) {
            return raw -> time(raw, target);
        }
        if (target == LocalDate.class) {
            return raw -> raw instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) raw;
        }
        if (target == Instant.class || target == LocalDateTime.class || target == OffsetDateTime.class
                || target == ZonedDateTime.class) {
            ZoneId zone = t.timezone().map(ZoneId::of).orElse(ZoneOffset.UTC);
            return raw -> temporal(raw, zone, target);
        }
        if (InetAddress.class.isAssignableFrom(target)) {
            return raw -> address(raw, target, unpack);
        }
        return null;
    }

    /** Convert a Time read as text (see the query's WireForm; the driver's java.sql.Time wraps at 24h and drops fractions). */
    private Object time(Object raw, Class<?> target) {
        java.time.Duration d = raw instanceof java.time.Duration x ? x
                : raw instanceof java.sql.Time sql ? java.time.Duration.ofNanos(sql.toLocalTime().toNanoOfDay())
                : TimeValues.parse(raw.toString());
        return target == java.time.Duration.class ? d : TimeValues.localTime(d, owner);
    }

    private static Object temporal(Object raw, ZoneId zone, Class<?> target) {
        ZonedDateTime z;
        if (raw instanceof ZonedDateTime x) {
            z = x.withZoneSameInstant(zone);
        } else if (raw instanceof java.sql.Timestamp ts) {
            // The driver builds Timestamps from the column's wall clock.
            z = ts.toLocalDateTime().atZone(zone);
        } else if (raw instanceof OffsetDateTime o) {
            z = o.atZoneSameInstant(zone);
        } else if (raw instanceof LocalDateTime l) {
            z = l.atZone(zone);
        } else {
            z = ((Instant) raw).atZone(zone);
        }
        if (target == Instant.class) {
            return z.toInstant();
        } else if (target == LocalDateTime.class) {
            return z.toLocalDateTime();
        } else if (target == OffsetDateTime.class) {
            return z.toOffsetDateTime();
        }
        return z;
    }

    private static Object address(Object raw, Class<?> target, boolean unpack) {
        InetAddress a = raw instanceof InetAddress x ? x : IpAddresses.parse(raw.toString());
        if (target == Inet4Address.class) {
            return (Inet4Address) IpAddresses.unpacked(a.getAddress());
        }
        if (target == Inet6Address.class || !unpack) {
            return IpAddresses.ipv6(IpAddresses.toIpv6Bytes(a));
        }
        return IpAddresses.unpacked(IpAddresses.toIpv6Bytes(a));
    }

    private static String string(Object raw, DataType t, boolean unpack) {
        if (raw instanceof String text && (t.kind() == TypeKind.IPV6 || t.kind() == TypeKind.IPV4)) {
            // Addresses selected as text (see the query's WireForm) are formatted as the address itself would be.
            raw = IpAddresses.parse(text);
        }
        if (raw instanceof InetAddress a) {
            boolean v6 = t.kind() == TypeKind.IPV6 && !unpack;
            return IpAddresses.format(v6 ? IpAddresses.ipv6(IpAddresses.toIpv6Bytes(a)) : IpAddresses.unpacked(a.getAddress()));
        }
        String s = raw.toString();
        if (t.kind() == TypeKind.FIXED_STRING) {
            int end = s.length();
            while (end > 0 && s.charAt(end - 1) == '\0') {
                end--;
            }
            return s.substring(0, end);
        }
        return s;
    }

    private Object enumConstant(Object raw, DataType t, Class<?> target) {
        Object c = raw instanceof Number n ? JavaEnums.byValue(target, n.intValue())
                : JavaEnums.byLabel(target, raw.toString());
        if (c == null) {
            throw new ChormException("%s: the enum %s has no constant for '%s' of %s; add it or map it with @EnumValue."
                    .formatted(owner, target.getSimpleName(), raw, t.sql()));
        }
        return c;
    }

    private Converter array(DataType t, AnnotatedType javaType, Class<?> target) {
        AnnotatedType elementType = javaType instanceof AnnotatedArrayType a ? a.getAnnotatedGenericComponentType()
                : ((AnnotatedParameterizedType) javaType).getAnnotatedActualTypeArguments()[0];
        DataType inner = t.kind() == TypeKind.ARRAY ? t.inner() : t;
        Converter element = compile(inner, elementType, null);
        return raw -> {
            List<Object> items = new ArrayList<>();
            forEachItem(raw, o -> items.add(element.apply(o)));
            if (target.isArray()) {
                Object out = Array.newInstance(target.getComponentType(), items.size());
                for (int i = 0; i < items.size(); i++) {
                    Array.set(out, i, items.get(i));
                }
                return out;
            }
            return Set.class.isAssignableFrom(target) ? new LinkedHashSet<>(items) : items;
        };
    }

    /** Visit the elements of a java.sql.Array, a List, a Java array or a Collection. */
    static void forEachItem(Object raw, java.util.function.Consumer<Object> visit) {
        Object v = raw;
        if (v instanceof java.sql.Array a) {
            try {
                v = a.getArray();
            } catch (SQLException e) {
                throw new ChormException("Cannot read an Array: " + e.getMessage(), e);
            }
        }
        if (v instanceof Collection<?> c) {
            c.forEach(visit);
        } else {
            int n = Array.getLength(v);
            for (int i = 0; i < n; i++) {
                visit.accept(Array.get(v, i));
            }
        }
    }

    private Converter map(DataType t, AnnotatedParameterizedType javaType) {
        AnnotatedType[] args = javaType.getAnnotatedActualTypeArguments();
        Converter key = compile(t.keyType(), args[0], null);
        Converter value = compile(t.valueType(), args[1], null);
        return raw -> {
            Map<Object, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) raw).forEach((k, v) -> out.put(key.apply(k), value.apply(v)));
            return out;
        };
    }

    private Converter record(DataType t, Class<?> target) {
        RecordComponent[] components = target.getRecordComponents();
        Converter[] parts = new Converter[components.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = new ValueConverters(owner + "." + components[i].getName())
                    .compile(t.arguments().get(i), components[i].getAnnotatedType(), components[i]);
        }
        return raw -> {
            List<Object> items = new ArrayList<>();
            forEachItem(raw, items::add);
            Object[] values = new Object[parts.length];
            for (int i = 0; i < parts.length; i++) {
                values[i] = parts[i].apply(items.get(i));
            }
            return Records.of(target).create(values);
        };
    }

    private static Object json(Object raw, Class<?> target) {
        Object tree = raw instanceof String s ? JsonText.parse(s) : ValueJson.unflatten(raw);
        return target == String.class ? JsonText.write(tree) : tree;
    }

    /** Return a value for an {@code Object} field: Lists for arrays, everything else as the driver gave it. */
    private static Object plain(Object raw) {
        if (raw instanceof java.sql.Array || raw instanceof Object[]) {
            List<Object> items = new ArrayList<>();
            forEachItem(raw, o -> items.add(o == null ? null : plain(o)));
            return items;
        }
        return raw;
    }

    private static boolean isIntegral(Class<?> c) {
        return c == int.class || c == Integer.class || c == short.class || c == Short.class || c == byte.class
                || c == Byte.class || c == long.class || c == Long.class;
    }

    /** Return annotation {@code a} from the type use, else from the field or component declaring it. */
    private static <A extends Annotation> A find(AnnotatedType type, AnnotatedElement element, Class<A> a) {
        A onType = type.getAnnotation(a);
        return onType != null || element == null ? onType : element.getAnnotation(a);
    }

    private static boolean has(AnnotatedType type, AnnotatedElement element, Class<? extends Annotation> a) {
        return find(type, element, a) != null;
    }

    private static boolean returnInt(AnnotatedType type, AnnotatedElement element) {
        Enum8 e8 = find(type, element, Enum8.class);
        Enum16 e16 = find(type, element, Enum16.class);
        return e8 != null && e8.returnInt() || e16 != null && e16.returnInt();
    }

    private static String boxedName(Class<?> primitive) {
        return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType().getSimpleName();
    }

    private ChormException fail(Object raw, DataType t, Class<?> target, String why) {
        return new ChormException("%s: cannot read %s (%s of %s) into %s: %s"
                .formatted(owner, raw, raw.getClass().getSimpleName(), t.sql(), target.getSimpleName(), why));
    }

    static BigDecimal decimal(Object raw) {
        return raw instanceof BigDecimal b ? b : new BigDecimal(raw.toString());
    }

    static BigInteger bigInteger(Object raw) {
        if (raw instanceof BigInteger b) {
            return b;
        }
        return raw instanceof BigDecimal d ? d.toBigIntegerExact() : BigInteger.valueOf(((Number) raw).longValue());
    }
}
