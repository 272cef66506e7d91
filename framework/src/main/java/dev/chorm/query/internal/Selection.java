package dev.chorm.query.internal;

import dev.chorm.model.ModelField;
import dev.chorm.query.expr.AliasRef;
import dev.chorm.query.expr.ColumnRef;
import dev.chorm.query.expr.Expression;
import dev.chorm.query.expr.JavaView;
import dev.chorm.query.expr.Join;
import dev.chorm.query.expr.Literal;
import dev.chorm.query.expr.Scope;
import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;
import dev.chorm.types.ValueReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Build the SELECT list of a query from its shape: model fields, values paths, annotations, related models. */
final class Selection {
    private final Query q;
    private final Scope scope;
    private final boolean reading;

    /** Create the selection of {@code q}; {@code reading} when rows are read back (not a subquery). */
    Selection(Query q, Scope scope, boolean reading) {
        this.q = q;
        this.scope = scope;
        this.reading = reading;
    }

    List<SelectItem> items(SqlCompiler.Mode mode) {
        if (mode == SqlCompiler.Mode.COUNT || mode == SqlCompiler.Mode.EXISTS) {
            return List.of();
        }
        List<SelectItem> items = new ArrayList<>();
        switch (q.shape) {
            case MODEL -> {
                SqlCompiler.loadedFields(q).forEach(f -> items.add(fieldItem(f.javaName(), scope.column(f), null, f)));
                q.selectRelated.forEach(path -> related(path, items));
            }
            case VALUES -> values(items);
            default -> { }
        }
        for (Map.Entry<String, Expression> a : q.annotations.entrySet()) {
            if (q.shape == Query.Shape.VALUES && q.values.contains(a.getKey())) {
                continue;
            }
            items.add(new SelectItem(a.getKey(), scope.ownExpression(a.getKey(), a.getValue()), a.getKey(), null, null));
        }
        return mode == SqlCompiler.Mode.TOTALS ? totals(items) : items;
    }

    private void values(List<SelectItem> items) {
        if (q.values.isEmpty()) {
            q.meta.fields().forEach(f -> items.add(fieldItem(f.javaName(), scope.column(f), null, f)));
            return;
        }
        for (String name : q.values) {
            if (q.annotations.containsKey(name)) {
                items.add(new SelectItem(name, scope.ownExpression(name, q.annotations.get(name)), name, null, null));
                continue;
            }
            Expression e = scope.resolveExpression(name);
            ModelField field = e instanceof ColumnRef c && c.field() != null
                    && c.type().equals(c.field().column().type()) ? c.field() : null;
            boolean plain = e instanceof ColumnRef c && !c.joined() && c.column().equals(name)
                    || e instanceof AliasRef a && a.name().equals(name);
            items.add(field == null ? new SelectItem(name, e, plain ? null : name, null, null, reader(name, e))
                    : fieldItem(name, e, plain ? null : name, field));
        }
    }

    private void related(String path, List<SelectItem> items) {
        Join join = scope.joinFor(path);
        for (ModelField f : join.target().fields()) {
            String key = path + "__" + f.javaName();
            Expression column = new ColumnRef(join.alias(), f.columnName(), f.column().type(), f, true);
            items.add(new SelectItem(key, reading ? WireForm.select(f, column) : column, path + "__" + f.columnName(), f,
                    path));
        }
    }

    /**
     * Return the reader into the Java type the path {@code name} reaches, such as the {@code @GenericIP
     * String} component of a tuple, so that values() give what model reads give; null to read plain values.
     */
    private ValueReader reader(String name, Expression e) {
        JavaView view = scope.viewOf(name);
        DataType type = view == null ? null : e.type(RenderContext.of(scope));
        return type == null ? null : ValueReader.of(type, view.type(), view.element(), q.meta.modelClass().getSimpleName()
                + "." + name);
    }

    /** Return the item filling {@code field} from {@code column}, in its wire form when rows are read back. */
    private SelectItem fieldItem(String key, Expression column, String alias, ModelField field) {
        // No alias named after the column for a wire form: WHERE would then see the alias, not the column.
        return new SelectItem(key, reading ? WireForm.select(field, column) : column, alias, field, null);
    }

    /** Replace the non-aggregate items by NULLs, keeping the row's shape: the totals row. */
    private static List<SelectItem> totals(List<SelectItem> items) {
        List<SelectItem> out = new ArrayList<>();
        for (SelectItem i : items) {
            out.add(i.expression().isAggregate() ? i
                    : new SelectItem(i.key(), new Literal(null, null), i.key(), i.field(), i.relation()));
        }
        return out;
    }
}
