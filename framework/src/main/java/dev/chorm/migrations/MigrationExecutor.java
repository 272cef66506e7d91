package dev.chorm.migrations;

import dev.chorm.MigrationException;
import dev.chorm.ModelDefinitionException;
import dev.chorm.migrations.operations.Operation;
import dev.chorm.migrations.operations.OperationContext;
import dev.chorm.migrations.operations.ProjectState;
import dev.chorm.schema.SchemaEditor;
import dev.chorm.schema.SqlExecutor;
import dev.chorm.schema.StorageProfile;
import dev.chorm.schema.StorageProfiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Plan and apply migrations: to every app's latest migration or to a target (forwards or
 * backwards, or zero), for real, fake or fake-initial, under the migration lock, verifying the
 * checksums of applied migrations and resuming a run that stopped part-way. In collect mode it
 * returns the SQL a migration would run ({@code sqlmigrate}).
 *
 * <pre>{@code
 * MigrationExecutor executor = MigrationExecutor.builder(db.executor(), graph).build();
 * executor.migrate(MigrateOptions.to("events/0002").withListener(ProgressListener.printing(System.out::println)));
 * }</pre>
 */
public final class MigrationExecutor {
    /** How long migrate waits for another run's lock unless told otherwise: longer than the stale limit, so a dead holder's lock is broken in time. */
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(5);
    /** After how long without heartbeat a lock held from another host counts as left by a dead run, unless told otherwise. */
    public static final Duration DEFAULT_LOCK_STALE_AFTER = Duration.ofMinutes(2);
    private final SqlExecutor sql;
    private final MigrationGraph graph;
    private final MigrationRecorder recorder;
    private final Builder settings;

    private MigrationExecutor(Builder b) {
        this.sql = b.sql;
        this.graph = b.graph;
        this.recorder = new MigrationRecorder(b.sql, b.database, b.cluster);
        this.settings = b;
    }

    /** Return a builder for an executor that runs {@code graph}'s migrations through {@code sql}. */
    public static Builder builder(SqlExecutor sql, MigrationGraph graph) {
        return new Builder(sql, graph);
    }

    /** Return the recorder of the history table. */
    public MigrationRecorder recorder() {
        return recorder;
    }

    /** Return the steps that {@code options}' targets need, without running anything. */
    public MigrationPlan migrationPlan(MigrateOptions options) {
        return new MigrationPlanner(graph, recorder.records()).plan(targets(options));
    }

    /** Apply the plan for {@code options} under the migration lock and return what was done. */
    public MigrateResult migrate(MigrateOptions options) {
        recorder.ensureSchema();
        MigrationLock lock = new MigrationLock(sql, settings.database, settings.cluster, settings.lockStaleAfter);
        lock.acquire(settings.lockWait, options.listener());
        try {
            SortedMap<MigrationKey, MigrationRecord> records = recorder.records();
            verifyChecksums(records);
            MigrationPlan plan = new MigrationPlanner(graph, records).plan(targets(options));
            return execute(plan, options, lock);
        } finally {
            lock.release();
        }
    }

    private MigrateResult execute(MigrationPlan plan, MigrateOptions options, MigrationLock lock) {
        checkOptIns(plan);
        checkProfiles(plan);
        MigrationRunner runner = new MigrationRunner(sql, recorder, lock, settings.classLoader, settings.hook,
                options.listener(), settings.profiles);
        List<MigrationKey> applied = new ArrayList<>();
        List<MigrationKey> unapplied = new ArrayList<>();
        List<MigrationKey> faked = new ArrayList<>();
        for (PlanStep step : plan.steps()) {
            ProjectState before = stateBefore(step.migration());
            if (options.fake() || !step.backwards() && options.fakeInitial() && step.migration().initial()
                    && step.record() == null && runner.initialTablesExist(step.migration(), before)) {
                runner.fake(step);
                faked.add(step.migration().key());
            } else if (step.backwards()) {
                runner.applyBackwards(step, before);
                unapplied.add(step.migration().key());
            } else {
                runner.applyForwards(step, before);
                applied.add(step.migration().key());
            }
        }
        return new MigrateResult(applied, unapplied, faked);
    }

    /**
     * Return the SQL that applying (or, with {@code backwards}, unapplying) {@code key} runs, rendered for
     * the executor's storage profiles, without touching the database.
     */
    public List<String> collectSql(MigrationKey key, boolean backwards) {
        Migration m = graph.migration(key);
        List<ProjectState> states = MigrationRunner.states(m, stateBefore(m));
        SchemaEditor editor = SchemaEditor.collecting();
        for (int i = 0; i < m.operations().size(); i++) {
            int at = backwards ? m.operations().size() - 1 - i : i;
            Operation op = m.operations().get(at);
            OperationContext ctx = OperationContext.collecting(m.app(), editor.withMapping(
                    ProfileMappings.forOperation(settings.profiles, m.app(), states, at)));
            if (backwards && !op.isReversible()) {
                throw new MigrationException("Migration %s cannot be unapplied: operation %d (%s) cannot be undone."
                        .formatted(key, at + 1, op.describe()));
            }
            editor.execute("-- " + (backwards ? "Undo " : "") + op.describe());
            if (backwards) {
                op.databaseBackwards(ctx, states.get(at + 1), states.get(at));
            } else {
                op.databaseForwards(ctx, states.get(at), states.get(at + 1));
            }
        }
        return editor.collectedStatements();
    }

