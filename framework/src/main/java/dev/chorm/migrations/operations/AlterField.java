package dev.chorm.migrations.operations;

import dev.chorm.model.ColumnSpec;
import dev.chorm.model.DefaultKind;
import dev.chorm.model.TableSpec;
import dev.chorm.schema.SchemaEditor;
import java.util.Objects;

/**
 * Change a column's type, default, codec, comment or TTL ({@code MODIFY COLUMN}, plus
 * {@code MODIFY COLUMN ... REMOVE ...} for each property the new definition drops). A type change
 * rewrites data as a mutation; the operation waits for it and reports the parts done.
 *
 * @param model the model name
 * @param field the column's new definition (its name picks the column)
 */
public record AlterField(String model, ColumnSpec field) implements Operation {
    /** Check the parts. */
    public AlterField {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(field, "field == null");
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        state.putModel(app, model, Columns.replace(state.model(app, model), field.name(), field));
    }

    @Override
    public void databaseForwards(OperationContext context, ProjectState from, ProjectState to) {
        alter(context, from.model(context.app(), model), to.model(context.app(), model));
    }

    @Override
    public void databaseBackwards(OperationContext context, ProjectState from, ProjectState to) {
        alter(context, from.model(context.app(), model), to.model(context.app(), model));
    }

    private void alter(OperationContext context, TableSpec before, TableSpec after) {
        ColumnSpec old = Columns.get(before, field.name());
        ColumnSpec target = Columns.get(after, field.name());
        SchemaEditor editor = context.editor();
        if (old.defaultKind() != DefaultKind.NONE && old.defaultKind() != target.defaultKind()) {
            editor.removeColumnProperty(before, old.name(), old.defaultKind().keyword());
        }
        removeIfDropped(editor, before, old.name(), old.codec(), target.codec(), "CODEC");
        removeIfDropped(editor, before, old.name(), old.comment(), target.comment(), "COMMENT");
        removeIfDropped(editor, before, old.name(), old.ttl(), target.ttl(), "TTL");
        if (needsModify(old, target)) {
            editor.modifyColumnInBackground(before, target);
            context.awaitMutations(before);
        }
    }

    private static void removeIfDropped(SchemaEditor editor, TableSpec table, String column, String old, String target,
                                        String property) {
        if (!old.isEmpty() && target.isEmpty()) {
            editor.removeColumnProperty(table, column, property);
        }
    }

    private static boolean needsModify(ColumnSpec old, ColumnSpec target) {
        return !old.type().equals(target.type())
                || target.defaultKind() != DefaultKind.NONE && (old.defaultKind() != target.defaultKind()
                        || !old.defaultExpression().equals(target.defaultExpression()))
                || changedToNonEmpty(old.codec(), target.codec())
                || changedToNonEmpty(old.comment(), target.comment())
                || changedToNonEmpty(old.ttl(), target.ttl());
    }

    private static boolean changedToNonEmpty(String old, String target) {
        return !target.isEmpty() && !target.equals(old);
    }

    @Override
    public String describe() {
        return "Alter field %s on %s".formatted(field.name(), model);
    }
}
