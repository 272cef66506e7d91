package dev.chorm.model.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Mark an annotation as naming a table engine: the model reader takes the one engine annotation a
 * model carries by this mark (not by its package), and the engine's name is the annotation's simple
 * name. Java annotations cannot inherit, so the flags say which shared attributes an engine declares.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface EngineAnnotation {
    /**
     * Return whether the engine is of the MergeTree family: it declares {@code orderBy},
     * {@code partitionBy}, {@code primaryKey}, {@code sampleBy}, {@code ttl} and {@code settings}.
     */
    boolean mergeTree() default false;

    /** Return whether the engine replicates through Keeper: it declares {@code zooPath} and {@code replicaName}. */
    boolean replicated() default false;
}
