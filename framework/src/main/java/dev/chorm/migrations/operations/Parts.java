package dev.chorm.migrations.operations;

import dev.chorm.MigrationException;
import dev.chorm.model.ConstraintSpec;
import dev.chorm.model.IndexSpec;
import dev.chorm.model.ProjectionSpec;
import dev.chorm.model.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Derive copies of a table with one named part (an index, constraint or projection) added or
 * removed: one instance per kind of part, knowing how to read and replace that list of the table.
 *
 * <pre>{@code TableSpec t2 = Parts.INDEXES.add(t, index);}</pre>
 *
 * @param <T> the kind of part
 */
final class Parts<T> {
    static final Parts<IndexSpec> INDEXES =
            new Parts<>("index", TableSpec::indexes, IndexSpec::name, TableSpec.Builder::indexes);
    static final Parts<ConstraintSpec> CONSTRAINTS =
            new Parts<>("constraint", TableSpec::constraints, ConstraintSpec::name, TableSpec.Builder::constraints);
    static final Parts<ProjectionSpec> PROJECTIONS =
            new Parts<>("projection", TableSpec::projections, ProjectionSpec::name, TableSpec.Builder::projections);

    private final String what;
    private final Function<TableSpec, List<T>> list;
    private final Function<T, String> name;
    private final BiFunction<TableSpec.Builder, List<T>, TableSpec.Builder> replace;

    private Parts(String what, Function<TableSpec, List<T>> list, Function<T, String> name,
                  BiFunction<TableSpec.Builder, List<T>, TableSpec.Builder> replace) {
        this.what = what;
        this.list = list;
        this.name = name;
        this.replace = replace;
    }

    /** Return {@code t} with {@code item} added last; fails when a part of that name exists. */
    TableSpec add(TableSpec t, T item) {
        if (list.apply(t).stream().anyMatch(x -> name.apply(x).equals(name.apply(item)))) {
            throw new MigrationException("Cannot add %s %s to %s: it exists already.".formatted(what, name.apply(item), t.name()));
        }
        List<T> out = new ArrayList<>(list.apply(t));
        out.add(item);
        return replace.apply(t.toBuilder(), out).build();
    }

    /** Return {@code t} without the part {@code itemName}; fails when there is none. */
    TableSpec remove(TableSpec t, String itemName) {
        T item = get(t, itemName);
        List<T> out = new ArrayList<>(list.apply(t));
        out.remove(item);
        return replace.apply(t.toBuilder(), out).build();
    }

    /** Return the part {@code itemName} of {@code t}, failing with a message naming both. */
    T get(TableSpec t, String itemName) {
        return list.apply(t).stream().filter(x -> name.apply(x).equals(itemName)).findFirst().orElseThrow(() ->
                new MigrationException("Table %s has no %s %s at this point of the migrations.".formatted(t.name(), what, itemName)));
    }
}
