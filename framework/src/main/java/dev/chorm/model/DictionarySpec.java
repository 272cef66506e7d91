package dev.chorm.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The dictionary part of a {@link TableSpec} (null for tables): where the rows come from, how they
 * are stored and keyed, and when they are reloaded. The table's columns are the key columns and the
 * attributes; an attribute's DEFAULT is its column's {@link DefaultKind#DEFAULT} expression.
 *
 * <pre>{@code
 * DictionarySpec d = DictionarySpec.ofTable("country", "", List.of("id"), DictionaryLayout.HASHED, 0, 300);
 * }</pre>
 *
 * @param sourceTable the table the rows come from; empty when {@code sourceQuery} gives them
 * @param sourceDatabase the database of {@code sourceTable}; empty for the dictionary's own database
 * @param sourceQuery the query the rows come from; empty when {@code sourceTable} gives them
 * @param primaryKey the key columns in key order
 * @param layout the in-memory layout
 * @param lifetimeMin the shortest time in seconds before a reload (0 for DIRECT layouts)
 * @param lifetimeMax the longest time in seconds before a reload; 0 never reloads (0 for DIRECT layouts)
 * @param rangeMin the column where a row's validity starts (RANGE_HASHED layouts); else empty
 * @param rangeMax the column where a row's validity ends (RANGE_HASHED layouts); else empty
 * @param hierarchical the HIERARCHICAL attributes
 * @param injective the INJECTIVE attributes
 * @param expressions the attributes computed by an EXPRESSION, name to expression
 */
public record DictionarySpec(String sourceTable, String sourceDatabase, String sourceQuery, List<String> primaryKey,
                             DictionaryLayout layout, long lifetimeMin, long lifetimeMax, String rangeMin,
                             String rangeMax, List<String> hierarchical, List<String> injective,
                             Map<String, String> expressions) {
    /** Check the parts; a DIRECT layout has no lifetime, so its lifetime is 0 whatever was given. */
    public DictionarySpec {
        Objects.requireNonNull(layout, "layout == null");
        sourceTable = Specs.text(sourceTable);
        sourceDatabase = Specs.text(sourceDatabase);
        sourceQuery = Specs.text(sourceQuery);
        primaryKey = Specs.texts(primaryKey);
        rangeMin = Specs.text(rangeMin);
        rangeMax = Specs.text(rangeMax);
        hierarchical = Specs.texts(hierarchical);
        injective = Specs.texts(injective);
        expressions = Specs.settings(expressions);
        if (layout.direct()) {
            lifetimeMin = 0;
            lifetimeMax = 0;
        }
    }

    /** Return a dictionary over {@code table} of {@code database} with no ranges or attribute options. */
    public static DictionarySpec ofTable(String table, String database, List<String> primaryKey, DictionaryLayout layout,
                                         long lifetimeMin, long lifetimeMax) {
        return new DictionarySpec(table, database, "", primaryKey, layout, lifetimeMin, lifetimeMax, "", "",
                List.of(), List.of(), Map.of());
    }

    /** Return this dictionary with the attribute expressions {@code newExpressions} (name to expression). */
    public DictionarySpec withExpressions(Map<String, String> newExpressions) {
        return new DictionarySpec(sourceTable, sourceDatabase, sourceQuery, primaryKey, layout, lifetimeMin, lifetimeMax,
                rangeMin, rangeMax, hierarchical, injective, newExpressions);
    }

    /** Return the source table as the object this dictionary needs to exist; empty for a query source. */
    public List<TableRef> dependencies() {
        return sourceTable.isEmpty() ? List.of() : List.of(new TableRef(sourceDatabase, sourceTable));
    }

    /** Return whether {@code column} is a key column. */
    public boolean isKey(String column) {
        return primaryKey.contains(column);
    }
}
