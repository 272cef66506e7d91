package dev.chorm.types;

import dev.chorm.ModelDefinitionException;
import dev.chorm.types.annotation.Tuple;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Choose the ClickHouse type of a Java field from its type and its annotations.
 *
 * <p>Defaults: {@code int}→Int32, {@code long}→Int64, {@code short}→Int16, {@code byte}→Int8,
 * {@code float}→Float32, {@code double}→Float64, {@code boolean}→Bool, String and {@code byte[]}→String,
 * UUID→UUID, Instant, OffsetDateTime and ZonedDateTime→{@code DateTime64(6, 'UTC')},
 * LocalDateTime→{@code DateTime64(6)}, LocalDate→Date32, {@code List<T>}, {@code Set<T>},
 * {@code Collection<T>} and {@code T[]}→{@code Array(T)}, {@code Map<K, V>}→{@code Map(K, V)}, a
 * record→a named Tuple, a Java enum→Enum8 (Enum16 when a value leaves -128..127),
 * Inet4Address→IPv4, Inet6Address→IPv6, InetAddress→IPv6 (reading IPv4-mapped addresses as IPv4),
 * {@link dev.chorm.types.geo.Point}→Point.
 * BigDecimal needs {@code @Decimal} and BigInteger an explicit integer annotation. Wrapper types are
 * not nullable unless annotated {@code @Nullable}, because ClickHouse columns are not.
 */
public final class TypeMapper {
    private TypeMapper() {
    }

    /** Return the ClickHouse type of {@code field}; {@code owner} names it in messages, like {@code Event.port}. */
    public static DataType map(Field field, String owner) {
        return map(field.getAnnotatedType(), field, owner);
    }

    /**
     * Return the ClickHouse type of a field or record component with this annotated type.
     *
     * @param type the annotated Java type, with its type-use annotations
     * @param element the field or record component carrying declaration annotations, or null
     * @param owner how messages name the field, like {@code Event.port}
     * @throws ModelDefinitionException when the type cannot be mapped or ClickHouse would reject it
     */
    public static DataType map(AnnotatedType type, AnnotatedElement element, String owner) {
        DataType t = mapLevel(type, TypeAnnotations.top(type, element, owner), owner);
        TypeRules.check(t, owner);
        return t;
    }

    private static DataType mapLevel(AnnotatedType type, TypeAnnotations an, String owner) {
        if (an.simpleAggregate() != null) {
            return simpleAggregate(type, an, owner);
        }
        Class<?> raw = rawClass(type.getType());
        if (an.base() instanceof dev.chorm.types.annotation.ChType text) {
            return raw(text.value(), an, owner);
        }
        DataType t = an.base() == null ? byDefault(type, raw, an, owner)
                : CompositeTypes.handles(an.base()) ? CompositeTypes.map(an.base(), type, owner)
                : ExplicitTypes.map(an.base(), raw, describe(type.getType()), owner);
        if (an.nullable()) {
            if (raw.isPrimitive()) {
                throw new ModelDefinitionException("%s: @Nullable needs a reference type, found %s; use %s."
                        .formatted(owner, raw.getName(), boxed(raw)));
            }
            t = DataType.nullable(t);
        }
        return an.lowCardinality() ? DataType.lowCardinality(t) : t;
    }

    /** Wrap the type the field maps to without {@code @SimpleAggregateFunction} (or its {@code arg}) in SimpleAggregateFunction. */
    private static DataType simpleAggregate(AnnotatedType type, TypeAnnotations an, String owner) {
        dev.chorm.types.annotation.SimpleAggregateFunction f = an.simpleAggregate();
        DataType arg;
        if (f.arg().isBlank()) {
            arg = mapLevel(type, new TypeAnnotations(an.base(), an.nullable(), an.lowCardinality(), an.tuple(), null), owner);
        } else {
            if (an.base() != null || an.nullable() || an.lowCardinality()) {
                throw new ModelDefinitionException(("%s: @SimpleAggregateFunction(arg = \"%s\") gives the whole value type;"
                        + " remove the other type annotations or write them inside arg.").formatted(owner, f.arg()));
            }
            arg = raw(f.arg(), an, owner);
        }
        try {
            return DataType.simpleAggregateFunction(f.value(), arg);
        } catch (IllegalArgumentException e) {
            throw new ModelDefinitionException(owner + ": @SimpleAggregateFunction(\"" + f.value()
                    + "\") is not an aggregate function; name one such as sum, max or anyLast.", e);
        }
    }

    private static DataType raw(String text, TypeAnnotations an, String owner) {
        if (an.nullable() || an.lowCardinality()) {
            throw new ModelDefinitionException("%s: @ChType(\"%s\") cannot be combined with %s; write it inside the type."
                    .formatted(owner, text, an.nullable() ? "@Nullable" : "@LowCardinality"));
        }
        try {
            return DataType.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ModelDefinitionException(owner + ": @ChType(\"" + text + "\") is not a ClickHouse type. "
                    + e.getMessage() + " Write the type as system.columns shows it, such as Array(String).", e);
        }
    }

