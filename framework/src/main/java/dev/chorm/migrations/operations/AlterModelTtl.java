package dev.chorm.migrations.operations;

import dev.chorm.model.TableSpec;
import java.util.List;
import java.util.Objects;

/**
 * Replace a model's table TTL rules ({@code MODIFY TTL}, or {@code REMOVE TTL} for none); the
 * operation waits for the mutation that applies the new rules to existing parts.
 *
 * @param model the model name
 * @param ttl the new TTL rules; empty for none
 */
public record AlterModelTtl(String model, List<String> ttl) implements TableChange {
    /** Check the parts and copy the list. */
    public AlterModelTtl {
        Objects.requireNonNull(model, "model == null");
        ttl = List.copyOf(ttl);
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        state.putModel(app, model, state.model(app, model).toBuilder().ttl(ttl).build());
    }

    @Override
    public void changeTable(OperationContext context, TableSpec before, TableSpec after) {
        if (after.ttl().isEmpty()) {
            context.editor().removeTtl(before);
        } else {
            context.editor().modifyTtlInBackground(before, after.ttl());
            context.awaitMutations(before);
        }
    }

    @Override
    public String describe() {
        return ttl.isEmpty() ? "Remove TTL of " + model : "Alter TTL of " + model;
    }
}
