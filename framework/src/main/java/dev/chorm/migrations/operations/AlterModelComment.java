package dev.chorm.migrations.operations;

import java.util.Objects;

/**
 * Set a model's table comment ({@code MODIFY COMMENT}).
 *
 * @param model the model name
 * @param comment the new comment; empty for none
 */
public record AlterModelComment(String model, String comment) implements Operation {
    /** Check the parts. */
    public AlterModelComment {
        Objects.requireNonNull(model, "model == null");
        comment = comment == null ? "" : comment;
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        state.putModel(app, model, state.model(app, model).toBuilder().comment(comment).build());
    }

    @Override
    public void databaseForwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().modifyComment(from.model(context.app(), model), comment);
    }

    @Override
    public void databaseBackwards(OperationContext context, ProjectState from, ProjectState to) {
        context.editor().modifyComment(from.model(context.app(), model), to.model(context.app(), model).comment());
    }

    @Override
    public String describe() {
        return "Alter comment of " + model;
    }
}
