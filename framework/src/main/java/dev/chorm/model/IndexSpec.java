package dev.chorm.model;

import java.util.Objects;

/**
 * Describe one data-skipping index: {@code INDEX name expression TYPE type GRANULARITY granularity}.
 *
 * @param name the index name
 * @param expression the indexed expression
 * @param type the index type with its arguments, for example {@code bloom_filter(0.01)}
 * @param granularity the number of granules per index block
 */
public record IndexSpec(String name, String expression, String type, int granularity) {
    /** Check the parts and trim the texts. */
    public IndexSpec {
        Objects.requireNonNull(name, "name == null");
        expression = Specs.text(expression);
        type = Specs.text(type);
    }

    /** Return an index named {@code name} over {@code expression}. */
    public static IndexSpec of(String name, String expression, String type, int granularity) {
        return new IndexSpec(name, expression, type, granularity);
    }
}
