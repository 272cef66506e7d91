package dev.chorm.model;

import dev.chorm.model.engine.Buffer;
import dev.chorm.model.engine.CollapsingMergeTree;
import dev.chorm.model.engine.Distributed;
import dev.chorm.model.engine.EngineAnnotation;
import dev.chorm.model.engine.GraphiteMergeTree;
import dev.chorm.model.engine.Merge;
import dev.chorm.model.engine.ReplacingMergeTree;
import dev.chorm.model.engine.ReplicatedCollapsingMergeTree;
import dev.chorm.model.engine.ReplicatedGraphiteMergeTree;
import dev.chorm.model.engine.ReplicatedReplacingMergeTree;
import dev.chorm.model.engine.ReplicatedSummingMergeTree;
import dev.chorm.model.engine.ReplicatedVersionedCollapsingMergeTree;
import dev.chorm.model.engine.Setting;
import dev.chorm.model.engine.SummingMergeTree;
import dev.chorm.model.engine.VersionedCollapsingMergeTree;
import dev.chorm.sql.SqlLiterals;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Read a model's table-level annotations ({@link Table}, one engine annotation, indexes,
 * constraints, projections) into a {@link TableSpec}.
 *
 * <p>Without an engine annotation a model gets {@code MergeTree} sorted by its Snowflake {@code id}
 * when it extends {@link Model}, else by {@code tuple()}, as the reference backend does.
 */
final class EngineReader {
    private final Class<?> type;
    private final String owner;
    private final Problems problems;

    EngineReader(Class<?> type, String owner, Problems problems) {
        this.type = type;
        this.owner = owner;
        this.problems = problems;
    }

    /** Return the table of this model with these columns, or null when a problem prevents building it. */
    TableSpec readTable(List<ColumnSpec> columns, boolean syntheticId) {
        TableSpec.Builder b = named().columns(columns);
        Table table = type.getAnnotation(Table.class);
        List<Annotation> engines = engines(type);
        if (engines.size() > 1) {
            problems.add("%s: %s each name an engine; keep one.", owner, String.join(" and ",
                    engines.stream().map(a -> "@" + a.annotationType().getSimpleName()).toList()));
            return null;
        }
        if (engines.isEmpty()) {
            b.engine(EngineSpec.of("MergeTree")).orderBy(syntheticId ? List.of("id") : List.of());
        } else {
            readEngine(engines.get(0), b, table == null ? "" : table.cluster());
        }
        if (ViewReader.isView(type)) {
            new ViewReader(type, owner, problems).read(b, engines.isEmpty() ? null : engines.get(0), columns);
        }
        readIndexes(b);
        readConstraints(b);
        readProjections(b);
        return problems.isEmpty() ? b.build() : null;
    }

    /** Return the engine annotations of {@code type} (those marked {@link EngineAnnotation}); more than one is a problem. */
    static List<Annotation> engines(Class<?> type) {
        return Arrays.stream(type.getAnnotations())
                .filter(a -> a.annotationType().isAnnotationPresent(EngineAnnotation.class)).toList();
    }

    /** Return a builder holding what {@link Table} says: name, database, cluster and comment. */
    TableSpec.Builder named() {
        TableSpec.Builder b = TableSpec.builder(tableName());
        Table table = type.getAnnotation(Table.class);
        if (table != null) {
            b.database(table.database()).cluster(table.cluster()).comment(table.comment());
        }
        return b;
    }

    private String tableName() {
        Table table = type.getAnnotation(Table.class);
        if (table == null || table.name().isEmpty()) {
            return NameStyle.snakeCase(type.getSimpleName());
        }
        if (table.name().isBlank()) {
            problems.add("%s: @Table(name) is blank; give a name or leave it out to use '%s'.",
                    owner, NameStyle.snakeCase(type.getSimpleName()));
        }
        return table.name();
    }

    private void readEngine(Annotation a, TableSpec.Builder b, String cluster) {
        String name = a.annotationType().getSimpleName();
        EngineAnnotation engine = a.annotationType().getAnnotation(EngineAnnotation.class);
        List<String> args = new ArrayList<>();
        if (engine.replicated()) {
            readReplication(name, EngineClauses.replication(a), cluster, args);
        }
        if (engine.mergeTree()) {
            args.addAll(familyArguments(a));
            readClauses(EngineClauses.of(a), b, name);
        } else {
            args.addAll(specialArguments(a, name));
        }
        b.engine(new EngineSpec(name, args));
    }

