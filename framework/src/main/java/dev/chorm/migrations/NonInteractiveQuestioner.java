package dev.chorm.migrations;

import dev.chorm.MigrationException;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
                        .formatted(app, oldName, newName), "delete model %s and create %s".formatted(oldName, newName));
    }

    @Override
    public boolean askRenameField(String app, String model, String oldName, String newName) {
        return answer("%s.%s.%s".formatted(app, model, oldName), newName,
                "Field %s.%s.%s was removed and field %s added with the same definition. Did you rename it?"
                        .formatted(app, model, oldName, newName), "drop %s and add %s".formatted(oldName, newName));
    }

    private boolean answer(String old, String newName, String question, String notRename) {
        if (answers.contains(old + "=" + newName)) {
            return true;
        }
        if (answers.contains(old + "!=" + newName)) {
            return false;
        }
        throw new MigrationException("%s To rename it (keeping its data), run with -Dclickhouse.renames=%s; to %s, run with -Dclickhouse.renames=%s"
                .formatted(question, optionValue(old + "=" + newName), notRename, optionValue(old + "!=" + newName)));
    }

    /** Return the whole option value that answers with {@code answer}: the answers given so far plus it, sorted. */
    private String optionValue(String answer) {
        return Stream.concat(answers.stream(), Stream.of(answer)).sorted().collect(Collectors.joining(","));
    }

    @Override
    public boolean askDataCopy(String app, String model, String reason) {
        return askDataCopy(app, model, reason, "");
    }

    @Override
    public boolean askDataCopy(String app, String model, String reason, String alternative) {
        if (!allowDataCopy) {
            throw new MigrationException(("Model %s.%s %s, which ClickHouse cannot ALTER: the table must be rebuilt,"
                    + " copying every row. Set -Dclickhouse.allowDataCopy=true to write that migration%s.")
                    .formatted(app, model, reason, alternative.isEmpty() ? "" : ", or " + alternative));
        }
        return true;
    }
}
