package dev.chorm.migrations;

import java.util.Objects;
import java.util.Set;

/**
 * Answer the autodetector from options, never guessing: a possible rename without an answer fails
 * with a message that names the ambiguity and the option to set.
 *
 * <p>Answers are written as in {@code -Dclickhouse.renames=...}: {@code events.Event.ip=address}
 * (field {@code ip} of model {@code Event} in app {@code events} became {@code address}),
 * {@code events.Event=FirewallEvent} (a model rename), or with {@code !=} for "not a rename"
 * ({@code events.Event.ip!=address}: drop {@code ip}, add {@code address}).
 */
public final class NonInteractiveQuestioner implements Questioner {
    private final Set<String> answers;
    private final boolean allowDataCopy;

    /**
     * Create a questioner.
     *
     * @param answers the rename answers, each {@code old=new} or {@code old!=new} (see the type's description)
     * @param allowDataCopy whether changes that rebuild a table (copying its rows) are allowed
     */
    public NonInteractiveQuestioner(Set<String> answers, boolean allowDataCopy) {
        this.answers = Set.copyOf(Objects.requireNonNull(answers, "answers == null"));
        this.allowDataCopy = allowDataCopy;
    }

    @Override
    public boolean askRenameModel(String app, String oldName, String newName) {
        return answer("%s.%s".formatted(app, oldName), newName,
                "Model %s.%s was removed and model %s added with the same table definition. Did you rename it?"
                        .formatted(app, oldName, newName));
    }

    @Override
    public boolean askRenameField(String app, String model, String oldName, String newName) {
        return answer("%s.%s.%s".formatted(app, model, oldName), newName,
                "Field %s.%s.%s was removed and field %s added with the same definition. Did you rename it?"
                        .formatted(app, model, oldName, newName));
    }

    private boolean answer(String old, String newName, String question) {
        if (answers.contains(old + "=" + newName)) {
            return true;
        }
        if (answers.contains(old + "!=" + newName)) {
            return false;
        }
        throw new MigrationException(("%s Set -Dclickhouse.renames=%s=%s to rename it (keeping its data), or"
                + " -Dclickhouse.renames=%s!=%s to drop the old one and add the new one.")
                .formatted(question, old, newName, old, newName));
    }

    @Override
    public boolean askDataCopy(String app, String model, String reason) {
        if (!allowDataCopy) {
            throw new MigrationException(("Model %s.%s %s, which ClickHouse cannot ALTER: the table must be rebuilt,"
                    + " copying every row. Set -Dclickhouse.allowDataCopy=true to write that migration.")
                    .formatted(app, model, reason));
        }
        return true;
    }
}
