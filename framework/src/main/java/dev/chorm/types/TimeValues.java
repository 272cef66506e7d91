package dev.chorm.types;

import dev.chorm.ChormException;
import java.time.Duration;
import java.time.LocalTime;

/**
 * Convert the values of ClickHouse {@code Time} and {@code Time64(p)} columns: a signed time in
 * seconds (Int32) or in ticks of 10^-p seconds (Int64), from -999:59:59 to 999:59:59 plus the fraction.
 *
 * <p>A field is a {@link Duration} (any value of the range) or a {@link LocalTime} (00:00:00 to
 * 23:59:59.999999999; reading a negative or a 24h-or-more value into it is an error naming the field).
 * Fraction digits beyond the precision are dropped, towards zero, as ClickHouse drops them from a Time64
 * text and as a DateTime64 text drops them (measured on 26.5: {@code CAST('-00:00:01.2399' AS Time64(3))} is
 * -00:00:01.239, {@code CAST(-1.5 AS Time)} is -00:00:01). ClickHouse itself clamps a value
 * out of range to the nearest end (measured on 26.5: 4,000,000 s is stored as 999:59:59); chorm refuses it.
 */
final class TimeValues {
    /** The largest number of whole seconds a Time holds: 999:59:59. */
    static final long MAX_SECONDS = 999L * 3600 + 59 * 60 + 59;

    private TimeValues() {
    }

    /** Return {@code v} (a Duration or LocalTime) in ticks of {@code t} (seconds for Time); throw when it does not fit. */
    static long ticks(DataType t, Object v) {
        Duration d;
        if (v instanceof Duration x) {
            d = x;
        } else if (v instanceof LocalTime l) {
            d = Duration.ofNanos(l.toNanoOfDay());
        } else {
            throw RowBinaryEncoders.cannot(t, v, "it is not a Duration or LocalTime");
        }
        if (d.getSeconds() > MAX_SECONDS || d.getSeconds() < -MAX_SECONDS - 1
                || d.getSeconds() == -MAX_SECONDS - 1 && d.getNano() == 0) {
            throw RowBinaryEncoders.cannot(t, v, "out of range -999:59:59..999:59:59");
        }
        int precision = t.kind() == TypeKind.TIME ? 0 : t.precision();
        // Truncate the magnitude: a Duration's fields floor (-1.5 s is -2 s + 500 ms), the engine drops digits.
        Duration abs = d.abs();
        long magnitude = abs.getSeconds() * Temporals.POWERS[precision] + abs.getNano() / Temporals.POWERS[9 - precision];
        long ticks = d.isNegative() ? -magnitude : magnitude;
        long max = (MAX_SECONDS + 1) * Temporals.POWERS[precision] - 1;
        if (ticks > max || ticks < -max) {
            throw RowBinaryEncoders.cannot(t, v, "out of range -999:59:59..999:59:59");
        }
        return ticks;
    }

    /** Parse the text ClickHouse prints for a Time or Time64, such as {@code -01:00:00} or {@code 100:00:00.250}. */
    static Duration parse(String text) {
        String s = text.strip();
        boolean negative = s.startsWith("-");
        String body = negative ? s.substring(1) : s;
        String[] parts = body.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a Time: '" + text + "'");
        }
        String[] secs = parts[2].split("\\.", 2);
        long nanos = 0;
        if (secs.length == 2) {
            String digits = (secs[1] + "000000000").substring(0, 9);
            nanos = Long.parseLong(digits);
        }
        Duration d = Duration.ofHours(Long.parseLong(parts[0])).plusMinutes(Long.parseLong(parts[1]))
                .plusSeconds(Long.parseLong(secs[0])).plusNanos(nanos);
        return negative ? d.negated() : d;
    }

    /** Return {@code d} as a LocalTime; throw when it is negative or 24 hours or more. */
    static LocalTime localTime(Duration d, String owner) {
        if (d.isNegative() || d.compareTo(Duration.ofDays(1)) >= 0) {
            throw new ChormException(("%s: cannot read the Time %s into a LocalTime, which holds 00:00:00..23:59:59;"
                    + " declare the field a Duration.").formatted(owner, d));
        }
        return LocalTime.ofNanoOfDay(d.toNanos());
    }
}
