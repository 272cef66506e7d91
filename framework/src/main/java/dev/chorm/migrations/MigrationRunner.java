package dev.chorm.migrations;

import dev.chorm.MigrationException;
import dev.chorm.migrations.operations.CreateModel;
import dev.chorm.migrations.operations.Operation;
import dev.chorm.migrations.operations.OperationContext;
import dev.chorm.migrations.operations.ProjectState;
import dev.chorm.schema.SchemaEditor;
import dev.chorm.schema.SqlExecutor;
import dev.chorm.schema.StorageProfiles;
import dev.chorm.schema.TableMapping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Apply or unapply one migration operation by operation, recording progress after every statement. */
final class MigrationRunner {
    private final SqlExecutor sql;
    private final MigrationRecorder recorder;
    private final MigrationLock lock;
    private final ClassLoader classLoader;
    private final BoundaryHook hook;
    private final ProgressListener listener;
    private final StorageProfiles profiles;

    MigrationRunner(SqlExecutor sql, MigrationRecorder recorder, MigrationLock lock, ClassLoader classLoader,
                    BoundaryHook hook, ProgressListener listener, StorageProfiles profiles) {
        this.profiles = profiles;
        this.sql = sql;
        this.recorder = recorder;
        this.lock = lock;
        this.classLoader = classLoader;
        this.hook = hook;
        this.listener = listener;
    }

