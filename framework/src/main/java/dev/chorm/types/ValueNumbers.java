package dev.chorm.types;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Convert the driver's numbers into the numeric or boolean type of a field, refusing silent truncation. */
final class ValueNumbers {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private ValueNumbers() {
    }

    static ValueConverters.Converter converter(Class<?> target) {
        if (target == int.class || target == Integer.class) {
            return raw -> (int) exact(raw, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (target == long.class || target == Long.class) {
            return ValueNumbers::toLong;
        } else if (target == short.class || target == Short.class) {
            return raw -> (short) exact(raw, Short.MIN_VALUE, Short.MAX_VALUE);
        } else if (target == byte.class || target == Byte.class) {
            return raw -> (byte) exact(raw, Byte.MIN_VALUE, Byte.MAX_VALUE);
        } else if (target == float.class || target == Float.class) {
            return raw -> ((Number) raw).floatValue();
        } else if (target == double.class || target == Double.class) {
            return raw -> ((Number) raw).doubleValue();
        } else if (target == boolean.class || target == Boolean.class) {
            return raw -> raw instanceof Boolean b ? b : ((Number) raw).intValue() != 0;
        } else if (target == BigInteger.class) {
            return ValueConverters::bigInteger;
        } else if (target == BigDecimal.class) {
            return ValueConverters::decimal;
        }
        return raw -> raw;
    }

    /** Return a long; a UInt64 above Long.MAX_VALUE keeps its 64 bits (read it with Long.toUnsignedString). */
    private static Object toLong(Object raw) {
        if (raw instanceof BigInteger b) {
            if (b.signum() >= 0 && b.compareTo(TWO_64) < 0) {
                return b.longValue();
            }
            return b.longValueExact();
        }
        return exact(raw, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static long exact(Object raw, long min, long max) {
        long v = raw instanceof BigInteger b ? b.longValueExact() : ((Number) raw).longValue();
        if (raw instanceof Double || raw instanceof Float || raw instanceof BigDecimal) {
            throw new ArithmeticException("not an integer type");
        }
        if (v < min || v > max) {
            throw new ArithmeticException("out of range " + min + ".." + max);
        }
        return v;
    }
}
