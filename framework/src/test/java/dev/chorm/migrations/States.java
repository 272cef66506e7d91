package dev.chorm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.migrations.operations.Operation;
import dev.chorm.migrations.operations.ProjectState;
import dev.chorm.model.ColumnSpec;
import dev.chorm.model.EngineSpec;
import dev.chorm.model.TableSpec;
import dev.chorm.types.DataType;
import java.util.List;
import java.util.Map;

/** Build project states and check detected operations, for tests that need no database. */
final class States {
    private States() {
    }

    /** Return a small MergeTree table {@code name(id Int64, ts DateTime, port UInt16)} ordered by id. */
    static TableSpec.Builder table(String name) {
        return TableSpec.builder(name)
                .column(ColumnSpec.builder("id", DataType.int64()).build())
                .column(ColumnSpec.builder("ts", DataType.dateTime()).build())
                .column(ColumnSpec.builder("port", DataType.uint16()).build())
                .engine(EngineSpec.of("MergeTree")).orderBy("id");
    }

    /** Return a state holding {@code tables} in app {@code app}, each model named like its table but capitalized. */
    static ProjectState state(String app, TableSpec... tables) {
        ProjectState s = new ProjectState();
        for (TableSpec t : tables) {
            s.putModel(app, modelName(t.name()), t);
        }
        return s;
    }

    static String modelName(String table) {
        return Character.toUpperCase(table.charAt(0)) + table.substring(1);
    }

    /** Return the changes from {@code before} to {@code after}, with {@code answers} as rename answers. */
    static Map<String, List<Operation>> changes(ProjectState before, ProjectState after, String... answers) {
        return new Autodetector(before, after, new NonInteractiveQuestioner(java.util.Set.of(answers), true)).changes();
    }

    /** Assert that {@code app}'s operations have exactly these types, in order. */
    @SafeVarargs
    static void assertOperationTypes(Map<String, List<Operation>> changes, String app,
                                     Class<? extends Operation>... types) {
        assertThat(changes).containsKey(app);
        List<String> actual = changes.get(app).stream().map(op -> op.getClass().getSimpleName()).toList();
        List<String> expected = java.util.Arrays.stream(types).map(Class::getSimpleName).toList();
        assertThat(actual).as("operations of %s: %s", app, changes.get(app)).isEqualTo(expected);
    }

    /** Assert that replaying the detected operations on {@code before} gives {@code after}. */
    static void assertReplays(ProjectState before, ProjectState after, Map<String, List<Operation>> changes) {
        ProjectState replayed = before.copy();
        changes.forEach((app, ops) -> ops.forEach(op -> op.stateForwards(app, replayed)));
        assertThat(replayed).isEqualTo(after);
    }
}
