package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Store the field as ClickHouse {@code DateTime64(precision, timezone)}.
 *
 * <p>The field must be an Instant, LocalDateTime, OffsetDateTime or ZonedDateTime. An empty time zone
 * means {@code 'UTC'} for Instant, OffsetDateTime and ZonedDateTime fields and no time zone (the
 * server's, read and written as UTC wall time) for LocalDateTime fields.
 * <pre>{@code
 * public @DateTime64(3) Instant timestamp;                            // DateTime64(3, 'UTC')
 * public @DateTime64(value = 9, timezone = "Asia/Tokyo") ZonedDateTime at;  // DateTime64(9, 'Asia/Tokyo')
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface DateTime64 {
    /** Return the number of fraction digits of a second, 0..9. */
    int value() default 6;

    /** Return the column's time zone; empty for the default described above. */
    String timezone() default "";
}
