package dev.chorm.model;

import dev.chorm.ModelDefinitionException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Read a model's {@link View} or {@link MaterializedView} annotation into the {@link ViewSpec} of its
 * table, and check what needs the other model classes: the sources and the {@code to} table are models,
 * and the query's columns (known from a {@link ViewQuery} method's QuerySet) match the view's fields and
 * the {@code to} table's columns by name and type. The checks that need only the spec are in {@link ViewChecks}.
 */
final class ViewReader {
    private final Class<?> type;
    private final String owner;
    private final Problems problems;

    ViewReader(Class<?> type, String owner, Problems problems) {
        this.type = type;
        this.owner = owner;
        this.problems = problems;
    }

    /** Return whether {@code type} declares a view. */
    static boolean isView(Class<?> type) {
        return type.isAnnotationPresent(View.class) || type.isAnnotationPresent(MaterializedView.class);
    }

    /**
     * Make {@code b} a view: set its {@link ViewSpec} and, where the view has no storage of its own, its
     * engine ({@code View} or {@code MaterializedView}). {@code engine} is the class's engine annotation, or null.
     */
    void read(TableSpec.Builder b, Annotation engine, List<ColumnSpec> columns) {
        View view = type.getAnnotation(View.class);
        MaterializedView mv = type.getAnnotation(MaterializedView.class);
        if (view != null && mv != null) {
            problems.add("%s: @View and @MaterializedView exclude each other; keep one.", owner);
            return;
        }
        SelectText select = query(view != null ? view.query() : mv.query());
        if (select == null) {
            return;
        }
        List<TableRef> sources = new ArrayList<>(select.sources());
        for (Class<?> source : view != null ? view.sources() : mv.sources()) {
            TableSpec t = model(source, "source");
            if (t != null && !sources.contains(TableRef.of(t))) {
                sources.add(TableRef.of(t));
            }
        }
        checkColumns(select, columns);
        if (view != null) {
            if (engine != null) {
                problems.add("%s: a view stores nothing, so it has no engine; remove @%s.", owner,
                        engine.annotationType().getSimpleName());
            }
            b.engine(EngineSpec.of("View")).orderBy(List.of()).view(ViewSpec.view(select.sql(), sources));
            return;
        }
        TableRef to = null;
        if (mv.to() != void.class) {
            TableSpec target = model(mv.to(), "to");
            if (target != null) {
                checkTarget(mv.to(), target, columns);
                to = TableRef.of(target);
            }
            if (engine != null) {
                problems.add("%s: @MaterializedView(to = %s) writes to that model's table, so it has no engine of its own;"
                        + " remove @%s or remove to.", owner, mv.to().getSimpleName(), engine.annotationType().getSimpleName());
            }
            b.engine(EngineSpec.of("MaterializedView")).orderBy(List.of());
        }
        ViewSpec.Refresh refresh = null;
        if (!mv.refresh().isBlank()) {
            List<TableRef> dependsOn = new ArrayList<>();
            for (Class<?> d : mv.dependsOn()) {
                TableSpec t = model(d, "dependsOn");
                if (t != null) {
                    dependsOn.add(TableRef.of(t));
                }
            }
            refresh = new ViewSpec.Refresh(mv.refresh(), mv.append(), dependsOn);
        } else if (mv.append() || mv.dependsOn().length > 0) {
            problems.add("%s: append and dependsOn are for refreshable views; set refresh = \"EVERY 1 HOUR\" (or another"
                    + " schedule) or remove them.", owner);
        }
        if (mv.populate() && !mv.populateDespiteRace() && to == null) {
            problems.add(("%s: populate fills the view from the rows already in its source but misses the rows inserted while"
                    + " it runs; leave populate out and backfill in a migration with RunSQL \"INSERT INTO %s SELECT ...\""
                    + " (the view's query over the older rows; see docs/views.md), or set populateDespiteRace = true if"
                    + " nothing inserts meanwhile.").formatted(owner, NameStyle.snakeCase(owner)));
        }
        b.view(new ViewSpec(ViewSpec.Kind.MATERIALIZED, select.sql(), to, refresh, mv.populate(), sources));
    }

