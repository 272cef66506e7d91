package dev.chorm.sql;

import java.time.LocalDateTime;

/** Format wall-clock times the way ClickHouse parses them: {@code 2024-01-02 03:04:05.123456}. */
final class Temporals {
    private Temporals() {
    }

    /** Return {@code t} with {@code precision} fractional digits (0..9), truncating the rest. */
    static String format(LocalDateTime t, int precision) {
        StringBuilder b = new StringBuilder(29);
        b.append(t.toLocalDate()).append(' ');
        pad(b, t.getHour()).append(':');
        pad(b, t.getMinute()).append(':');
        pad(b, t.getSecond());
        if (precision > 0) {
            String nanos = Integer.toString(1_000_000_000 + t.getNano()).substring(1);
            b.append('.').append(nanos, 0, Math.min(precision, 9));
        }
        return b.toString();
    }

    private static StringBuilder pad(StringBuilder b, int v) {
        return b.append(v < 10 ? "0" : "").append(v);
    }
}
