package dev.chorm.model;

import java.util.Locale;

/**
 * The in-memory layouts a {@link Dictionary} can use: how ClickHouse stores the loaded rows and so
 * which keys it accepts. Layouts with a {@code COMPLEX_KEY_} prefix take a key of one or more columns
 * of any type; the others take one unsigned integer key. {@code DIRECT} layouts keep nothing in memory
 * and read the source on every lookup, so they have no lifetime; the {@code RANGE_HASHED} layouts
 * need a {@code RANGE(MIN .. MAX)} pair of columns. Layouts that need parameters ({@code CACHE},
 * {@code SSD_CACHE}, {@code IP_TRIE}, ...) are not offered.
 */
public enum DictionaryLayout {
    /** One array indexed by the key: fastest, for keys below 500,000. */
    FLAT,
    /** A hash table on a UInt64 key. */
    HASHED,
    /** A hash table that uses less memory and more CPU than {@link #HASHED}. */
    SPARSE_HASHED,
    /** A hash table from key to an index into arrays of attributes. */
    HASHED_ARRAY,
    /** A hash table of rows valid in a range of dates or numbers; needs {@code range}. */
    RANGE_HASHED,
    /** No memory: every lookup queries the source. */
    DIRECT,
    /** {@link #HASHED} on a composite or non-integer key. */
    COMPLEX_KEY_HASHED,
    /** {@link #SPARSE_HASHED} on a composite or non-integer key. */
    COMPLEX_KEY_SPARSE_HASHED,
    /** {@link #HASHED_ARRAY} on a composite or non-integer key. */
    COMPLEX_KEY_HASHED_ARRAY,
    /** {@link #RANGE_HASHED} on a composite or non-integer key; needs {@code range}. */
    COMPLEX_KEY_RANGE_HASHED,
    /** {@link #DIRECT} on a composite or non-integer key. */
    COMPLEX_KEY_DIRECT;

    /** Return whether the key may have several columns of any type. */
    public boolean complexKey() {
        return name().startsWith("COMPLEX_KEY_");
    }

    /** Return whether rows carry a validity range ({@code RANGE(MIN a MAX b)} is required). */
    public boolean ranged() {
        return name().endsWith("RANGE_HASHED");
    }

    /** Return whether lookups go to the source every time, so that the dictionary has no LIFETIME. */
    public boolean direct() {
        return name().endsWith("DIRECT");
    }

    /** Return the layout as ClickHouse writes it, for example {@code COMPLEX_KEY_HASHED()}. */
    public String sql() {
        return name() + "()";
    }

    /** Return the layout named {@code name} in any case, as read back from {@code LAYOUT(name())}. */
    public static DictionaryLayout parse(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
}
