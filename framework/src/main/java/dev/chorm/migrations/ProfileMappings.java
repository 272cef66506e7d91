package dev.chorm.migrations;

import dev.chorm.ModelDefinitionException;
import dev.chorm.migrations.operations.ProjectState;
import dev.chorm.model.TableSpec;
import dev.chorm.schema.StorageProfiles;
import dev.chorm.schema.TableMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Choose how one operation's tables are rendered: with the profile of the model the operation
 * changes (the one whose table differs between the states around it, else the app's profile), and
 * with the declared tables of those states in sight, for the local table of a Distributed model.
 * Migration files and states stay as declared; only the schema editor sees the mapping.
 */
final class ProfileMappings {
    private ProfileMappings() {
    }

    /**
     * Return the mapping for operation {@code index} of a migration of {@code app}, whose states are
     * {@code states} ({@code states.get(i)} before operation i, the last one after the migration). Local
     * tables are looked up in the states around the operation, then at the end of the migration, since
     * a migration may create a Distributed model before its local one.
     */
    static TableMapping forOperation(StorageProfiles profiles, String app, List<ProjectState> states, int index) {
        ProjectState before = states.get(index);
        ProjectState after = states.get(index + 1);
        String model = changedModel(app, before, after);
        return TableMapping.of(profiles.of(app, model), tables(after, before, states.get(states.size() - 1)),
                model.isEmpty() ? app : app + "." + model);
    }

    /** Return the refusals of the models of {@code state} that their profile cannot render; empty when all map. */
    static List<String> problems(StorageProfiles profiles, ProjectState state) {
        List<String> out = new ArrayList<>();
        state.asMap().forEach((app, models) -> models.forEach((model, table) -> {
            try {
                TableMapping.of(profiles.of(app, model), tables(state), app + "." + model).map(table);
            } catch (ModelDefinitionException e) {
                out.add(e.getMessage());
            }
        }));
        return out;
    }

    /** Return the model of {@code app} whose table differs between the states (one the operation leaves preferred), or "". */
    private static String changedModel(String app, ProjectState before, ProjectState after) {
        TreeSet<String> names = new TreeSet<>(before.models(app).keySet());
        names.addAll(after.models(app).keySet());
        String changed = "";
        for (String name : names) {
            Optional<TableSpec> b = before.findModel(app, name);
            Optional<TableSpec> a = after.findModel(app, name);
            if (!Objects.equals(a, b) && (changed.isEmpty() || a.isPresent())) {
                changed = name;
            }
        }
        return changed;
    }

    /** Return a lookup of declared tables by database and name, searching the states in order. */
    private static TableMapping.Tables tables(ProjectState... states) {
        return (database, name) -> {
            for (ProjectState state : states) {
                for (var models : state.asMap().values()) {
                    Optional<TableSpec> found = models.values().stream()
                            .filter(t -> t.name().equals(name) && t.database().equals(database)).findFirst();
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        };
    }
}