    /** Run the operations of {@code step} forwards from where its record says, starting from {@code before}. */
    void applyForwards(PlanStep step, ProjectState before) {
        Migration m = step.migration();
        checkDirection(step);
        long started = System.nanoTime();
        listener.migrationStarting(m.key(), false, false);
        List<ProjectState> states = states(m, before);
        int skip = step.record() == null ? 0 : Math.toIntExact(step.record().step());
        for (int i = step.progress(); i < m.operations().size(); i++) {
            Operation op = m.operations().get(i);
            int index = i;
            run(m, i, false, i == step.progress(), skip, ProfileMappings.forOperation(profiles, m.app(), states, index),
                    ctx -> op.databaseForwards(ctx, states.get(index), states.get(index + 1)));
            if (i + 1 < m.operations().size()) {
                recorder.recordProgress(m, i + 1, 0, false);
            } else {
                recorder.recordApplied(m);
            }
            hook.reached(m.key(), false, i + 1, 0);
        }
        if (m.operations().isEmpty()) {
            recorder.recordApplied(m);
        }
        listener.migrationFinished(m.key(), false, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Undo the done operations of {@code step}, last first, starting from {@code before} (the state before the migration). */
    void applyBackwards(PlanStep step, ProjectState before) {
        Migration m = step.migration();
        checkDirection(step);
        checkReversible(m, step.progress());
        long started = System.nanoTime();
        listener.migrationStarting(m.key(), true, false);
        List<ProjectState> states = states(m, before);
        int skip = step.record() == null || !step.record().backwards() ? 0 : Math.toIntExact(step.record().step());
        for (int i = step.progress() - 1; i >= 0; i--) {
            Operation op = m.operations().get(i);
            int index = i;
            run(m, i, true, i == step.progress() - 1, skip, ProfileMappings.forOperation(profiles, m.app(), states, index),
                    ctx -> op.databaseBackwards(ctx, states.get(index + 1), states.get(index)));
            if (i > 0) {
                recorder.recordProgress(m, i, 0, true);
            } else {
                recorder.recordUnapplied(m);
            }
            hook.reached(m.key(), true, i, 0);
        }
        if (step.progress() == 0) {
            recorder.recordUnapplied(m);
        }
        listener.migrationFinished(m.key(), true, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Run operation {@code index} rendered through {@code mapping} (its model's storage profile);
     * when it is the {@code first} this run does of {@code m}, a stopped run may have been inside
     * it: skip the {@code recorded} statements it did (unless the operation finds its place
     * itself), and let the next one be issued so that it may run twice.
     */
    private void run(Migration m, int index, boolean backwards, boolean first, int recorded, TableMapping mapping,
                     java.util.function.Consumer<OperationContext> body) {
        Operation op = m.operations().get(index);
        lock.checkHeld();
        listener.operationStarting(m.key(), index, m.operations().size(), (backwards ? "Undo " : "") + op.describe());
        int progressAtStart = backwards ? index + 1 : index;
        int skip = first && !op.resumesItself() ? recorded : 0;
        ResumingSqlExecutor resuming = new ResumingSqlExecutor(sql, skip, first, done -> {
            recorder.recordProgress(m, progressAtStart, done, backwards);
            hook.reached(m.key(), backwards, progressAtStart, done);
        });
        OperationContext ctx = new OperationContext(m.app(), SchemaEditor.executing(resuming).withMapping(mapping), resuming, classLoader,
                (done, total, unit) -> listener.operationProgress(m.key(), index, done, total, unit));
        try {
            body.accept(ctx);
        } catch (RuntimeException e) {
            throw new MigrationException(("Migration %s failed at operation %d of %d (%s%s): %s%nFix the cause and run"
                    + " migrate again: it continues with this operation.").formatted(m.key(), index + 1,
                    m.operations().size(), backwards ? "undo " : "", op.describe(), e.getMessage()), e);
        }
    }

    /** Return the states before each operation and after the last: {@code states.get(i)} is the state before operation i. */
    static List<ProjectState> states(Migration m, ProjectState before) {
        List<ProjectState> states = new ArrayList<>();
        ProjectState state = before.copy();
        states.add(state.copy());
        for (Operation op : m.operations()) {
            op.stateForwards(m.app(), state);
            states.add(state.copy());
        }
        return states;
    }

    private static void checkDirection(PlanStep step) {
        MigrationRecord r = step.record();
        if (r != null && r.step() > 0 && r.backwards() != step.backwards()) {
            throw new MigrationException(("Migration %s stopped half-way through %s operation %d. Run migrate %s first"
                    + " to finish that operation, then migrate to where you want.").formatted(step.migration().key(),
                    r.backwards() ? "undoing" : "applying", r.backwards() ? r.progress() : r.progress() + 1,
                    r.backwards() ? "backwards to before " + step.migration().key() : "forwards through " + step.migration().key()));
        }
    }

    private static void checkReversible(Migration m, int progress) {
        for (int i = progress - 1; i >= 0; i--) {
            Operation op = m.operations().get(i);
            if (!op.isReversible()) {
                throw new MigrationException(("Migration %s cannot be unapplied: operation %d (%s) cannot be undone."
                        + " Give it a reverse (reverseSql for RunSQL, reversible for RunJava) or migrate to a later target.")
                        .formatted(m.key(), i + 1, op.describe()));
            }
        }
    }

    /** Return whether every table {@code m} creates exists already (fails when only some do). */
    boolean initialTablesExist(Migration m, ProjectState before) {
        List<String> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        SchemaEditor editor = SchemaEditor.executing(sql);
        for (Operation op : m.operations()) {
            if (op instanceof CreateModel c) {
                (editor.introspect(c.table()).isPresent() ? present : missing).add(c.table().name());
            }
        }
        if (!present.isEmpty() && !missing.isEmpty()) {
            throw new MigrationException("Cannot fake-apply %s: tables %s exist but %s do not. Create or drop them so that all or none exist."
                    .formatted(m.key(), present, missing));
        }
        return !present.isEmpty();
    }

    /** Record {@code step} as done without running it. */
    void fake(PlanStep step) {
        Migration m = step.migration();
        listener.migrationStarting(m.key(), step.backwards(), true);
        if (step.backwards()) {
            recorder.recordUnapplied(m);
        } else {
            recorder.recordApplied(m);
        }
        listener.migrationFinished(m.key(), step.backwards(), Duration.ZERO);
    }
}
