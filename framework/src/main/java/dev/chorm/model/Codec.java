package dev.chorm.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compress a column with the given codecs, for example {@code @Codec("Delta, ZSTD(3)")}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Codec {
    /** Return the codec list as ClickHouse takes it inside {@code CODEC(...)}. */
    String value();
}