    /** Return the status of every migration, apps sorted, each app's migrations in name order. */
    public List<MigrationStatus> showMigrations() {
        Map<MigrationKey, MigrationRecord> records = recorder.records();
        List<MigrationStatus> out = new ArrayList<>();
        for (Migration m : graph.migrations()) {
            MigrationRecord r = records.get(m.key());
            out.add(new MigrationStatus(m.key(), r != null && r.applied(), r == null ? 0 : Math.toIntExact(r.progress()),
                    m.operations().size(), r == null ? null : r.appliedAt(), r != null && r.isPartial()));
        }
        return out;
    }

    /** Return the project state just before {@code m}: all it depends on, applied. */
    ProjectState stateBefore(Migration m) {
        List<MigrationKey> ancestors = new ArrayList<>(graph.forwardsPlan(m.key()));
        ancestors.remove(m.key());
        return graph.projectState(ancestors);
    }

    private List<MigrationTarget> targets(MigrateOptions options) {
        if (options.targets().isEmpty()) {
            return graph.leaves().stream().map(k -> new MigrationTarget(k.app(), k)).toList();
        }
        return options.targets().stream().map(t -> MigrationTarget.resolve(graph, t)).toList();
    }

    private void verifyChecksums(Map<MigrationKey, MigrationRecord> records) {
        for (MigrationRecord r : records.values()) {
            Migration m = graph.find(r.key()).orElse(null);
            if (m == null) {
                continue;
            }
            int started = r.applied() ? m.operations().size() : r.startedOperations();
            boolean same = r.applied() ? m.checksum().equals(r.checksum())
                    : started <= m.operations().size() && m.checksumOfFirst(started).equals(r.prefixChecksum());
            if (!same) {
                throw new MigrationException("Migration %s was changed after it was applied%s. Revert the file or add a new migration."
                        .formatted(m.key(), m.source().isEmpty() ? "" : " (" + m.source() + ")"));
            }
        }
    }

    /** Refuse, before any SQL is sent, a plan that leaves a model its storage profile cannot render. */
    private void checkProfiles(MigrationPlan plan) {
        if (!settings.profiles.uses(dev.chorm.schema.StorageProfile.SINGLE_NODE)) {
            return; // models as declared: nothing to map, and no replay of every step's states
        }
        for (PlanStep step : plan.steps()) {
            if (!step.backwards()) {
                List<ProjectState> states = MigrationRunner.states(step.migration(), stateBefore(step.migration()));
                List<String> problems = ProfileMappings.problems(settings.profiles, states.get(states.size() - 1));
                if (!problems.isEmpty()) {
                    throw new ModelDefinitionException(String.join("\n", problems));
                }
            }
        }
    }

    private static void checkOptIns(MigrationPlan plan) {
        for (PlanStep step : plan.steps()) {
            List<Operation> ops = step.migration().operations();
            for (int i = 0; i < ops.size(); i++) {
                if (ops.get(i).needsDataCopyOptIn()) {
                    throw new MigrationException(("Migration %s, operation %d (%s) copies every row of the table and is not"
                            + " allowed to. Review it, then set \"allowDataCopy\": true on that operation.")
                            .formatted(step.migration().key(), i + 1, ops.get(i).describe()));
                }
            }
        }
    }

    /** Configure a {@link MigrationExecutor}. */
    public static final class Builder {
        private final SqlExecutor sql;
        private final MigrationGraph graph;
        private String database = "";
        private String cluster = "";
        private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        private Duration lockWait = DEFAULT_LOCK_WAIT;
        private Duration lockStaleAfter = DEFAULT_LOCK_STALE_AFTER;
        private BoundaryHook hook = BoundaryHook.NONE;
        private StorageProfiles profiles = StorageProfiles.of(StorageProfile.CLUSTER, "as declared");

        private Builder(SqlExecutor sql, MigrationGraph graph) {
            this.sql = Objects.requireNonNull(sql, "sql == null");
            this.graph = Objects.requireNonNull(graph, "graph == null");
        }

        /** Set the database of the history and lock tables (default: the connection's current one). */
        public Builder database(String database) {
            this.database = database == null ? "" : database;
            return this;
        }

        /** Set the migration cluster: the history table becomes replicated and is created ON CLUSTER. */
        public Builder cluster(String cluster) {
            this.cluster = cluster == null ? "" : cluster;
            return this;
        }

        /** Set the project class loader, for RunJava operations. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /** Set how long to wait for another run's migration lock (default 5 minutes). */
        public Builder lockWait(Duration lockWait) {
            this.lockWait = lockWait;
            return this;
        }

        /** Set after how long without heartbeat a lock counts as left by a dead run (default 2 minutes). */
        public Builder lockStaleAfter(Duration staleAfter) {
            this.lockStaleAfter = staleAfter;
            return this;
        }

        /** Set a hook called at every recorded boundary (tests use it to simulate a killed run). */
        public Builder boundaryHook(BoundaryHook hook) {
            this.hook = hook == null ? BoundaryHook.NONE : hook;
            return this;
        }

        /** Set the storage profiles the migrations' tables are rendered for (default: as declared). */
        public Builder profiles(StorageProfiles profiles) {
            this.profiles = Objects.requireNonNull(profiles, "profiles == null");
            return this;
        }

        /** Return the executor. */
        public MigrationExecutor build() {
            return new MigrationExecutor(this);
        }
    }
}
