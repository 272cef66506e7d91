package dev.chorm.migrations;

import dev.chorm.MigrationException;
import dev.chorm.migrations.operations.AddConstraint;
import dev.chorm.migrations.operations.AddField;
import dev.chorm.migrations.operations.AddIndex;
import dev.chorm.migrations.operations.AddProjection;
import dev.chorm.migrations.operations.AlterDictionary;
import dev.chorm.migrations.operations.AlterField;
import dev.chorm.migrations.operations.AlterModelComment;
import dev.chorm.migrations.operations.AlterModelEngine;
import dev.chorm.migrations.operations.AlterModelOrderBy;
import dev.chorm.migrations.operations.AlterModelSettings;
import dev.chorm.migrations.operations.AlterModelTable;
import dev.chorm.migrations.operations.AlterModelTtl;
import dev.chorm.migrations.operations.Operation;
import dev.chorm.migrations.operations.ProjectState;
import dev.chorm.migrations.operations.RemoveConstraint;
import dev.chorm.migrations.operations.RemoveField;
import dev.chorm.migrations.operations.RemoveIndex;
import dev.chorm.migrations.operations.RemoveProjection;
import dev.chorm.migrations.operations.RenameField;
import dev.chorm.migrations.operations.RenameIndex;
import dev.chorm.model.ColumnSpec;
import dev.chorm.model.ConstraintSpec;
import dev.chorm.model.IndexSpec;
import dev.chorm.model.ProjectionSpec;
import dev.chorm.model.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Compute the operations that turn one model's table into another, in an order ClickHouse accepts. */
final class ModelDiff {
    /** MergeTree settings that ClickHouse refuses to change after the table is created. */
    static final Set<String> READONLY_SETTINGS = Set.of("index_granularity", "index_granularity_bytes",
            "enable_mixed_granularity_parts", "min_index_granularity_bytes");

    private final String app;
    private final String model;
    private TableSpec before;
    private TableSpec after;
    private final Questioner questioner;
    private final List<Operation> ops = new ArrayList<>();

    ModelDiff(String app, String model, TableSpec before, TableSpec after, Questioner questioner) {
        this.app = app;
        this.model = model;
        this.before = before;
        this.after = after;
        this.questioner = questioner;
    }

    List<Operation> operations() {
        checkLocation();
        if (before.isDictionary() || after.isDictionary()) {
            return dictionaryOperations();
        }
        if (before.isView() || after.isView()) {
            return ViewDiff.operations(app, model, before, after);
        }
        if (!before.name().equals(after.name())) {
            add(new AlterModelTable(model, after.name()));
        }
        detectFieldRenames();
        after = RebuildCheck.keepingRecordedPrimaryKey(before, after);
        RebuildCheck check = new RebuildCheck(before, after);
        String rebuild = check.reason();
        if (rebuild != null) {
            if (questioner.askDataCopy(app, model, rebuild, check.alternative())) {
                add(new AlterModelEngine(model, after, true));
            }
            return ops;
        }
        removeParts();
        before.columns().stream().filter(c -> after.column(c.name()).isEmpty())
                .forEach(c -> add(new RemoveField(model, c.name())));
        addFields();
        after.columns().stream().filter(c -> before.column(c.name()).filter(b -> !b.equals(c)).isPresent())
                .forEach(c -> add(new AlterField(model, c)));
        addParts();
        alterTableOptions();
        return ops;
    }

    /** A dictionary holds no data of its own: any change is one CREATE OR REPLACE, never column ALTERs. */
    private List<Operation> dictionaryOperations() {
        if (before.isDictionary() != after.isDictionary()) {
            throw new MigrationException(("Model %s.%s changes from a %s to a %s; chorm cannot migrate that in place."
                    + " Give the new one another model name (the old one is dropped, the new one created).")
                    .formatted(app, model, ViewDiff.kind(before), ViewDiff.kind(after)));
        }
        if (!before.equals(after)) {
            add(new AlterDictionary(model, after));
        }
        return ops;
    }

    private void add(Operation op) {
        ops.add(op);
        ProjectState state = new ProjectState();
        state.putModel(app, model, before);
        op.stateForwards(app, state);
        before = state.model(app, model);
    }

