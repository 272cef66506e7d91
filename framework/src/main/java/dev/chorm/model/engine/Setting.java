package dev.chorm.model.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Name one table setting inside an engine annotation.
 *
 * <pre>{@code @MergeTree(orderBy = "id", settings = @Setting(name = "index_granularity", value = "1024"))}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Setting {
    /** Return the setting name, for example {@code index_granularity}. */
    String name();

    /** Return the value as ClickHouse takes it: a number, or a quoted string such as {@code 'default'}. */
    String value();
}
