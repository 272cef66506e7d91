package dev.chorm.types;

import dev.chorm.ChormException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compile the RowBinary encoders of {@code Variant(...)} and {@code Dynamic}, whose values carry
 * their own type: a Variant's one-byte discriminator (the index of the variant in the sorted list,
 * 255 for NULL), a Dynamic's binary type code before the value (codes measured on 26.5).
 */
final class RowBinaryVariants {
    private RowBinaryVariants() {
    }

    /**
     * Return the encoder of a Variant: a value goes into the first variant its Java class stands for (a
     * String into String, a Long into Int64, a List into an Array...), else into the first of its family
     * (a Long into UInt64 when there is no Int64, a Float into Float64), else into the first variant
     * whose encoder takes it.
     */
    static ValueEncoder variant(DataType t) {
        List<DataType> variants = t.arguments();
        ValueEncoder[] encoders = variants.stream().map(RowBinaryEncoders::compile).toArray(ValueEncoder[]::new);
        return (w, v) -> {
            if (v == null) {
                w.writeInt8(255);
                return;
            }
            int best = -1;
            int bestScore = 0;
            for (int i = 0; i < variants.size(); i++) {
                int score = score(variants.get(i), v);
                if (score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            if (best >= 0) {
                w.writeInt8(best);
                encoders[best].encode(w, v);
                return;
            }
            // A trial writer per value: the encoder is cached and shared by concurrent inserts.
            RowBinaryWriter trial = RowBinaryWriter.discarding();
            for (int i = 0; i < variants.size(); i++) {
                try {
                    encoders[i].encode(trial, v);
                } catch (ChormException | ClassCastException e) {
                    continue;
                }
                w.writeInt8(i);
                encoders[i].encode(w, v);
                return;
            }
            throw RowBinaryEncoders.cannot(t, v, "no variant takes a " + v.getClass().getSimpleName());
        };
    }

    /** Return 2 when {@code v} is the Java value chorm maps to {@code type} by default, 1 when it is of its family, else 0. */
    private static int score(DataType type, Object v) {
        if (natural(type, v)) {
            return 2;
        }
        TypeKind k = type.base().kind();
        boolean integral = v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger;
        boolean floating = v instanceof Double || v instanceof Float;
        return k.isInteger() && integral || (k.isFloat() || k == TypeKind.BFLOAT16) && floating
                || k.isTemporal() && (v instanceof LocalDate || v instanceof Instant) ? 1 : 0;
    }

    private static boolean natural(DataType type, Object v) {
        TypeKind k = type.base().kind();
        return switch (k) {
            case STRING -> v instanceof CharSequence;
            case INT64 -> v instanceof Long;
            case INT32 -> v instanceof Integer;
            case INT16 -> v instanceof Short;
            case INT8 -> v instanceof Byte;
            case FLOAT64 -> v instanceof Double;
            case FLOAT32 -> v instanceof Float;
            case BOOL -> v instanceof Boolean;
            case UUID -> v instanceof UUID;
            case DATE32 -> v instanceof LocalDate;
            case DATETIME64 -> v instanceof Instant || v instanceof OffsetDateTime || v instanceof ZonedDateTime
                    || v instanceof LocalDateTime;
            case DECIMAL -> v instanceof BigDecimal;
            case IPV4, IPV6 -> v instanceof InetAddress;
            case TIME, TIME64 -> v instanceof Duration || v instanceof LocalTime;
            case ARRAY -> v instanceof Collection<?> || v.getClass().isArray() && !(v instanceof byte[]);
            case MAP -> v instanceof Map<?, ?>;
            case TUPLE -> v instanceof Record || v instanceof Object[];
            default -> false;
        };
    }

    /**
     * Return the encoder of a Dynamic: each value is written with the type its Java class maps to
     * (String, Long as Int64, Integer as Int32, Short, Byte, Double, Float, Boolean as Bool, BigInteger as
     * Int256, BigDecimal as Decimal(76, its scale), UUID, LocalDate as Date32, Instant as DateTime64(9, 'UTC'),
     * and Lists of those as Arrays), null as NULL.
     */
    static ValueEncoder dynamic(DataType t) {
        return (w, v) -> {
            if (v == null) {
                w.writeInt8(0x00);
                return;
            }
            DataType type = typeOf(t, v);
            writeTypeCode(w, type);
            RowBinaryWriter.encoder(type).encode(w, v);
        };
    }

    /** The type a Dynamic value of each of these (final) classes is written as. */
    private static final Map<Class<?>, DataType> DYNAMIC_TYPES = Map.ofEntries(
            Map.entry(String.class, DataType.string()), Map.entry(Long.class, DataType.int64()),
            Map.entry(Integer.class, DataType.int32()), Map.entry(Short.class, DataType.int16()),
            Map.entry(Byte.class, DataType.int8()), Map.entry(Double.class, DataType.float64()),
            Map.entry(Float.class, DataType.float32()), Map.entry(Boolean.class, DataType.bool()),
            Map.entry(UUID.class, DataType.uuid()), Map.entry(LocalDate.class, DataType.date32()),
            Map.entry(Instant.class, DataType.dateTime64(9, "UTC")));

    private static DataType typeOf(DataType dynamic, Object v) {
        DataType simple = DYNAMIC_TYPES.get(v.getClass());
        if (simple != null) {
            return simple;
        } else if (v instanceof CharSequence) {
            return DataType.string();
        } else if (v instanceof BigInteger) {
            return DataType.int256();
        } else if (v instanceof BigDecimal b) {
            return DataType.decimal(76, Math.max(0, b.scale()));
        } else if (v instanceof List<?> list) {
            Object first = list.stream().filter(java.util.Objects::nonNull).map(o -> (Object) o).findFirst().orElse("");
            DataType element = typeOf(dynamic, first);
            boolean nulls = list.stream().anyMatch(java.util.Objects::isNull);
            for (Object o : list) {
                if (o != null && !typeOf(dynamic, o).equals(element)) {
                    throw RowBinaryEncoders.cannot(dynamic, v, "its elements differ in type; a Dynamic Array has one");
                }
            }
            return DataType.array(nulls ? DataType.nullable(element) : element);
        }
        // No Duration: clickhouse-jdbc 0.11 reads a Time inside a Dynamic as a LocalDateTime of 1970-01-01.
        throw RowBinaryEncoders.cannot(dynamic, v, "a Dynamic value must be a String, number, Boolean, UUID, LocalDate,"
                + " Instant, BigDecimal or a List of those");
    }

    /** Write the binary encoding of {@code type} (ClickHouse's data types binary encoding) for the types {@link #typeOf} gives. */
    private static void writeTypeCode(RowBinaryWriter w, DataType type) {
        switch (type.kind()) {
            case STRING -> w.writeInt8(0x15);
            case INT64 -> w.writeInt8(0x0A);
            case INT32 -> w.writeInt8(0x09);
            case INT16 -> w.writeInt8(0x08);
            case INT8 -> w.writeInt8(0x07);
            case FLOAT64 -> w.writeInt8(0x0E);
            case FLOAT32 -> w.writeInt8(0x0D);
            case BOOL -> w.writeInt8(0x2D);
            case INT256 -> w.writeInt8(0x0C);
            case DECIMAL -> {
                w.writeInt8(0x1C);
                w.writeInt8(type.precision());
                w.writeInt8(type.scale());
            }
            case UUID -> w.writeInt8(0x1D);
            case DATE32 -> w.writeInt8(0x10);
            case DATETIME64 -> {
                w.writeInt8(0x14);
                w.writeInt8(type.precision());
                w.writeString(type.timezone().orElseThrow());
            }
            case TIME64 -> {
                w.writeInt8(0x34);
                w.writeInt8(type.precision());
            }
            case NULLABLE -> {
                w.writeInt8(0x23);
                writeTypeCode(w, type.inner());
            }
            case ARRAY -> {
                w.writeInt8(0x1E);
                writeTypeCode(w, type.inner());
            }
            default -> throw new IllegalStateException("no binary type code for " + type.sql());
        }
    }
}
