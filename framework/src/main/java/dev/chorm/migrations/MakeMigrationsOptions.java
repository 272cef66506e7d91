package dev.chorm.migrations;

import java.util.List;
import java.util.Set;

/**
 * Say what {@code makemigrations} should do.
 *
 * @param apps the apps to write migrations for; empty for every app
 * @param name the name after the number (for example {@code add_notes}); empty for a name derived from the operations
 * @param check whether to only report unmigrated changes, writing nothing (for CI)
 * @param empty whether to write an empty migration for each of {@code apps}, to fill in by hand (RunSQL, RunJava)
 * @param merge whether to write a merge migration for each app with two leaf migrations
 * @param renames the rename answers, as {@link NonInteractiveQuestioner} reads them
 * @param allowDataCopy whether changes that need a table rebuild (copying its rows) may be written
 * @param questioner the questioner to ask instead of a {@link NonInteractiveQuestioner}, or null
 */
public record MakeMigrationsOptions(List<String> apps, String name, boolean check, boolean empty, boolean merge,
                                    Set<String> renames, boolean allowDataCopy, Questioner questioner) {
    /** Copy the collections and default the absent parts. */
    public MakeMigrationsOptions {
        apps = apps == null ? List.of() : List.copyOf(apps);
        name = name == null ? "" : name.strip();
        renames = renames == null ? Set.of() : Set.copyOf(renames);
    }

    /** Return the options of a plain run: every app, derived names, no renames, no rebuilds. */
    public static MakeMigrationsOptions defaults() {
        return new MakeMigrationsOptions(List.of(), "", false, false, false, Set.of(), false, null);
    }

    /** Return a copy limited to {@code apps}. */
    public MakeMigrationsOptions withApps(String... apps) {
        return new MakeMigrationsOptions(List.of(apps), name, check, empty, merge, renames, allowDataCopy, questioner);
    }

    /** Return a copy that names the new migrations {@code NNNN_name}. */
    public MakeMigrationsOptions withName(String name) {
        return new MakeMigrationsOptions(apps, name, check, empty, merge, renames, allowDataCopy, questioner);
    }

    /** Return a copy that only checks. */
    public MakeMigrationsOptions withCheck(boolean check) {
        return new MakeMigrationsOptions(apps, name, check, empty, merge, renames, allowDataCopy, questioner);
    }

    /** Return a copy that writes empty migrations. */
    public MakeMigrationsOptions withEmpty(boolean empty) {
        return new MakeMigrationsOptions(apps, name, check, empty, merge, renames, allowDataCopy, questioner);
    }

    /** Return a copy that writes merge migrations. */
    public MakeMigrationsOptions withMerge(boolean merge) {
        return new MakeMigrationsOptions(apps, name, check, empty, merge, renames, allowDataCopy, questioner);
    }

    /** Return a copy with these rename answers. */
    public MakeMigrationsOptions withRenames(String... renames) {
        return new MakeMigrationsOptions(apps, name, check, empty, merge, Set.of(renames), allowDataCopy, questioner);
    }

    /** Return a copy that allows table rebuilds. */
    public MakeMigrationsOptions withAllowDataCopy(boolean allowDataCopy) {
        return new MakeMigrationsOptions(apps, name, check, empty, merge, renames, allowDataCopy, questioner);
    }

    /** Return a copy that asks {@code questioner}. */
    public MakeMigrationsOptions withQuestioner(Questioner questioner) {
        return new MakeMigrationsOptions(apps, name, check, empty, merge, renames, allowDataCopy, questioner);
    }

    /** Return the questioner to use. */
    Questioner effectiveQuestioner() {
        return questioner != null ? questioner : new NonInteractiveQuestioner(renames, allowDataCopy);
    }
}
