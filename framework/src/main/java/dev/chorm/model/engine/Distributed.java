package dev.chorm.model.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Make the table a Distributed view over a local table on every shard of a cluster.
 *
 * <pre>{@code @Distributed(cluster = "cluster", table = "student", shardingKey = "rand()")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@EngineAnnotation
public @interface Distributed {
    /** Return the cluster from the server configuration. */
    String cluster();

    /** Return the database of the local tables; empty means {@code currentDatabase()}. */
    String database() default "";

    /** Return the local table name on each shard. */
    String table();

    /** Return the sharding expression, for example {@code rand()}; empty for none (single-shard inserts). */
    String shardingKey() default "";

    /** Return the storage policy for the insert queue; empty for the default. */
    String policy() default "";
}
