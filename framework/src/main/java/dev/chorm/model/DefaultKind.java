package dev.chorm.model;

/**
 * Name how ClickHouse fills a column: from inserts only, or from an expression of one of four kinds.
 */
public enum DefaultKind {
    /** No expression: the value comes from inserts, or is the type's default. */
    NONE(""),
    /** {@code DEFAULT expr}: computed when an insert omits the column. */
    DEFAULT("DEFAULT"),
    /** {@code MATERIALIZED expr}: always computed, never inserted. */
    MATERIALIZED("MATERIALIZED"),
    /** {@code ALIAS expr}: computed on read, never stored. */
    ALIAS("ALIAS"),
    /** {@code EPHEMERAL [expr]}: accepted on insert to feed other expressions, never stored. */
    EPHEMERAL("EPHEMERAL");

    private final String keyword;

    DefaultKind(String keyword) {
        this.keyword = keyword;
    }

    /** Return the SQL keyword, empty for {@link #NONE}. */
    public String keyword() {
        return keyword;
    }

    /** Return the kind whose keyword is {@code keyword} (as in {@code system.columns.default_kind}); empty means NONE. */
    public static DefaultKind fromKeyword(String keyword) {
        for (DefaultKind kind : values()) {
            if (kind.keyword.equalsIgnoreCase(keyword.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown default kind: " + keyword);
    }
}
