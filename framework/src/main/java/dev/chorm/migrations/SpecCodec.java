package dev.chorm.migrations;

import dev.chorm.model.ColumnSpec;
import dev.chorm.model.ConstraintSpec;
import dev.chorm.model.DefaultKind;
import dev.chorm.model.DictionaryLayout;
import dev.chorm.model.DictionarySpec;
import dev.chorm.model.EngineSpec;
import dev.chorm.model.IndexSpec;
import dev.chorm.model.ProjectionSpec;
import dev.chorm.model.TableRef;
import dev.chorm.model.TableSpec;
import dev.chorm.model.ViewSpec;
import dev.chorm.types.DataType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turn table specs into ordered maps for migration files and back. Keys come in a fixed order and
 * empty parts are left out, so that the same spec always gives the same text.
 */
final class SpecCodec {
    private SpecCodec() {
    }

    static Map<String, Object> encodeTable(TableSpec t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        putIfNotEmpty(m, "database", t.database());
        putIfNotEmpty(m, "cluster", t.cluster());
        putIfNotEmpty(m, "comment", t.comment());
        m.put("engine", t.engine().name());
        putIfNotEmpty(m, "engineArguments", t.engine().arguments());
        m.put("columns", t.columns().stream().map(SpecCodec::encodeColumn).toList());
        putIfNotEmpty(m, "orderBy", t.orderBy());
        putIfNotEmpty(m, "partitionBy", t.partitionBy());
        putIfNotEmpty(m, "primaryKey", t.primaryKey());
        putIfNotEmpty(m, "sampleBy", t.sampleBy());
        putIfNotEmpty(m, "ttl", t.ttl());
        if (!t.settings().isEmpty()) {
            m.put("settings", new LinkedHashMap<>(t.settings()));
        }
        putIfNotEmpty(m, "indexes", t.indexes().stream().map(SpecCodec::encodeIndex).toList());
        putIfNotEmpty(m, "constraints", t.constraints().stream().map(SpecCodec::encodeConstraint).toList());
        putIfNotEmpty(m, "projections", t.projections().stream().map(SpecCodec::encodeProjection).toList());
        if (t.view() != null) {
            m.put("view", encodeView(t.view()));
        }
        if (t.dictionary() != null) {
            m.put("dictionary", encodeDictionary(t.dictionary()));
        }
        return m;
    }

