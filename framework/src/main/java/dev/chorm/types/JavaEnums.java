package dev.chorm.types;

import dev.chorm.ModelDefinitionException;
import dev.chorm.types.annotation.EnumValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Map Java enum constants to ClickHouse Enum entries and back.
 *
 * <p>A constant's value is its {@link EnumValue} or, when no constant is annotated, its ordinal + 1
 * (as ClickHouse numbers {@code Enum('a', 'b')}); its label is the annotation's label or its name.
 */
public final class JavaEnums {
    private static final ClassValue<Table> TABLES = new ClassValue<>() {
        @Override
        protected Table computeValue(Class<?> type) {
            return Table.of(type);
        }
    };

    private JavaEnums() {
    }

    /** Return the Enum entries of {@code enumClass}, in declaration order. */
    public static List<DataType.EnumEntry> entries(Class<?> enumClass) {
        return TABLES.get(enumClass).entries;
    }

    /** Return the ClickHouse value of {@code constant}. */
    public static int value(Enum<?> constant) {
        return TABLES.get(constant.getDeclaringClass()).values[constant.ordinal()];
    }

    /** Return the constant of {@code enumClass} with this ClickHouse label, or null when there is none. */
    public static Object byLabel(Class<?> enumClass, String label) {
        return TABLES.get(enumClass).byLabel.get(label);
    }

    /** Return the constant of {@code enumClass} with this ClickHouse value, or null when there is none. */
    public static Object byValue(Class<?> enumClass, int value) {
        return TABLES.get(enumClass).byValue.get(value);
    }

    /** Return the Enum8 or Enum16 type for {@code enumClass}: Enum8 when every value fits in -128..127. */
    public static DataType defaultType(Class<?> enumClass) {
        List<DataType.EnumEntry> entries = entries(enumClass);
        boolean fits8 = entries.stream().allMatch(e -> e.value() >= Byte.MIN_VALUE && e.value() <= Byte.MAX_VALUE);
        return fits8 ? DataType.enum8(entries) : DataType.enum16(entries);
    }

    private record Table(List<DataType.EnumEntry> entries, int[] values, Map<String, Object> byLabel,
                         Map<Integer, Object> byValue) {
        static Table of(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            if (constants == null) {
                throw new IllegalArgumentException("not an enum: " + type.getName());
            }
            List<DataType.EnumEntry> entries = new ArrayList<>();
            int[] values = new int[constants.length];
            Map<String, Object> byLabel = new HashMap<>();
            Map<Integer, Object> byValue = new HashMap<>();
            int annotated = 0;
            for (Object c : constants) {
                Enum<?> e = (Enum<?>) c;
                EnumValue ev = annotation(type, e);
                annotated += ev == null ? 0 : 1;
                int value = ev == null ? e.ordinal() + 1 : ev.value();
                String label = ev == null || ev.label().isEmpty() ? e.name() : ev.label();
                entries.add(new DataType.EnumEntry(label, value));
                values[e.ordinal()] = value;
                byLabel.putIfAbsent(label, e);
                byValue.putIfAbsent(value, e);
            }
            if (annotated != 0 && annotated != constants.length) {
                throw new ModelDefinitionException("%s: annotate every constant with @EnumValue, or none."
                        .formatted(type.getSimpleName()));
            }
            return new Table(List.copyOf(entries), values, byLabel, byValue);
        }

        private static EnumValue annotation(Class<?> type, Enum<?> e) {
            try {
                return type.getField(e.name()).getAnnotation(EnumValue.class);
            } catch (NoSuchFieldException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
