package dev.chorm.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fill a timestamp column with the insertion time.
 *
 * <p>The column gets {@code DEFAULT now64(p)} (or {@code now()} for DateTime, {@code today()} for Date
 * columns), so that rows inserted without it get the server time; chorm's insert path also sets
 * the field on the Java side when it is null.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface AutoNowAdd {

}
