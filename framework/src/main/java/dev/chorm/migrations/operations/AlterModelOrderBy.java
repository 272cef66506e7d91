package dev.chorm.migrations.operations;

import dev.chorm.model.TableSpec;
import java.util.List;
import java.util.Objects;

/**
 * Extend a model's sorting key with newly added columns ({@code ALTER TABLE ... ADD COLUMN ...,
 * MODIFY ORDER BY ...} in one statement, the only form ClickHouse accepts). The primary key stays
 * what it was. Any other sorting key change needs a rebuild ({@link AlterModelEngine}).
 *
 * @param model the model name
 * @param orderBy the new sorting key expressions
 * @param addFields the columns added in the same statement, which the new key expressions use
 */
public record AlterModelOrderBy(String model, List<String> orderBy, List<AddField> addFields) implements Operation {
    /** Check the parts and copy the lists. */
    public AlterModelOrderBy {
        Objects.requireNonNull(model, "model == null");
        orderBy = List.copyOf(orderBy);
        addFields = List.copyOf(addFields);
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        addFields.forEach(f -> f.stateForwards(app, state));
        TableSpec table = state.model(app, model);
        // The primary key stays what it was, so it is written out once the sorting key differs from it.
        state.putModel(app, model, table.toBuilder().primaryKey(table.effectivePrimaryKey()).orderBy(orderBy).build());
    }

    @Override
    public void databaseForwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().addColumnsWithOrderBy(from.model(context.app(), model),
                addFields.stream().map(AddField::field).toList(), addFields.stream().map(AddField::after).toList(),
                to.model(context.app(), model).orderBy());
    }

    @Override
    public void databaseBackwards(OperationContext context, ProjectState from, ProjectState to) {
        TableSpec after = from.model(context.app(), model);
        context.editor().modifyOrderBy(after, to.model(context.app(), model).orderBy());
        for (int i = addFields.size() - 1; i >= 0; i--) {
            context.editor().dropColumn(after, addFields.get(i).field().name());
        }
    }

    @Override
    public String describe() {
        return "Alter sorting key of %s to (%s)".formatted(model, String.join(", ", orderBy));
    }
}
