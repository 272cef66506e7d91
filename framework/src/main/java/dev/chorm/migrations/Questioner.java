package dev.chorm.migrations;

/**
 * Answer the questions the autodetector cannot decide alone: was a model or a field renamed (or
 * dropped and another added), and may a change that needs a table rebuild copy the table's data.
 *
 * <p>{@link NonInteractiveQuestioner} takes the answers from options and fails, naming the option,
 * when one is missing; a Maven goal may implement this interface with a prompt instead.
 */
public interface Questioner {
    /** Return whether model {@code oldName} of {@code app} was renamed to {@code newName}. */
    boolean askRenameModel(String app, String oldName, String newName);

    /** Return whether field {@code oldName} of {@code app.model} was renamed to {@code newName}. */
    boolean askRenameField(String app, String model, String oldName, String newName);

    /** Return whether the table of {@code app.model} may be rebuilt (its rows copied) because {@code reason}. */
    boolean askDataCopy(String app, String model, String reason);

    /**
     * Return whether the table of {@code app.model} may be rebuilt because {@code reason}, when a change
     * to the model would avoid the rebuild; {@code alternative} says which. By default the alternative is
     * not shown.
     */
    default boolean askDataCopy(String app, String model, String reason, String alternative) {
        return askDataCopy(app, model, reason);
    }
}