    private static DataType byDefault(AnnotatedType type, Class<?> raw, TypeAnnotations an, String owner) {
        DataType simple = simpleDefault(raw);
        if (simple != null) {
            return simple;
        }
        if (type instanceof AnnotatedArrayType array) {
            AnnotatedType component = array.getAnnotatedGenericComponentType();
            return DataType.array(mapLevel(component, TypeAnnotations.nested(component, owner), owner));
        }
        if (Collection.class.isAssignableFrom(raw)) {
            if (raw != List.class && raw != Set.class && raw != Collection.class) {
                throw new ModelDefinitionException("%s: declare the field as List, Set or Collection, found %s."
                        .formatted(owner, describe(type.getType())));
            }
            return DataType.array(argument(type, 0, owner));
        }
        if (raw == Map.class) {
            return DataType.map(argument(type, 0, owner), argument(type, 1, owner));
        }
        if (raw == dev.chorm.types.geo.Point.class) {
            return DataType.point();
        }
        if (raw.isRecord()) {
            return tuple(raw, an.tuple(), owner);
        }
        if (raw.isEnum()) {
            return JavaEnums.defaultType(raw);
        }
        if (raw == BigDecimal.class) {
            throw new ModelDefinitionException(owner
                    + ": BigDecimal needs @Decimal(precision, scale), for example @Decimal(precision = 18, scale = 2).");
        }
        if (raw == BigInteger.class) {
            throw new ModelDefinitionException(owner
                    + ": BigInteger needs @Int128, @Int256, @UInt64, @UInt128 or @UInt256.");
        }
        throw new ModelDefinitionException(("%s: cannot map %s to a ClickHouse type. Use a supported type or give the "
                + "type with @ChType(\"...\").").formatted(owner, describe(type.getType())));
    }

    private static DataType simpleDefault(Class<?> raw) {
        if (raw == int.class || raw == Integer.class) {
            return DataType.int32();
        } else if (raw == long.class || raw == Long.class) {
            return DataType.int64();
        } else if (raw == short.class || raw == Short.class) {
            return DataType.int16();
        } else if (raw == byte.class || raw == Byte.class) {
            return DataType.int8();
        } else if (raw == float.class || raw == Float.class) {
            return DataType.float32();
        } else if (raw == double.class || raw == Double.class) {
            return DataType.float64();
        } else if (raw == boolean.class || raw == Boolean.class) {
            return DataType.bool();
        } else if (raw == String.class || raw == byte[].class) {
            return DataType.string();
        } else if (raw == UUID.class) {
            return DataType.uuid();
        } else if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class) {
            return DataType.dateTime64(6, "UTC");
        } else if (raw == LocalDateTime.class) {
            return DataType.dateTime64(6);
        } else if (raw == LocalDate.class) {
            return DataType.date32();
        } else if (raw == Inet4Address.class) {
            return DataType.ipv4();
        } else if (raw == Inet6Address.class || raw == InetAddress.class) {
            return DataType.ipv6();
        }
        return null;
    }

    private static DataType argument(AnnotatedType type, int index, String owner) {
        if (!(type instanceof AnnotatedParameterizedType p)) {
            throw new ModelDefinitionException("%s: %s needs type arguments, such as %s."
                    .formatted(owner, describe(type.getType()),
                            rawClass(type.getType()) == Map.class ? "Map<String, Long>" : "List<String>"));
        }
        AnnotatedType arg = p.getAnnotatedActualTypeArguments()[index];
        if (!(arg.getType() instanceof Class<?>) && !(arg.getType() instanceof ParameterizedType)
                && !(arg.getType() instanceof GenericArrayType)) {
            throw new ModelDefinitionException("%s: cannot map the type argument %s of %s; name a concrete type."
                    .formatted(owner, describe(arg.getType()), describe(type.getType())));
        }
        return mapLevel(arg, TypeAnnotations.nested(arg, owner), owner);
    }

    private static DataType tuple(Class<?> record, Tuple onField, String owner) {
        Tuple onClass = record.getAnnotation(Tuple.class);
        boolean named = onField != null ? onField.named() : onClass == null || onClass.named();
        List<String> names = new ArrayList<>();
        List<DataType> elements = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            String componentOwner = owner + "." + c.getName();
            names.add(c.getName());
            elements.add(mapLevel(c.getAnnotatedType(), TypeAnnotations.top(c.getAnnotatedType(), c, componentOwner),
                    componentOwner));
        }
        if (elements.isEmpty()) {
            throw new ModelDefinitionException("%s: the record %s has no components; a Tuple needs at least one."
                    .formatted(owner, record.getSimpleName()));
        }
        return DataType.tuple(named ? names : List.of(), elements);
    }

    /** Return the class of a Class, parameterized type or generic array. */
    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType g) {
            return java.lang.reflect.Array.newInstance(rawClass(g.getGenericComponentType()), 0).getClass();
        }
        return Object.class;
    }

    /** Return a type as a user writes it: {@code String}, {@code List<String>}, {@code int[]}. */
    static String describe(Type type) {
        if (type instanceof Class<?> c) {
            return c.getSimpleName();
        }
        if (type instanceof ParameterizedType p) {
            List<String> args = new ArrayList<>();
            for (Type a : p.getActualTypeArguments()) {
                args.add(describe(a));
            }
            return describe(p.getRawType()) + "<" + String.join(", ", args) + ">";
        }
        if (type instanceof GenericArrayType g) {
            return describe(g.getGenericComponentType()) + "[]";
        }
        if (type instanceof java.lang.reflect.WildcardType w) {
            return w.getLowerBounds().length > 0 ? "? super " + describe(w.getLowerBounds()[0])
                    : w.getUpperBounds()[0] == Object.class ? "?" : "? extends " + describe(w.getUpperBounds()[0]);
        }
        return type.getTypeName();
    }

    private static String boxed(Class<?> primitive) {
        return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType().getSimpleName();
    }
}
