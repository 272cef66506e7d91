package dev.chorm.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Refresh a timestamp column on every save.
 *
 * <p>ClickHouse has no "on update" clause, so the DDL is the same as {@link AutoNowAdd}'s
 * ({@code DEFAULT now64(p)}); chorm's save and update paths set the field to the current time.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface AutoNow {

}
