package dev.chorm.model;

import dev.chorm.ModelDefinitionException;
import dev.chorm.types.DataType;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read a {@link Dictionary} model into a {@link TableSpec} whose {@link TableSpec#dictionary()} is set,
 * and check it against its source model before any SQL is sent: the key columns exist and suit the
 * layout, every column read from the source is a column of the source's table with the same type,
 * ranges and lifetimes make sense. What ClickHouse would only report when the dictionary first loads
 * (an unknown source column, a String key on FLAT) is reported here, naming the field and the fix.
 */
final class DictionaryReader {
    /** The engine name ClickHouse reports for a dictionary in {@code system.tables}. */
    static final String ENGINE = "Dictionary";

    private final Class<?> type;
    private final String owner;
    private final Problems problems;

    DictionaryReader(Class<?> type, String owner, Problems problems) {
        this.type = type;
        this.owner = owner;
        this.problems = problems;
    }

    /** Return the dictionary's spec with these fields, or null when a problem prevents building it. */
    TableSpec readTable(Dictionary d, List<ModelField> fields, TableSpec.Builder named) {
        for (Annotation engine : EngineReader.engines(type)) {
            String name = engine.annotationType().getSimpleName();
            problems.add("%s: @Dictionary and @%s exclude each other; a dictionary has no table engine, remove @%s.",
                    owner, name, name);
        }
        List<ColumnSpec> columns = fields.stream().map(ModelField::column).toList();
        TableSpec source = source(d);
        List<String> hierarchical = new ArrayList<>();
        List<String> injective = new ArrayList<>();
        Map<String, String> expressions = new LinkedHashMap<>();
        for (ModelField f : fields) {
            DictionaryAttribute a = f.element().getAnnotation(DictionaryAttribute.class);
            if (a != null) {
                if (a.hierarchical()) {
                    hierarchical.add(f.columnName());
                }
                if (a.injective()) {
                    injective.add(f.columnName());
                }
                if (!a.expression().isBlank()) {
                    expressions.put(f.columnName(), a.expression());
                }
            }
        }
        DictionarySpec spec = new DictionarySpec(source == null ? "" : source.name(),
                source == null ? "" : source.database(), d.query(), List.of(d.primaryKey()), d.layout(), d.lifetimeMin(),
                d.lifetimeMax(), d.rangeMin(), d.rangeMax(), hierarchical, injective, expressions);
        TableSpec table = named.columns(columns).engine(EngineSpec.of(ENGINE)).dictionary(spec).build();
        if (source != null) {
            new DictionaryChecks(table, owner, problems).checkAgainstSource(source, d.source().getSimpleName());
        }
        return problems.isEmpty() ? table : null;
    }

    /** Return the source model's table, or null for a query source or a source that is no valid model. */
    private TableSpec source(Dictionary d) {
        boolean hasSource = d.source() != void.class;
        boolean hasQuery = !d.query().isBlank();
        if (hasSource == hasQuery) {
            problems.add(hasSource ? "%s: @Dictionary gives both source and query; keep one."
                    : "%s: @Dictionary needs source = SomeModel.class (its table) or query = \"SELECT ...\"; give one.", owner);
            return null;
        }
        if (!hasSource) {
            return null;
        }
        if (d.source() == type) {
            problems.add("%s: @Dictionary source is the dictionary itself; name the model whose table holds the rows.", owner);
            return null;
        }
        try {
            return ModelMeta.of(d.source()).table();
        } catch (ModelDefinitionException e) {
            problems.add("%s: @Dictionary source %s is not a valid model (%s); fix that model first.",
                    owner, d.source().getSimpleName(), e.getMessage());
            return null;
        }
    }

    /** Record a problem for each option a dictionary column cannot have. */
    static void checkColumnOptions(ModelField f, String owner, Problems problems) {
        ColumnSpec c = f.column();
        String where = owner + "." + f.javaName();
        if (c.defaultKind() != DefaultKind.NONE && c.defaultKind() != DefaultKind.DEFAULT) {
            problems.add("%s: a dictionary attribute cannot be %s; use @DictionaryAttribute(expression = ...) to compute"
                    + " it from the source's columns.", where, c.defaultKind().keyword());
        }
        if (!c.codec().isEmpty() || !c.ttl().isEmpty() || !c.comment().isEmpty()) {
            problems.add("%s: a dictionary column has no codec, TTL or comment; remove @Codec, @Ttl and @Comment.", where);
        }
    }

    /** Return the type under LowCardinality, which a dictionary does not keep (it stores plain values). */
    static DataType withoutLowCardinality(DataType t) {
        return t.kind() == dev.chorm.types.TypeKind.LOW_CARDINALITY ? t.inner() : t;
    }
}
