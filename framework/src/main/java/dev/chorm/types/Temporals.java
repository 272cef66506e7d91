package dev.chorm.types;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Convert between Java date-times and the instants ClickHouse stores. */
final class Temporals {
    /** Powers of ten from 10^0 to 10^9. */
    static final long[] POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};

    private Temporals() {
    }

    /** Return the instant of {@code v}; a LocalDateTime is taken as wall time in {@code zone} (the column's, or UTC). */
    static Instant toInstant(DataType t, Object v, ZoneId zone) {
        if (v instanceof Instant i) {
            return i;
        } else if (v instanceof LocalDateTime l) {
            return l.atZone(zone).toInstant();
        } else if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        } else if (v instanceof ZonedDateTime z) {
            return z.toInstant();
        } else if (v instanceof java.util.Date d) {
            return d.toInstant();
        }
        throw RowBinaryEncoders.cannot(t, v, "it is not an Instant, LocalDateTime, OffsetDateTime or ZonedDateTime");
    }
}
