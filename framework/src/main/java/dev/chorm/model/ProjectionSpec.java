package dev.chorm.model;

import java.util.Objects;

/**
 * Describe one projection: {@code PROJECTION name (query)}.
 *
 * @param name the projection name
 * @param query the projection's SELECT, without FROM
 */
public record ProjectionSpec(String name, String query) {
    /** Check the parts and trim the query. */
    public ProjectionSpec {
        Objects.requireNonNull(name, "name == null");
        query = Specs.text(query);
    }

    /** Return a projection named {@code name}. */
    public static ProjectionSpec of(String name, String query) {
        return new ProjectionSpec(name, query);
    }
}