    private void readReplication(String name, EngineClauses.Replication r, String cluster, List<String> args) {
        String path = r.zooPath().strip();
        String replica = r.replicaName().strip();
        if (path.isEmpty() != replica.isEmpty()) {
            problems.add("%s: @%s needs both zooPath and replicaName, or neither for the server defaults; set both,"
                    + " for example zooPath = \"/clickhouse/tables/{uuid}/{shard}\" and replicaName = \"{replica}\".",
                    owner, name);
        } else if (!path.isEmpty() && !path.contains("{")) {
            problems.add("%s: @%s zooPath '%s' has no macro, so tables and shards would share it; use macros such as"
                    + " '/clickhouse/tables/{uuid}/{shard}'.", owner, name, path);
        } else if (!replica.isEmpty() && !replica.contains("{") && !cluster.isEmpty()) {
            problems.add("%s: @%s replicaName '%s' has no macro, so every node of cluster '%s' would claim it;"
                    + " use '{replica}'.", owner, name, replica, cluster);
        }
        if (!path.isEmpty() && !replica.isEmpty()) {
            args.add(SqlLiterals.quoteString(path));
            args.add(SqlLiterals.quoteString(replica));
        }
    }

    /** The engine arguments of a MergeTree-family engine, read through each annotation's own attributes. */
    private List<String> familyArguments(Annotation a) {
        if (a instanceof ReplacingMergeTree e) {
            return replacing(e.version(), e.isDeleted());
        } else if (a instanceof ReplicatedReplacingMergeTree e) {
            return replacing(e.version(), e.isDeleted());
        } else if (a instanceof SummingMergeTree e) {
            return summing(e.columns());
        } else if (a instanceof ReplicatedSummingMergeTree e) {
            return summing(e.columns());
        } else if (a instanceof CollapsingMergeTree e) {
            return required("CollapsingMergeTree", "sign", e.sign());
        } else if (a instanceof ReplicatedCollapsingMergeTree e) {
            return required("CollapsingMergeTree", "sign", e.sign());
        } else if (a instanceof VersionedCollapsingMergeTree e) {
            return versionedCollapsing(e.sign(), e.version());
        } else if (a instanceof ReplicatedVersionedCollapsingMergeTree e) {
            return versionedCollapsing(e.sign(), e.version());
        } else if (a instanceof GraphiteMergeTree e) {
            return graphite(e.configSection());
        } else if (a instanceof ReplicatedGraphiteMergeTree e) {
            return graphite(e.configSection());
        }
        return List.of();
    }

    private List<String> replacing(String version, String isDeleted) {
        if (version.strip().isEmpty() && !isDeleted.strip().isEmpty()) {
            problems.add("%s: ReplacingMergeTree isDeleted '%s' needs a version column; set version too.",
                    owner, isDeleted.strip());
        }
        return nonEmpty(version.strip(), isDeleted.strip());
    }

    private static List<String> summing(String[] columns) {
        return columns.length == 0 ? List.of() : List.of("(" + String.join(", ", columns) + ")");
    }

    private List<String> versionedCollapsing(String sign, String version) {
        List<String> out = new ArrayList<>(required("VersionedCollapsingMergeTree", "sign", sign));
        out.addAll(required("VersionedCollapsingMergeTree", "version", version));
        return out;
    }

    private List<String> graphite(String configSection) {
        return required("GraphiteMergeTree", "configSection", configSection).stream()
                .map(SqlLiterals::quoteString).toList();
    }

    private List<String> required(String engine, String attributeName, String value) {
        if (value.strip().isEmpty()) {
            problems.add("%s: %s needs %s; name it in the annotation.", owner, engine, attributeName);
            return List.of();
        }
        return List.of(value.strip());
    }

