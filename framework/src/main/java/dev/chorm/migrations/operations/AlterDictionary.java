package dev.chorm.migrations.operations;

import dev.chorm.model.TableSpec;
import java.util.Objects;

/**
 * Change a dictionary to {@code table} in one statement, {@code CREATE OR REPLACE DICTIONARY}: the
 * engine swaps the new definition in, so no query finds the dictionary missing, and the new one loads
 * its rows from the source on first use. Backwards replaces it with the previous definition. Only a
 * new name cannot be replaced in place: then the old dictionary is dropped and the new one created.
 *
 * @param model the model name
 * @param table the complete new dictionary
 */
public record AlterDictionary(String model, TableSpec table) implements TableChange {
    /** Check the parts. */
    public AlterDictionary {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(table, "table == null");
        if (!table.isDictionary()) {
            throw new IllegalArgumentException("AlterDictionary needs a dictionary, found table " + table.name());
        }
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        state.replaceModel(app, model, table);
    }

    @Override
    public void changeTable(OperationContext context, TableSpec before, TableSpec after) {
        if (before.name().equals(after.name())) {
            context.editor().replaceDictionary(after);
        } else {
            context.editor().dropTable(before);
            context.editor().createTable(after);
        }
    }

    @Override
    public String describe() {
        return "Replace dictionary %s (%s) with CREATE OR REPLACE DICTIONARY".formatted(model, table.name());
    }
}