    private void checkLocation() {
        if (!before.database().equals(after.database()) || !before.cluster().equals(after.cluster())) {
            throw new MigrationException(("Model %s.%s moves from database '%s' cluster '%s' to database '%s' cluster '%s'."
                    + " chorm cannot migrate that; add a new model for the new location and a RunSQL migration that copies the data.")
                    .formatted(app, model, before.database(), before.cluster(), after.database(), after.cluster()));
        }
    }

    private void detectFieldRenames() {
        for (ColumnSpec added : after.columns()) {
            if (before.column(added.name()).isPresent()) {
                continue;
            }
            for (ColumnSpec removed : before.columns()) {
                if (after.column(removed.name()).isEmpty() && removed.toBuilder().name(added.name()).build().equals(added)
                        && questioner.askRenameField(app, model, removed.name(), added.name())) {
                    add(new RenameField(model, removed.name(), added.name()));
                    break;
                }
            }
        }
    }

    private void removeParts() {
        for (IndexSpec i : before.indexes()) {
            if (!after.indexes().contains(i)) {
                IndexSpec renamed = after.indexes().stream().filter(a -> before.indexes().stream()
                        .noneMatch(b -> b.name().equals(a.name())) && sameIndexExceptName(a, i)).findFirst().orElse(null);
                add(renamed != null ? new RenameIndex(model, i.name(), renamed.name()) : new RemoveIndex(model, i.name()));
            }
        }
        for (ConstraintSpec c : before.constraints()) {
            if (!after.constraints().contains(c)) {
                add(new RemoveConstraint(model, c.name()));
            }
        }
        for (ProjectionSpec p : before.projections()) {
            if (!after.projections().contains(p)) {
                add(new RemoveProjection(model, p.name()));
            }
        }
    }

    private static boolean sameIndexExceptName(IndexSpec a, IndexSpec b) {
        return a.expression().equals(b.expression()) && a.type().equals(b.type()) && a.granularity() == b.granularity();
    }

    /** Add new columns: those the extended sorting key uses in one AlterModelOrderBy, the others one by one. */
    private void addFields() {
        List<String> keyed = RebuildCheck.appendedKeyColumns(before, after);
        List<AddField> keyFields = new ArrayList<>();
        for (ColumnSpec c : after.columns()) {
            if (keyed.contains(c.name())) {
                keyFields.add(new AddField(model, c, previousPresent(c.name(), keyFields)));
            }
        }
        if (!keyFields.isEmpty() || !after.orderBy().equals(before.orderBy())) {
            add(new AlterModelOrderBy(model, after.orderBy(), keyFields));
        }
        for (int i = 0; i < after.columns().size(); i++) {
            ColumnSpec c = after.columns().get(i);
            if (before.column(c.name()).isEmpty()) {
                add(new AddField(model, c, i == 0 ? "" : after.columns().get(i - 1).name()));
            }
        }
    }

    /** Return the nearest column before {@code name} in the new table that exists already or is added earlier. */
    private String previousPresent(String name, List<AddField> earlier) {
        int at = after.columns().indexOf(after.column(name).orElseThrow());
        for (int i = at - 1; i >= 0; i--) {
            String candidate = after.columns().get(i).name();
            if (before.column(candidate).isPresent() || earlier.stream().anyMatch(f -> f.field().name().equals(candidate))) {
                return candidate;
            }
        }
        return "";
    }

    private void addParts() {
        after.indexes().stream().filter(i -> !before.indexes().contains(i)).forEach(i -> add(new AddIndex(model, i)));
        after.constraints().stream().filter(c -> !before.constraints().contains(c))
                .forEach(c -> add(new AddConstraint(model, c)));
        after.projections().stream().filter(p -> !before.projections().contains(p))
                .forEach(p -> add(new AddProjection(model, p)));
    }

    private void alterTableOptions() {
        if (!before.ttl().equals(after.ttl())) {
            add(new AlterModelTtl(model, after.ttl()));
        }
        if (!before.settings().equals(after.settings())) {
            add(new AlterModelSettings(model, after.settings()));
        }
        if (!before.comment().equals(after.comment())) {
            add(new AlterModelComment(model, after.comment()));
        }
    }
}
