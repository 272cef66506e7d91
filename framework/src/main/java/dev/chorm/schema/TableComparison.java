package dev.chorm.schema;

import dev.chorm.model.ColumnSpec;
import dev.chorm.model.TableSpec;
import dev.chorm.sql.SqlLiterals;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Hold the result of comparing a live table with its model ({@link SchemaEditor#compare}): both specs
 * in the engine's canonical form and the differences between them, one readable line each.
 *
 * <pre>{@code
 * TableComparison c = db.compareTable(Event.class);
 * if (!c.matches()) {
 *     c.differences().forEach(System.out::println);   // column note: model String, live Nullable(String)
 * }
 * }</pre>
 *
 * @param expected the model's table, its expressions formatted as the engine stores them
 * @param live the table read back from the database; empty when it does not exist
 * @param differences what differs, empty when the live table is the model's
 */
public record TableComparison(TableSpec expected, Optional<TableSpec> live, List<String> differences) {
    /** Check and copy the parts. */
    public TableComparison {
        Objects.requireNonNull(expected, "expected == null");
        Objects.requireNonNull(live, "live == null");
        differences = List.copyOf(differences);
    }

    /** Return the comparison of {@code expected} (canonical) with {@code live}. */
    static TableComparison of(TableSpec expected, Optional<TableSpec> live) {
        List<String> out = new ArrayList<>();
        if (live.isEmpty()) {
            out.add("table " + SqlLiterals.qualifiedName(expected.database(), expected.name()) + " does not exist");
        } else {
            differences(expected, live.get(), out);
        }
        return new TableComparison(expected, live, out);
    }

    /** Return whether the live table exists and equals the model's. */
    public boolean matches() {
        return differences.isEmpty();
    }

    private static void differences(TableSpec model, TableSpec live, List<String> out) {
        for (ColumnSpec c : model.columns()) {
            Optional<ColumnSpec> l = live.column(c.name());
            if (l.isEmpty()) {
                out.add("column " + c.name() + ": missing from the live table");
            } else if (!l.get().equals(c)) {
                out.add("column " + c.name() + ": model " + describe(c) + ", live " + describe(l.get()));
            }
        }
        live.columns().stream().filter(c -> model.column(c.name()).isEmpty())
                .forEach(c -> out.add("column " + c.name() + ": not in the model"));
        if (out.isEmpty() && !model.columns().equals(live.columns())) {
            out.add("columns: model order " + names(model) + ", live order " + names(live));
        }
        part(out, "engine", model, live, TableSpec::engine);
        part(out, "ORDER BY", model, live, TableSpec::orderBy);
        part(out, "PARTITION BY", model, live, TableSpec::partitionBy);
        part(out, "PRIMARY KEY", model, live, TableSpec::primaryKey);
        part(out, "SAMPLE BY", model, live, TableSpec::sampleBy);
        part(out, "TTL", model, live, TableSpec::ttl);
        part(out, "settings", model, live, TableSpec::settings);
        part(out, "indexes", model, live, TableSpec::indexes);
        part(out, "constraints", model, live, TableSpec::constraints);
        part(out, "projections", model, live, TableSpec::projections);
        part(out, "comment", model, live, TableSpec::comment);
        part(out, "view", model, live, t -> String.valueOf(t.view()));
        if (out.isEmpty() && !model.equals(live)) {
            // a part without a line of its own above (a later TableSpec component)
            out.add("definition: model " + model + ", live " + live);
        }
    }

    private static void part(List<String> out, String name, TableSpec model, TableSpec live,
                             Function<TableSpec, Object> get) {
        Object m = get.apply(model);
        Object l = get.apply(live);
        if (!m.equals(l)) {
            out.add(name + ": model " + m + ", live " + l);
        }
    }

    private static String describe(ColumnSpec c) {
        String text = c.type().sql();
        if (c.defaultKind() != dev.chorm.model.DefaultKind.NONE) {
            text += " " + c.defaultKind().keyword() + (c.defaultExpression().isEmpty() ? "" : " " + c.defaultExpression());
        }
        return text + (c.codec().isEmpty() ? "" : " CODEC(" + c.codec() + ")")
                + (c.ttl().isEmpty() ? "" : " TTL " + c.ttl()) + (c.comment().isEmpty() ? "" : " COMMENT '" + c.comment() + "'");
    }

    private static List<String> names(TableSpec t) {
        return t.columns().stream().map(ColumnSpec::name).toList();
    }
}
