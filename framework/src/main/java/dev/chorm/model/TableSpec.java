package dev.chorm.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Describe a whole table: its columns, engine, clauses, indexes, constraints and projections.
 *
 * <p>A value type built from a model ({@link ModelMeta#table()}), from a migration file or by
 * introspecting a live table, so that two of them can be compared with {@code equals}. The
 * constructor canonicalizes what ClickHouse treats as equal: {@code ORDER BY tuple()} is an empty
 * sorting key, a primary key equal to the sorting key is left out, and the MergeTree default
 * {@code index_granularity = 8192} (which ClickHouse always writes back) is dropped.
 *
 * <pre>{@code
 * TableSpec t = TableSpec.builder("event")
 *         .column(ColumnSpec.builder("id", DataType.int64()).build())
 *         .engine(EngineSpec.of("MergeTree")).orderBy("id").build();
 * }</pre>
 *
 * @param database the database; empty means the connection's current database
 * @param name the table name
 * @param cluster the cluster for {@code ON CLUSTER}; empty for none
 * @param comment the table comment; empty for none
 * @param columns the columns in table order
 * @param engine the engine
 * @param orderBy the sorting key expressions; empty for {@code tuple()}
 * @param partitionBy the partition expression; empty for none
 * @param primaryKey the primary key expressions when they differ from the sorting key; else empty
 * @param sampleBy the sampling expression; empty for none
 * @param ttl the table TTL rules; empty for none
 * @param settings the table settings, name to SQL value
 * @param indexes the data-skipping indexes
 * @param constraints the CHECK and ASSUME constraints
 * @param projections the projections
 * @param view what makes this a view or materialized view (query, {@code TO} table, refresh); null for a table
 * @param dictionary the dictionary's source, layout, key and lifetime when this is a dictionary
 *     ({@code CREATE DICTIONARY}, engine {@code Dictionary}); null for a table
 */
public record TableSpec(String database, String name, String cluster, String comment,
                        List<ColumnSpec> columns, EngineSpec engine,
                        List<String> orderBy, String partitionBy, List<String> primaryKey, String sampleBy,
                        List<String> ttl, Map<String, String> settings,
                        List<IndexSpec> indexes, List<ConstraintSpec> constraints,
                        List<ProjectionSpec> projections, ViewSpec view, DictionarySpec dictionary) {
    private static final String DEFAULT_GRANULARITY = "8192";

    /** Check the parts and canonicalize them (see the type's description). */
    public TableSpec {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(engine, "engine == null");
        database = Specs.text(database);
        cluster = Specs.text(cluster);
        comment = comment == null ? "" : comment;
        columns = Specs.unique(columns, ColumnSpec::name, "column");
        orderBy = Specs.texts(orderBy);
        if (orderBy.size() == 1 && orderBy.get(0).replace(" ", "").equals("tuple()")) {
            orderBy = List.of();
        }
        partitionBy = Specs.text(partitionBy);
        primaryKey = Specs.texts(primaryKey);
        if (engine.name().endsWith("VersionedCollapsingMergeTree") && !engine.arguments().isEmpty()) {
            // ClickHouse appends the version column to the sorting key of this engine; do the same.
            String version = engine.arguments().get(engine.arguments().size() - 1);
            if (!orderBy.isEmpty() && !orderBy.get(orderBy.size() - 1).equals(version)) {
                primaryKey = primaryKey.isEmpty() ? orderBy : primaryKey;
                orderBy = java.util.stream.Stream.concat(orderBy.stream(), java.util.stream.Stream.of(version)).toList();
            }
        }
        if (primaryKey.equals(orderBy)) {
            primaryKey = List.of();
        }
        sampleBy = Specs.text(sampleBy);
        ttl = Specs.texts(ttl);
        settings = Specs.settings(settings);
        if (engine.isMergeTreeFamily() && DEFAULT_GRANULARITY.equals(settings.get("index_granularity"))) {
            Map<String, String> copy = new LinkedHashMap<>(settings);
            copy.remove("index_granularity");
            settings = Specs.settings(copy);
        }
        indexes = Specs.unique(indexes, IndexSpec::name, "index");
        constraints = Specs.unique(constraints, ConstraintSpec::name, "constraint");
        projections = Specs.unique(projections, ProjectionSpec::name, "projection");
    }

    /** Return whether this is a dictionary rather than a table. */
    public boolean isDictionary() {
        return dictionary != null;
    }

    /** Return whether this is a view or materialized view rather than a table. */
    public boolean isView() {
        return view != null;
    }

    /**
     * Return the objects that must exist before this one is created and may be dropped only after it:
     * for a view its sources, {@code TO} table and {@code DEPENDS ON} views, for a dictionary its source
     * table (not the tables a source query reads); empty for a table. The
     * autodetector orders CreateModel and DeleteModel operations, and migrations' dependencies across
     * apps, by these. Another kind of object that reads tables adds its own here.
     */
    public List<TableRef> dependencies() {
        if (dictionary != null) {
            return dictionary.dependencies();
        }
        return view == null ? List.of() : view.dependencies();
    }

    /** Return a builder for a table named {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Return a builder holding this table's parts, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(name).database(database).cluster(cluster).comment(comment).engine(engine)
                .orderBy(orderBy).partitionBy(partitionBy).primaryKey(primaryKey).sampleBy(sampleBy)
                .ttl(ttl).settings(settings).view(view).dictionary(dictionary);
        b.columns.addAll(columns);
        b.indexes.addAll(indexes);
        b.constraints.addAll(constraints);
        b.projections.addAll(projections);
        return b;
    }

    /** Return the column named {@code columnName}, if any. */
    public Optional<ColumnSpec> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** Return the effective primary key: {@link #primaryKey()} when set, else {@link #orderBy()}. */
    public List<String> effectivePrimaryKey() {
        return primaryKey.isEmpty() ? orderBy : primaryKey;
    }

    /** Build a {@link TableSpec} step by step; lists keep the order of the calls. */
    public static final class Builder {
        private String database = "";
        private String name;
        private String cluster = "";
        private String comment = "";
        private final List<ColumnSpec> columns = new ArrayList<>();
        private EngineSpec engine = EngineSpec.of("MergeTree");
        private List<String> orderBy = List.of();
        private String partitionBy = "";
        private List<String> primaryKey = List.of();
        private String sampleBy = "";
        private List<String> ttl = List.of();
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final List<IndexSpec> indexes = new ArrayList<>();
        private final List<ConstraintSpec> constraints = new ArrayList<>();
        private final List<ProjectionSpec> projections = new ArrayList<>();
        private ViewSpec view;
        private DictionarySpec dictionary;

        private Builder(String name) {
            this.name = name;
        }

        /** Set the table name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Set the database; empty for the current one. */
        public Builder database(String database) {
            this.database = database;
            return this;
        }

        /** Set the cluster for ON CLUSTER; empty for none. */
        public Builder cluster(String cluster) {
            this.cluster = cluster;
            return this;
        }

        /** Set the table comment. */
        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        /** Append a column. */
        public Builder column(ColumnSpec column) {
            columns.add(column);
            return this;
        }

        /** Replace all columns. */
        public Builder columns(List<ColumnSpec> list) {
            columns.clear();
            columns.addAll(list);
            return this;
        }

        /** Set the engine (default {@code MergeTree}). */
        public Builder engine(EngineSpec engine) {
            this.engine = engine;
            return this;
        }

        /** Set the sorting key expressions. */
        public Builder orderBy(String... expressions) {
            return orderBy(List.of(expressions));
        }

        /** Set the sorting key expressions. */
        public Builder orderBy(List<String> expressions) {
            this.orderBy = List.copyOf(expressions);
            return this;
        }

        /** Set the partition expression. */
        public Builder partitionBy(String expression) {
            this.partitionBy = expression;
            return this;
        }

        /** Set the primary key expressions. */
        public Builder primaryKey(String... expressions) {
            return primaryKey(List.of(expressions));
        }

        /** Set the primary key expressions. */
        public Builder primaryKey(List<String> expressions) {
            this.primaryKey = List.copyOf(expressions);
            return this;
        }

        /** Set the sampling expression. */
        public Builder sampleBy(String expression) {
            this.sampleBy = expression;
            return this;
        }

        /** Set the table TTL rules. */
        public Builder ttl(String... rules) {
            return ttl(List.of(rules));
        }

        /** Set the table TTL rules. */
        public Builder ttl(List<String> rules) {
            this.ttl = List.copyOf(rules);
            return this;
        }

        /** Add or replace one setting. */
        public Builder setting(String settingName, String value) {
            settings.put(settingName, value);
            return this;
        }

        /** Replace all settings. */
        public Builder settings(Map<String, String> map) {
            settings.clear();
            settings.putAll(map);
            return this;
        }

        /** Append an index. */
        public Builder index(IndexSpec index) {
            indexes.add(index);
            return this;
        }

        /** Replace all indexes. */
        public Builder indexes(List<IndexSpec> list) {
            indexes.clear();
            indexes.addAll(list);
            return this;
        }

        /** Append a constraint. */
        public Builder constraint(ConstraintSpec constraint) {
            constraints.add(constraint);
            return this;
        }

        /** Replace all constraints. */
        public Builder constraints(List<ConstraintSpec> list) {
            constraints.clear();
            constraints.addAll(list);
            return this;
        }

        /** Append a projection. */
        public Builder projection(ProjectionSpec projection) {
            projections.add(projection);
            return this;
        }

        /** Replace all projections. */
        public Builder projections(List<ProjectionSpec> list) {
            projections.clear();
            projections.addAll(list);
            return this;
        }

        /** Make this a view or materialized view ({@code null}: a table). */
        public Builder view(ViewSpec view) {
            this.view = view;
            return this;
        }

        /** Make this a dictionary ({@code null} for a table); see {@link TableSpec#dictionary()}. */
        public Builder dictionary(DictionarySpec dictionary) {
            this.dictionary = dictionary;
            return this;
        }

        /** Return the table. */
        public TableSpec build() {
            return new TableSpec(database, name, cluster, comment, columns, engine, orderBy, partitionBy,
                    primaryKey, sampleBy, ttl, settings, indexes, constraints, projections, view, dictionary);
        }
    }
}
