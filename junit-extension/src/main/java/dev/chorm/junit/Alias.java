package dev.chorm.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Say which configured alias an injected {@code Database}, {@code QuerySet}, {@code DataSource} or
 * {@code Connection} belongs to; without it a parameter gets the first alias of
 * {@link ClickhouseTest#databases()}.
 *
 * <pre>{@code void readsReplica(@Alias("s1r2") Database replica) { ... }}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Alias {
    /** Return the alias, as in {@code chorm.databases.<alias>.url}. */
    String value();
}
