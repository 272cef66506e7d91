package dev.chorm.model;

import dev.chorm.types.DataType;
import java.util.Objects;

/**
 * Describe one column of a table: a value type that the schema editor renders, the migration engine
 * diffs and introspection rebuilds from a live table.
 *
 * <p>Absent optional parts are empty strings, never null.
 *
 * <pre>{@code ColumnSpec.builder("port", DataType.uint16()).defaultExpression(DefaultKind.DEFAULT, "0").build()}</pre>
 *
 * @param name the column name
 * @param type the ClickHouse type
 * @param defaultKind how ClickHouse fills the column
 * @param defaultExpression the expression of {@code defaultKind}; empty for NONE (and for a bare EPHEMERAL)
 * @param codec the codec list inside {@code CODEC(...)}, empty for the server default
 * @param comment the column comment, empty for none
 * @param ttl the column TTL expression, empty for none
 */
public record ColumnSpec(String name, DataType type, DefaultKind defaultKind, String defaultExpression,
                         String codec, String comment, String ttl) {
    /** Check that required parts are present and normalize absent ones to empty strings. */
    public ColumnSpec {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(type, "type == null");
        defaultKind = defaultKind == null ? DefaultKind.NONE : defaultKind;
        defaultExpression = Specs.text(defaultExpression);
        codec = Specs.text(codec);
        comment = comment == null ? "" : comment;
        ttl = Specs.text(ttl);
        if (defaultKind == DefaultKind.NONE && !defaultExpression.isEmpty()) {
            throw new IllegalArgumentException("default expression without a kind: " + defaultExpression);
        }
    }

    /** Return a builder for a column named {@code name} of type {@code type}. */
    public static Builder builder(String name, DataType type) {
        return new Builder(name, type);
    }

    /** Return a builder holding this column's parts, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(name, type).defaultExpression(defaultKind, defaultExpression)
                .codec(codec).comment(comment).ttl(ttl);
    }

    /** Return whether ClickHouse stores this column (it is neither ALIAS nor EPHEMERAL). */
    public boolean isStored() {
        return defaultKind != DefaultKind.ALIAS && defaultKind != DefaultKind.EPHEMERAL;
    }

    /** Return whether an INSERT may write this column (it is neither MATERIALIZED nor ALIAS). */
    public boolean isInsertable() {
        return defaultKind != DefaultKind.MATERIALIZED && defaultKind != DefaultKind.ALIAS;
    }

    /** Build a {@link ColumnSpec} step by step. */
    public static final class Builder {
        private String name;
        private DataType type;
        private DefaultKind defaultKind = DefaultKind.NONE;
        private String defaultExpression = "";
        private String codec = "";
        private String comment = "";
        private String ttl = "";

        private Builder(String name, DataType type) {
            this.name = name;
            this.type = type;
        }

        /** Set the column name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Set the ClickHouse type. */
        public Builder type(DataType type) {
            this.type = type;
            return this;
        }

        /** Set the default kind and its expression ({@code NONE, ""} to remove it). */
        public Builder defaultExpression(DefaultKind kind, String expression) {
            this.defaultKind = kind;
            this.defaultExpression = expression;
            return this;
        }

        /** Set the codec list, for example {@code ZSTD(3)}; empty for the default. */
        public Builder codec(String codec) {
            this.codec = codec;
            return this;
        }

        /** Set the comment; empty for none. */
        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        /** Set the column TTL expression; empty for none. */
        public Builder ttl(String ttl) {
            this.ttl = ttl;
            return this;
        }

        /** Return the column. */
        public ColumnSpec build() {
            return new ColumnSpec(name, type, defaultKind, defaultExpression, codec, comment, ttl);
        }
    }
}
