package dev.chorm.migrations.operations;

import dev.chorm.migrations.MigrationException;
import dev.chorm.model.ConstraintSpec;
import dev.chorm.model.IndexSpec;
import dev.chorm.model.ProjectionSpec;
import dev.chorm.model.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Derive copies of a table with an index, constraint or projection added or removed. */
final class Parts {
    private Parts() {
    }

    static TableSpec addIndex(TableSpec t, IndexSpec index) {
        return t.toBuilder().indexes(added(t.indexes(), index, IndexSpec::name, t, "index")).build();
    }

    static TableSpec removeIndex(TableSpec t, String name) {
        return t.toBuilder().indexes(removed(t.indexes(), name, IndexSpec::name, t, "index")).build();
    }

    static IndexSpec index(TableSpec t, String name) {
        return find(t.indexes(), name, IndexSpec::name, t, "index");
    }

    static TableSpec addConstraint(TableSpec t, ConstraintSpec constraint) {
        return t.toBuilder().constraints(added(t.constraints(), constraint, ConstraintSpec::name, t, "constraint")).build();
    }

    static TableSpec removeConstraint(TableSpec t, String name) {
        return t.toBuilder().constraints(removed(t.constraints(), name, ConstraintSpec::name, t, "constraint")).build();
    }

    static ConstraintSpec constraint(TableSpec t, String name) {
        return find(t.constraints(), name, ConstraintSpec::name, t, "constraint");
    }

    static TableSpec addProjection(TableSpec t, ProjectionSpec projection) {
        return t.toBuilder().projections(added(t.projections(), projection, ProjectionSpec::name, t, "projection")).build();
    }

    static TableSpec removeProjection(TableSpec t, String name) {
        return t.toBuilder().projections(removed(t.projections(), name, ProjectionSpec::name, t, "projection")).build();
    }

    static ProjectionSpec projection(TableSpec t, String name) {
        return find(t.projections(), name, ProjectionSpec::name, t, "projection");
    }

    private static <T> List<T> added(List<T> list, T item, Function<T, String> name, TableSpec t, String what) {
        if (list.stream().anyMatch(x -> name.apply(x).equals(name.apply(item)))) {
            throw new MigrationException("Cannot add %s %s to %s: it exists already.".formatted(what, name.apply(item), t.name()));
        }
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }

    private static <T> List<T> removed(List<T> list, String itemName, Function<T, String> name, TableSpec t, String what) {
        T item = find(list, itemName, name, t, what);
        List<T> out = new ArrayList<>(list);
        out.remove(item);
        return out;
    }

    private static <T> T find(List<T> list, String itemName, Function<T, String> name, TableSpec t, String what) {
        return list.stream().filter(x -> name.apply(x).equals(itemName)).findFirst().orElseThrow(() ->
                new MigrationException("Table %s has no %s %s at this point of the migrations.".formatted(t.name(), what, itemName)));
    }
}
