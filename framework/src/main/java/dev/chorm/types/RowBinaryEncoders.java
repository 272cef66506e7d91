package dev.chorm.types;

import dev.chorm.ChormException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Compile a {@link DataType} into the {@link ValueEncoder} that writes its RowBinary form. */
final class RowBinaryEncoders {
    private static final long DATE32_MIN = LocalDate.of(1900, 1, 1).toEpochDay();
    private static final long DATE32_MAX = LocalDate.of(2299, 12, 31).toEpochDay();

    private RowBinaryEncoders() {
    }

    static ValueEncoder compile(DataType t) {
        ValueEncoder inner = compileNotNull(t);
        if (t.isNullable() || t.kind() == TypeKind.VARIANT || t.kind() == TypeKind.DYNAMIC) {
            return inner;
        }
        return (w, v) -> {
            if (v == null) {
                throw new ChormException("Cannot write null as " + t.sql() + "; the column is not Nullable.");
            }
            inner.encode(w, v);
        };
    }

    private static ValueEncoder compileNotNull(DataType t) {
        return switch (t.kind()) {
            case INT8 -> (w, v) -> w.writeInt8((int) range(t, v, Byte.MIN_VALUE, Byte.MAX_VALUE));
            case INT16 -> (w, v) -> w.writeInt16((int) range(t, v, Short.MIN_VALUE, Short.MAX_VALUE));
            case INT32 -> (w, v) -> w.writeInt32((int) range(t, v, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case INT64 -> (w, v) -> w.writeInt64(range(t, v, Long.MIN_VALUE, Long.MAX_VALUE));
            case UINT8 -> (w, v) -> w.writeInt8((int) range(t, v, 0, 0xFF));
            case UINT16 -> (w, v) -> w.writeInt16((int) range(t, v, 0, 0xFFFF));
            case UINT32 -> (w, v) -> w.writeInt32((int) range(t, v, 0, 0xFFFF_FFFFL));
            case UINT64 -> (w, v) -> w.writeInt64(uint64(t, v));
            case INT128, INT256, UINT128, UINT256 -> (w, v) -> w.writeBigInteger(big(t, v), t.kind().byteWidth());
            case FLOAT32 -> (w, v) -> w.writeFloat32(number(t, v).floatValue());
            case FLOAT64 -> (w, v) -> w.writeFloat64(number(t, v).doubleValue());
            case DECIMAL -> decimal(t);
            case BOOL -> (w, v) -> w.writeInt8(bool(t, v) ? 1 : 0);
            case STRING -> RowBinaryEncoders::string;
            case FIXED_STRING -> (w, v) -> fixedString(t, w, v);
            case UUID -> (w, v) -> {
                UUID u = v instanceof UUID x ? x : UUID.fromString(v.toString());
                w.writeInt64(u.getMostSignificantBits());
                w.writeInt64(u.getLeastSignificantBits());
            };
            case DATE -> (w, v) -> w.writeInt16((int) days(t, v, 0, 0xFFFF));
            case DATE32 -> (w, v) -> w.writeInt32((int) days(t, v, DATE32_MIN, DATE32_MAX));
            case DATETIME -> dateTime(t);
            case DATETIME64 -> dateTime64(t);
            case ENUM8, ENUM16 -> enumEncoder(t);
            case IPV4 -> (w, v) -> {
                byte[] b = ip(t, v).getAddress();
                if (b.length != 4) {
                    throw cannot(t, v, "it is an IPv6 address; declare the field @IPv6 or @GenericIP to store it");
                }
                w.writeInt32((b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF));
            };
            case IPV6 -> (w, v) -> w.writeBytes(IpAddresses.toIpv6Bytes(ip(t, v)), 0, 16);
            case ARRAY -> RowBinaryContainers.array(t);
            case TUPLE -> RowBinaryContainers.tuple(t);
            case MAP -> RowBinaryContainers.map(t);
            case JSON -> (w, v) -> w.writeString(v instanceof CharSequence s ? s.toString() : JsonText.write(v));
            case LOW_CARDINALITY -> compile(t.inner());
            case NULLABLE -> RowBinaryContainers.nullable(t);
            // A SimpleAggregateFunction column holds plain values of its argument type.
            case SIMPLE_AGGREGATE_FUNCTION -> compile(t.arguments().get(0));
            // BFloat16 is the upper half of a Float32; ClickHouse converts by truncation (1.1 is 0x3F8C), so does chorm.
            case BFLOAT16 -> (w, v) -> w.writeInt16(Float.floatToRawIntBits(number(t, v).floatValue()) >>> 16);
            case TIME -> (w, v) -> w.writeInt32((int) TimeValues.ticks(t, v));
            case TIME64 -> (w, v) -> w.writeInt64(TimeValues.ticks(t, v));
            // Geo types and Nested travel as their structure: Point is Tuple(Float64, Float64), Polygon Array(Ring)...
            case POINT, RING, LINE_STRING, MULTI_LINE_STRING, POLYGON, MULTI_POLYGON, NESTED -> compile(t.readType());
            case VARIANT -> RowBinaryVariants.variant(t);
            case DYNAMIC -> RowBinaryVariants.dynamic(t);
            case AGGREGATE_FUNCTION -> (w, v) -> {
                throw new ChormException("Cannot write " + v + " as " + t.sql() + ": an aggregate state is made by"
                        + " ClickHouse; insert it with a -State function in INSERT ... SELECT or a materialized view.");
            };
        };
    }

    private static long range(DataType t, Object v, long min, long max) {
        long x;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            x = ((Number) v).longValue();
        } else if (v instanceof BigInteger b && b.bitLength() < 64) {
            x = b.longValue();
        } else if (v instanceof Enum<?> e) {
            x = JavaEnums.value(e);
        } else {
            throw cannot(t, v, v instanceof Number ? "out of range " + min + ".." + max : "it is not an integer");
        }
        if (x < min || x > max) {
            throw cannot(t, v, "out of range " + min + ".." + max);
        }
        return x;
    }

    /** Return the 64 bits of a UInt64: longs are taken as unsigned bit patterns, BigIntegers checked. */
    private static long uint64(DataType t, Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof BigInteger b) {
            if (b.signum() < 0 || b.bitLength() > 64) {
                throw cannot(t, v, "out of range 0..18446744073709551615");
            }
            return b.longValue();
        }
        return range(t, v, 0, Long.MAX_VALUE);
    }