    private void readClauses(EngineClauses c, TableSpec.Builder b, String engine) {
        b.orderBy(c.orderBy())
                .partitionBy(c.partitionBy().strip())
                .primaryKey(c.primaryKey())
                .sampleBy(c.sampleBy().strip())
                .ttl(c.ttl());
        Map<String, String> settings = new LinkedHashMap<>();
        for (Setting s : c.settings()) {
            if (settings.put(s.name(), s.value()) != null) {
                problems.add("%s: @%s sets '%s' twice; keep one @Setting.", owner, engine, s.name());
            }
        }
        b.settings(settings);
    }

    private List<String> specialArguments(Annotation a, String name) {
        if (a instanceof Distributed d) {
            return distributedArguments(d);
        } else if (a instanceof Buffer buf) {
            check(!buf.table().isBlank(), "%s: @Buffer needs the destination table; set table.", owner);
            return List.of(database(buf.database()), SqlLiterals.quoteString(buf.table()),
                    String.valueOf(buf.numLayers()), String.valueOf(buf.minTime()), String.valueOf(buf.maxTime()),
                    String.valueOf(buf.minRows()), String.valueOf(buf.maxRows()),
                    String.valueOf(buf.minBytes()), String.valueOf(buf.maxBytes()));
        } else if (a instanceof Merge m) {
            check(!m.regexp().isBlank(), "%s: @Merge needs a regexp naming the tables; set regexp.", owner);
            return List.of(database(m.database()), SqlLiterals.quoteString(m.regexp()));
        }
        return List.of();
    }

    private List<String> distributedArguments(Distributed d) {
        check(!d.cluster().isBlank(), "%s: @Distributed needs a cluster from the server's remote_servers; set cluster.",
                owner);
        check(!d.table().isBlank(), "%s: @Distributed needs the local table it reads; set table.", owner);
        check(d.policy().isBlank() || !d.shardingKey().isBlank(),
                "%s: @Distributed policy '%s' needs a shardingKey; set one, for example rand().", owner, d.policy());
        List<String> args = new ArrayList<>(List.of(SqlLiterals.quoteString(d.cluster()), database(d.database()),
                SqlLiterals.quoteString(d.table())));
        if (!d.shardingKey().isBlank()) {
            args.add(d.shardingKey());
        }
        if (!d.policy().isBlank()) {
            args.add(SqlLiterals.quoteString(d.policy()));
        }
        return args;
    }

    private static String database(String database) {
        return database.isBlank() ? "currentDatabase()" : SqlLiterals.quoteString(database);
    }

    private void readIndexes(TableSpec.Builder b) {
        Index[] indexes = type.getAnnotationsByType(Index.class);
        if (unique(indexes, Index::name, "index")) {
            Arrays.stream(indexes).forEach(i -> b.index(IndexSpec.of(i.name(), i.expression(), i.type(), i.granularity())));
        }
    }

    private void readConstraints(TableSpec.Builder b) {
        Check[] checks = type.getAnnotationsByType(Check.class);
        Assume[] assumes = type.getAnnotationsByType(Assume.class);
        List<ConstraintSpec> all = new ArrayList<>();
        Arrays.stream(checks).forEach(c -> all.add(ConstraintSpec.check(c.name(), c.expression())));
        Arrays.stream(assumes).forEach(c -> all.add(ConstraintSpec.assume(c.name(), c.expression())));
        if (unique(all.toArray(ConstraintSpec[]::new), ConstraintSpec::name, "constraint")) {
            b.constraints(all);
        }
    }

    private void readProjections(TableSpec.Builder b) {
        Projection[] projections = type.getAnnotationsByType(Projection.class);
        if (unique(projections, Projection::name, "projection")) {
            Arrays.stream(projections).forEach(p -> b.projection(ProjectionSpec.of(p.name(), p.query())));
        }
    }

    private <T> boolean unique(T[] items, Function<T, String> name, String what) {
        Set<String> seen = new HashSet<>();
        boolean ok = true;
        for (T item : items) {
            if (!seen.add(name.apply(item))) {
                problems.add("%s: two %s declarations are named '%s'; rename one.", owner, what, name.apply(item));
                ok = false;
            }
        }
        return ok;
    }

    private void check(boolean ok, String format, Object... args) {
        if (!ok) {
            problems.add(format, args);
        }
    }

    private static List<String> nonEmpty(String... values) {
        List<String> out = new ArrayList<>(Arrays.asList(values));
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