    /** Return the query of the view: the annotation's SQL text or the {@link ViewQuery} method's result; null on a problem. */
    private SelectText query(String text) {
        List<Method> methods = Arrays.stream(type.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(ViewQuery.class)).toList();
        if (methods.size() > 1) {
            problems.add("%s: %s are all @ViewQuery methods; keep one.", owner,
                    String.join(" and ", methods.stream().map(m -> m.getName() + "()").toList()));
            return null;
        }
        if (methods.isEmpty()) {
            if (text.isBlank()) {
                problems.add("%s: the view has no query; write it as query = \"SELECT ...\" or as a static @ViewQuery method"
                        + " returning a QuerySet over other models.", owner);
                return null;
            }
            return new SelectText(text.strip(), List.of(), List.of());
        }
        Method m = methods.get(0);
        if (!text.isBlank()) {
            problems.add("%s: the view has both query text and the @ViewQuery method %s(); keep one.", owner, m.getName());
            return null;
        }
        if (!Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0 || !SelectQuery.class.isAssignableFrom(m.getReturnType())) {
            problems.add("%s.%s(): a @ViewQuery method must be static, take no arguments and return a QuerySet (a SelectQuery);"
                    + " change its signature to static QuerySet<?> %s().", owner, m.getName(), m.getName());
            return null;
        }
        try {
            m.setAccessible(true);
            SelectQuery q = (SelectQuery) m.invoke(null);
            if (q == null) {
                problems.add("%s.%s() returned null; return the QuerySet of the view's query.", owner, m.getName());
                return null;
            }
            return q.selectText();
        } catch (InvocationTargetException e) {
            problems.add("%s.%s() failed: %s", owner, m.getName(), e.getCause().getMessage());
        } catch (IllegalAccessException e) {
            problems.add("%s.%s() cannot be called: %s; make it accessible.", owner, m.getName(), e.getMessage());
        }
        return null;
    }

    /** Return the table of the model {@code c}, which the view names as {@code role}; null (with a problem) when it is not a model. */
    private TableSpec model(Class<?> c, String role) {
        if (c == type) {
            problems.add("%s: %s names the view itself; a view cannot read or write itself.", owner, role);
            return null;
        }
        if (!ModelMeta.isDeclaredModel(c)) {
            problems.add("%s: %s %s is not a model; name a model class (one with @Table, an engine annotation, @View or"
                    + " @MaterializedView, or extending Model).", owner, role, c.getSimpleName());
            return null;
        }
        try {
            return ModelMeta.of(c).table();
        } catch (ModelDefinitionException e) {
            problems.add("%s: %s %s is not a valid model: %s", owner, role, c.getSimpleName(), e.getMessage());
            return null;
        }
    }

    /** Check the query's known columns against the view's fields, both ways, by name and type. */
    private void checkColumns(SelectText select, List<ColumnSpec> columns) {
        if (select.columns().isEmpty()) {
            return; // SQL text: checked with DESCRIBE when the view is created
        }
        for (SelectText.Column c : select.columns()) {
            ColumnSpec field = columns.stream().filter(f -> f.name().equals(c.name())).findFirst().orElse(null);
            if (field == null) {
                problems.add("%s: the query's column '%s' has no field; add a field for it (%s) or leave it out of the query.",
                        owner, c.name(), c.type() == null ? "its type" : c.type().sql());
            } else if (c.type() != null && !c.type().insertsInto(field.type())) {
                problems.add("%s: column '%s' is %s in the query but %s in the model; change the field's type or cast in the query.",
                        owner, c.name(), c.type().sql(), field.type().sql());
            }
        }
        for (ColumnSpec f : columns) {
            if (select.columns().stream().noneMatch(c -> c.name().equals(f.name()))) {
                problems.add("%s: field column '%s' is not in the query's columns (%s); select it under that name or remove the field.",
                        owner, f.name(), String.join(", ", select.columns().stream().map(SelectText.Column::name).toList()));
            }
        }
    }

    /** Check that every column of the view exists in the {@code to} table with the same type. */
    private void checkTarget(Class<?> to, TableSpec target, List<ColumnSpec> columns) {
        if (target.isView()) {
            problems.add("%s: to = %s is a view; a materialized view writes to a table, so point to at a table model.",
                    owner, to.getSimpleName());
            return;
        }
        for (ColumnSpec c : columns) {
            ColumnSpec t = target.column(c.name()).orElse(null);
            if (t == null) {
                problems.add("%s: column '%s' is not a column of %s (table %s), so ClickHouse would drop it; rename it in the"
                        + " query (AS) to one of %s, or add it to %s.", owner, c.name(), to.getSimpleName(), target.name(),
                        String.join(", ", target.columns().stream().map(ColumnSpec::name).toList()), to.getSimpleName());
            } else if (!c.type().insertsInto(t.type())) {
                problems.add("%s: column '%s' is %s in the view but %s in %s (table %s); make the types equal (cast in the"
                        + " query, or change the field and the target column).", owner, c.name(), c.type().sql(), t.type().sql(),
                        to.getSimpleName(), target.name());
            }
        }
    }
}
