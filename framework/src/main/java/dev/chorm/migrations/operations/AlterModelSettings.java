package dev.chorm.migrations.operations;

import dev.chorm.model.TableSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Set a model's table settings to exactly {@code settings}: {@code MODIFY SETTING} for new and
 * changed ones, {@code RESET SETTING} for those no longer listed.
 *
 * @param model the model name
 * @param settings the complete new settings, name to SQL value
 */
public record AlterModelSettings(String model, Map<String, String> settings) implements TableChange {
    /** Check the parts and copy the settings, keeping their order. */
    public AlterModelSettings {
        Objects.requireNonNull(model, "model == null");
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        state.putModel(app, model, state.model(app, model).toBuilder().settings(settings).build());
    }

    @Override
    public void changeTable(OperationContext context, TableSpec before, TableSpec after) {
        Map<String, String> modified = new LinkedHashMap<>();
        after.settings().forEach((k, v) -> {
            if (!v.equals(before.settings().get(k))) {
                modified.put(k, v);
            }
        });
        List<String> reset = new ArrayList<>();
        before.settings().keySet().stream().filter(k -> !after.settings().containsKey(k)).forEach(reset::add);
        if (!modified.isEmpty()) {
            context.editor().modifySettings(before, modified);
        }
        if (!reset.isEmpty()) {
            context.editor().resetSettings(before, reset);
        }
    }

    @Override
    public String describe() {
        return "Alter settings of " + model;
    }
}