    /**
     * Encode a dictionary as {@code {source?: table, sourceDatabase?, query?, primaryKey, layout, lifetime:
     * {min, max}?, range: {min, max}?, hierarchical?, injective?, expressions?}}.
     */
    static Map<String, Object> encodeDictionary(DictionarySpec d) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfNotEmpty(m, "source", d.sourceTable());
        putIfNotEmpty(m, "sourceDatabase", d.sourceDatabase());
        putIfNotEmpty(m, "query", d.sourceQuery());
        m.put("primaryKey", d.primaryKey());
        m.put("layout", d.layout().name().toLowerCase(Locale.ROOT));
        if (!d.layout().direct()) {
            Map<String, Object> lifetime = new LinkedHashMap<>();
            lifetime.put("min", d.lifetimeMin());
            lifetime.put("max", d.lifetimeMax());
            m.put("lifetime", lifetime);
        }
        if (d.layout().ranged()) {
            Map<String, Object> range = new LinkedHashMap<>();
            range.put("min", d.rangeMin());
            range.put("max", d.rangeMax());
            m.put("range", range);
        }
        putIfNotEmpty(m, "hierarchical", d.hierarchical());
        putIfNotEmpty(m, "injective", d.injective());
        if (!d.expressions().isEmpty()) {
            m.put("expressions", new LinkedHashMap<>(d.expressions()));
        }
        return m;
    }

    static DictionarySpec decodeDictionary(Data d) {
        Data lifetime = d.has("lifetime") ? d.object("lifetime") : null;
        Data range = d.has("range") ? d.object("range") : null;
        return new DictionarySpec(d.string("source", ""), d.string("sourceDatabase", ""), d.string("query", ""),
                d.strings("primaryKey"), DictionaryLayout.parse(d.string("layout")),
                lifetime == null ? 0 : lifetime.integer("min"), lifetime == null ? 0 : lifetime.integer("max"),
                range == null ? "" : range.string("min"), range == null ? "" : range.string("max"),
                d.strings("hierarchical"), d.strings("injective"), d.stringMap("expressions"));
    }

    /** Encode a view as {@code {kind, query, to?, refresh?: {schedule, append?, dependsOn?}, populate?, sources?}}. */
    static Map<String, Object> encodeView(ViewSpec v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", v.kind().name().toLowerCase(Locale.ROOT));
        m.put("query", v.query());
        if (v.to() != null) {
            m.put("to", v.to().toString());
        }
        if (v.refresh() != null) {
            m.put("refresh", encodeRefresh(v.refresh()));
        }
        if (v.populate()) {
            m.put("populate", true);
        }
        putIfNotEmpty(m, "sources", refs(v.sources()));
        return m;
    }

    static ViewSpec decodeView(Data d) {
        ViewSpec.Kind kind = ViewSpec.Kind.valueOf(d.string("kind").toUpperCase(Locale.ROOT));
        TableRef to = d.has("to") ? TableRef.parse(d.string("to")) : null;
        ViewSpec.Refresh refresh = d.has("refresh") ? decodeRefresh(d.object("refresh")) : null;
        return new ViewSpec(kind, d.string("query"), to, refresh, d.bool("populate", false),
                d.strings("sources").stream().map(TableRef::parse).toList());
    }

    /** Encode a refresh clause as {@code {schedule, append?, dependsOn?}}. */
    static Map<String, Object> encodeRefresh(ViewSpec.Refresh refresh) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("schedule", refresh.schedule());
        if (refresh.append()) {
            r.put("append", true);
        }
        putIfNotEmpty(r, "dependsOn", refs(refresh.dependsOn()));
        return r;
    }

    static ViewSpec.Refresh decodeRefresh(Data r) {
        return new ViewSpec.Refresh(r.string("schedule"), r.bool("append", false),
                r.strings("dependsOn").stream().map(TableRef::parse).toList());
    }

    private static List<String> refs(List<TableRef> refs) {
        return refs.stream().map(TableRef::toString).toList();
    }

    static TableSpec decodeTable(Data d) {
        TableSpec.Builder b = TableSpec.builder(d.string("name")).database(d.string("database", ""))
                .cluster(d.string("cluster", "")).comment(d.string("comment", ""))
                .engine(new EngineSpec(d.string("engine"), d.strings("engineArguments")))
                .orderBy(d.strings("orderBy")).partitionBy(d.string("partitionBy", ""))
                .primaryKey(d.strings("primaryKey")).sampleBy(d.string("sampleBy", "")).ttl(d.strings("ttl"))
                .settings(d.stringMap("settings"));
        d.objects("columns").forEach(c -> b.column(decodeColumn(c)));
        d.objects("indexes").forEach(i -> b.index(decodeIndex(i)));
        d.objects("constraints").forEach(c -> b.constraint(decodeConstraint(c)));
        d.objects("projections").forEach(p -> b.projection(ProjectionSpec.of(p.string("name"), p.string("query"))));
        if (d.has("view")) {
            b.view(decodeView(d.object("view")));
        }
        if (d.has("dictionary")) {
            b.dictionary(decodeDictionary(d.object("dictionary")));
        }
        return b.build();
    }

    static Map<String, Object> encodeColumn(ColumnSpec c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("type", c.type().sql());
        if (c.defaultKind() != DefaultKind.NONE) {
            m.put(c.defaultKind().name().toLowerCase(Locale.ROOT), c.defaultExpression());
        }
        putIfNotEmpty(m, "codec", c.codec());
        putIfNotEmpty(m, "comment", c.comment());
        putIfNotEmpty(m, "ttl", c.ttl());
        return m;
    }

    static ColumnSpec decodeColumn(Data d) {
        ColumnSpec.Builder b = ColumnSpec.builder(d.string("name"), DataType.parse(d.string("type")))
                .codec(d.string("codec", "")).comment(d.string("comment", "")).ttl(d.string("ttl", ""));
        for (DefaultKind kind : DefaultKind.values()) {
            String key = kind.name().toLowerCase(Locale.ROOT);
            if (kind != DefaultKind.NONE && d.has(key)) {
                b.defaultExpression(kind, d.string(key));
            }
        }
        return b.build();
    }

    static Map<String, Object> encodeIndex(IndexSpec i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", i.name());
        m.put("expression", i.expression());
        m.put("type", i.type());
        m.put("granularity", i.granularity());
        return m;
    }

    static IndexSpec decodeIndex(Data d) {
        return IndexSpec.of(d.string("name"), d.string("expression"), d.string("type"), d.integer("granularity"));
    }

    static Map<String, Object> encodeConstraint(ConstraintSpec c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put(c.kind().name().toLowerCase(Locale.ROOT), c.expression());
        return m;
    }

    static ConstraintSpec decodeConstraint(Data d) {
        return d.has("assume") ? ConstraintSpec.assume(d.string("name"), d.string("assume"))
                : ConstraintSpec.check(d.string("name"), d.string("check"));
    }

    static Map<String, Object> encodeProjection(ProjectionSpec p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("query", p.query());
        return m;
    }

    private static void putIfNotEmpty(Map<String, Object> m, String key, String value) {
        if (!value.isEmpty()) {
            m.put(key, value);
        }
    }

    private static void putIfNotEmpty(Map<String, Object> m, String key, List<?> value) {
        if (!value.isEmpty()) {
            m.put(key, value);
        }
    }
}