    private static BigInteger big(DataType t, Object v) {
        BigInteger b;
        if (v instanceof BigInteger x) {
            b = x;
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            b = BigInteger.valueOf(((Number) v).longValue());
        } else {
            throw cannot(t, v, "it is not an integer");
        }
        int bits = t.kind().byteWidth() * 8;
        boolean fits = t.kind().isUnsigned() ? b.signum() >= 0 && b.bitLength() <= bits : b.bitLength() < bits;
        if (!fits) {
            throw cannot(t, v, "out of range");
        }
        return b;
    }

    private static Number number(DataType t, Object v) {
        if (v instanceof Number n) {
            return n;
        }
        throw cannot(t, v, "it is not a number");
    }

    private static boolean bool(DataType t, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw cannot(t, v, "it is not a boolean");
    }

    private static ValueEncoder decimal(DataType t) {
        int width = t.precision() <= 9 ? 4 : t.precision() <= 18 ? 8 : t.precision() <= 38 ? 16 : 32;
        BigInteger limit = BigInteger.TEN.pow(t.precision());
        return (w, v) -> {
            BigDecimal d = v instanceof BigDecimal b ? b : v instanceof Number n ? new BigDecimal(n.toString()) : null;
            if (d == null) {
                throw cannot(t, v, "it is not a BigDecimal");
            }
            BigInteger unscaled;
            try {
                unscaled = d.setScale(t.scale(), RoundingMode.UNNECESSARY).unscaledValue();
            } catch (ArithmeticException e) {
                throw cannot(t, v, "it has more than " + t.scale() + " digits after the point; round it first or let"
                        + " the field round it with @Decimal(rounding = RoundingMode.HALF_EVEN)");
            }
            if (unscaled.abs().compareTo(limit) >= 0) {
                throw cannot(t, v, "it has more than " + (t.precision() - t.scale()) + " digits before the point");
            }
            if (width == 4) {
                w.writeInt32(unscaled.intValue());
            } else if (width == 8) {
                w.writeInt64(unscaled.longValue());
            } else {
                w.writeBigInteger(unscaled, width);
            }
        };
    }

    private static void string(RowBinaryWriter w, Object v) {
        if (v instanceof String s) {
            w.writeString(s);
        } else if (v instanceof byte[] b) {
            w.writeVarInt(b.length);
            w.writeBytes(b, 0, b.length);
        } else {
            w.writeString(v.toString());
        }
    }

