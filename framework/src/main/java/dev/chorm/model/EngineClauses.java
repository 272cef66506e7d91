package dev.chorm.model;

import dev.chorm.model.engine.EngineAnnotation;
import dev.chorm.model.engine.Setting;
import java.lang.annotation.Annotation;

/**
 * The clause attributes that every MergeTree-family engine annotation declares. Java annotations
 * cannot inherit, so fourteen annotations each declare {@code orderBy} ... {@code settings}: they are
 * read here, once, by name, as {@link EngineAnnotation#mergeTree()} and {@link EngineAnnotation#replicated()}
 * promise (a test holds every engine to that promise). An engine's own arguments (a version, a sign,
 * a Distributed's cluster) are read through its typed methods in {@link EngineReader}.
 */
record EngineClauses(String[] orderBy, String partitionBy, String[] primaryKey, String sampleBy, String[] ttl,
                     Setting[] settings) {
    /** The Keeper path and replica name of a Replicated engine. */
    record Replication(String zooPath, String replicaName) {
    }

    /** Read the clauses of an engine annotation marked {@code @EngineAnnotation(mergeTree = true)}. */
    static EngineClauses of(Annotation engine) {
        return new EngineClauses(attribute(engine, "orderBy", String[].class), attribute(engine, "partitionBy", String.class),
                attribute(engine, "primaryKey", String[].class), attribute(engine, "sampleBy", String.class),
                attribute(engine, "ttl", String[].class), attribute(engine, "settings", Setting[].class));
    }

    /** Read the replication pair of an engine annotation marked {@code @EngineAnnotation(replicated = true)}. */
    static Replication replication(Annotation engine) {
        return new Replication(attribute(engine, "zooPath", String.class), attribute(engine, "replicaName", String.class));
    }

    private static <T> T attribute(Annotation engine, String name, Class<T> type) {
        try {
            return type.cast(engine.annotationType().getMethod(name).invoke(engine));
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("@%s is marked @EngineAnnotation but does not declare %s %s()"
                    .formatted(engine.annotationType().getSimpleName(), type.getSimpleName(), name), e);
        }
    }
}