    private static void fixedString(DataType t, RowBinaryWriter w, Object v) {
        byte[] b = v instanceof byte[] x ? x : v.toString().getBytes(StandardCharsets.UTF_8);
        if (b.length > t.length()) {
            throw cannot(t, v, "it has " + b.length + " bytes");
        }
        w.writeBytes(b, 0, b.length);
        w.writeZeros(t.length() - b.length);
    }

    private static long days(DataType t, Object v, long min, long max) {
        if (!(v instanceof LocalDate d)) {
            throw cannot(t, v, "it is not a LocalDate");
        }
        long day = d.toEpochDay();
        if (day < min || day > max) {
            throw cannot(t, v, "out of range " + LocalDate.ofEpochDay(min) + ".." + LocalDate.ofEpochDay(max));
        }
        return day;
    }

    private static ValueEncoder dateTime(DataType t) {
        ZoneId zone = t.timezone().map(ZoneId::of).orElse(ZoneOffset.UTC);
        return (w, v) -> {
            long s = Temporals.toInstant(t, v, zone).getEpochSecond();
            if (s < 0 || s > 0xFFFF_FFFFL) {
                throw cannot(t, v, "out of range 1970-01-01T00:00:00Z..2106-02-07T06:28:15Z");
            }
            w.writeInt32((int) s);
        };
    }

    private static ValueEncoder dateTime64(DataType t) {
        ZoneId zone = t.timezone().map(ZoneId::of).orElse(ZoneOffset.UTC);
        long scale = Temporals.POWERS[t.precision()];
        long divisor = Temporals.POWERS[9 - t.precision()];
        return (w, v) -> {
            Instant i = Temporals.toInstant(t, v, zone);
            try {
                w.writeInt64(Math.addExact(Math.multiplyExact(i.getEpochSecond(), scale), i.getNano() / divisor));
            } catch (ArithmeticException e) {
                throw cannot(t, v, "out of range");
            }
        };
    }

    private static ValueEncoder enumEncoder(DataType t) {
        Map<String, Integer> byLabel = new HashMap<>();
        Map<Integer, Boolean> values = new HashMap<>();
        for (DataType.EnumEntry e : t.enumEntries()) {
            byLabel.put(e.label(), e.value());
            values.put(e.value(), true);
        }
        boolean wide = t.kind() == TypeKind.ENUM16;
        return (w, v) -> {
            Integer value;
            if (v instanceof Enum<?> e) {
                value = JavaEnums.value(e);
            } else if (v instanceof String s) {
                value = byLabel.get(s);
            } else if (v instanceof Number n && values.containsKey(n.intValue()) && n.longValue() == n.intValue()) {
                value = n.intValue();
            } else {
                value = null;
            }
            if (value == null || !values.containsKey(value)) {
                throw cannot(t, v, "it is not one of its labels or values");
            }
            if (wide) {
                w.writeInt16(value);
            } else {
                w.writeInt8(value);
            }
        };
    }

    private static InetAddress ip(DataType t, Object v) {
        if (v instanceof InetAddress a) {
            return a;
        }
        try {
            return IpAddresses.parse(v.toString());
        } catch (IllegalArgumentException e) {
            throw cannot(t, v, t.kind() == TypeKind.IPV4
                    ? "it is not an IPv4 address; write four numbers 0..255 separated by dots, like 192.168.0.1"
                    : "it is not an IP address; write one like 192.168.0.1 or 2001:db8::1");
        }
    }

    static ChormException cannot(DataType t, Object v, String why) {
        String shown = v instanceof byte[] b ? "byte[" + b.length + "]" : String.valueOf(v);
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return new ChormException("Cannot write %s (%s) as %s: %s."
                .formatted(shown, className(v), t.sql(), why));
    }

    private static String className(Object v) {
        if (v == null) {
            return "null";
        }
        // Show List rather than the JDK's hidden ListN, ImmutableCollections$Map1, ...
        for (Class<?> c : new Class<?>[] {List.class, java.util.Set.class, Collection.class, Map.class}) {
            if (c.isInstance(v) && v.getClass().getName().startsWith("java.util.ImmutableCollections")) {
                return c.getSimpleName();
            }
        }
        return v.getClass().getSimpleName();
    }
}
