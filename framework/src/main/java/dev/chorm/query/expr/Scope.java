package dev.chorm.query.expr;

import dev.chorm.QueryException;
import dev.chorm.model.ModelField;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.TableRef;
import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolve field paths of one query level: {@code port__gte}, {@code timestamp__date__year},
 * {@code customer__country}, annotation names and ARRAY JOIN aliases.
 *
 * <p>A path's first part is an annotation, an ARRAY JOIN alias, a field (Java or column name) or a
 * relation; each further part follows a relation, applies a transform ({@link Transforms}) or, as
 * the last part, names a lookup ({@link Lookups}). Relations register LEFT OUTER JOINs here.
 */
public final class Scope {
    /**
     * Hold a resolved path.
     *
     * @param expression the operand
     * @param lookup the lookup named by the last part, {@code exact} when none, null when not asked for
     */
    public record Resolved(Expression expression, String lookup) {
    }

    private final ModelMeta meta;
    private final Map<String, Expression> annotations;
    private final Map<String, Expression> arrayJoins;
    private final Map<String, Join> joins = new LinkedHashMap<>();
    /** Objects read by name from inside expressions (the dictionary of a dictGet), in order of first use. */
    private final Set<TableRef> namedReads = new LinkedHashSet<>();
    // A list, not a set: the same name may be hidden twice when its annotation nests in itself.
    private final List<String> hidden = new ArrayList<>();
    /** The Java side each resolved path reached, for reading values() back as the declared type. */
    private final Map<String, JavaView> views = new java.util.HashMap<>();
    private final boolean qualify;

    /**
     * Create the scope of a query on {@code meta}.
     *
     * @param annotations the annotations by name
     * @param arrayJoins the names ARRAY JOIN introduces, each with the element it stands for
     * @param qualify whether columns are written with their table alias once a path joins a related
     *                table (a query); false where joins are refused (a mutation) or only resolved
     */
    public Scope(ModelMeta meta, Map<String, Expression> annotations, Map<String, Expression> arrayJoins,
                 boolean qualify) {
        this.meta = meta;
        this.annotations = annotations;
        this.arrayJoins = arrayJoins;
        this.qualify = qualify;
    }

    /** Return the scope {@code ctx} resolves field paths in (queries render with one). */
    public static Scope of(RenderContext ctx) {
        return ctx.scope(Scope.class);
    }

    /** Return the model this scope resolves against. */
    public ModelMeta meta() {
        return meta;
    }

    /** Return the alias of the model's table: its name. */
    public String baseAlias() {
        return meta.table().name();
    }

    /**
     * Return whether columns are qualified with their table alias: when the query joins. It is asked
     * when the statement is complete ({@link RenderContext#later}), so the query is rendered once.
     */
    public boolean qualify() {
        return qualify && !joins.isEmpty();
    }

    /** Note that an expression reads {@code object} by name (dictGet names its dictionary), so that it counts as read. */
    public void noteRead(TableRef object) {
        namedReads.add(object);
    }

    /** Return the objects expressions read by name, in order of first use. */
    public Collection<TableRef> namedReads() {
        return namedReads;
    }

    /** Return the joins that resolved paths needed, in order of first use. */
    public Collection<Join> joins() {
        return joins.values();
    }

    /** Return the reference to a column of the model's own table. */
    public ColumnRef column(ModelField f) {
        return new ColumnRef(baseAlias(), f.columnName(), f.column().type(), f, false);
    }

    /**
     * Return {@code expression}, the annotation {@code name}, made to render with {@code name} meaning the
     * field of that name (see {@link OwnNameAnnotation}); the expression itself when no field has that name.
     */
    public Expression ownExpression(String name, Expression expression) {
        return field(meta, name).isEmpty() ? expression : new OwnNameAnnotation(this, name, expression);
    }

    /** Let {@code name} resolve to the field rather than the annotation of that name, until {@link #unhide}. */
    void hide(String name) {
        hidden.add(name);
    }

    /** Let {@code name} resolve to the annotation again. */
    void unhide(String name) {
        hidden.remove(name);
    }

    /** Resolve {@code path} to an operand, without a lookup. */
    public Expression resolveExpression(String path) {
        return resolve(path, false).expression();
    }

    /** Resolve {@code path}; when {@code allowLookup}, its last part may name a lookup. */
    public Resolved resolve(String path, boolean allowLookup) {
        String[] parts = path.split("__", -1);
        for (String p : parts) {
            if (p.isEmpty()) {
                throw new QueryException("Malformed lookup '" + path + "' on " + modelName()
                        + ": parts are separated by exactly two underscores.");
            }
        }
        Start start = first(parts, path);
        Expression current = start.expression();
        // An ARRAY JOIN name stands for an element, not for the field's own Java type.
        JavaView view = current instanceof ColumnRef c && c.field() != null && c.type().equals(c.field().column().type())
                ? JavaView.of(c.field()) : null;
        for (int i = start.next(); i < parts.length; i++) {
            String part = parts[i];
            DataType type = current.type(RenderContext.of(this));
            if (i == parts.length - 1 && allowLookup && Lookups.applies(part, type)) {
                return new Resolved(operand(current, view), part);
            }
            Expression next = Transforms.apply(current, type, part);
            if (next == null) {
                throw unsupported(path, part, current, type, allowLookup);
            }
            view = view == null ? null : view.step(type, part);
            current = next;
        }
        if (view != null) {
            views.put(path, view);
        }
        return new Resolved(allowLookup ? operand(current, view) : current, allowLookup ? "exact" : null);
    }

    /** Return the Java side that resolving {@code path} reached (see {@link JavaView}), or null when it was lost. */
    public JavaView viewOf(String path) {
        return views.get(path);
    }

    /** Return the operand of a lookup: marked when the user reads it as a generic IP (see {@link JavaView}). */
    private Expression operand(Expression e, JavaView view) {
        DataType t = e.type(RenderContext.of(this));
        boolean ipv6 = t != null && t.base().kind() == dev.chorm.types.TypeKind.IPV6;
        return ipv6 && view != null && view.isGenericIp() ? new JavaView.GenericIpOperand(e) : e;
    }

    private record Start(Expression expression, int next) {
    }

    private Start first(String[] parts, String path) {
        String name = parts[0];
        if (annotations.containsKey(name) && !hidden.contains(name)) {
            return new Start(new AliasRef(name, ownExpression(name, annotations.get(name))), 1);
        }
        if (arrayJoins.containsKey(name)) {
            return new Start(arrayJoins.get(name), 1);
        }
        Optional<ModelField> field = field(meta, name);
        if ((field.isEmpty() || relation(meta, name).isPresent()) && parts.length > 1 && crosses(meta, parts, 0)) {
            return follow(parts, path);
        }
        Optional<ModelField> column = field.or(() -> relation(meta, name));
        if (column.isPresent()) {
            return new Start(column(column.get()), 1);
        }
        throw new QueryException(modelName() + " has no field '" + name + "'. Choices: "
                + String.join(", ", choices()) + ".");
    }

    /** Return whether parts[i] is a relation of {@code m} that parts[i + 1] crosses (rather than transforms). */
    private boolean crosses(ModelMeta m, String[] parts, int i) {
        if (i + 1 >= parts.length || Relations.find(m, parts[i]).isEmpty()) {
            return false;
        }
        Optional<ModelField> fk = relation(m, parts[i]);
        if (fk.isEmpty()) {
            return true;  // a reverse relation has no column of its own to transform
        }
        DataType t = fk.get().column().type();
        String next = parts[i + 1];
        boolean local = i + 2 == parts.length && Lookups.applies(next, t) || Transforms.apply(column(fk.get()), t, next) != null;
        return !local;
    }

    private Start follow(String[] parts, String path) {
        int i = 0;
        List<String> relationPath = new ArrayList<>();
        ModelMeta current = meta;
        while (crosses(current, parts, i)) {
            relationPath.add(parts[i]);
            current = Relations.find(current, parts[i]).orElseThrow().target();
            i++;
        }
        Join join = joinFor(String.join("__", relationPath));
        ModelMeta target = join.target();
        String name = parts[i];
        ModelField f = field(target, name).or(() -> relation(target, name)).orElseThrow(() -> new QueryException(
                target.modelClass().getSimpleName() + " has no field '" + name + "' (in '" + path
                        + "'). Choices: " + String.join(", ", choices(target, Map.of())) + "."));
        return new Start(new ColumnRef(join.alias(), f.columnName(), f.column().type(), f, true), i + 1);
    }

    /** Return the join for a relation path such as {@code customer} or {@code customer__region}, registering it. */
    public Join joinFor(String relationPath) {
        Join last = null;
        ModelMeta from = meta;
        String fromAlias = baseAlias();
        StringBuilder path = new StringBuilder();
        for (String p : relationPath.split("__")) {
            ModelMeta owner = from;
            Relations.Link link = Relations.find(owner, p).orElseThrow(() -> new QueryException(
                    owner.modelClass().getSimpleName() + " has no relation '" + p + "'. Relations: "
                            + String.join(", ", relations(owner)) + "."));
            path.append(path.length() == 0 ? "" : "__").append(p);
            last = join(path.toString(), fromAlias, link);
            from = last.target();
            fromAlias = last.alias();
        }
        return last;
    }

    /** Return the model at the end of the relation path {@code path} from {@code root}. */
    public static ModelMeta targetOfPath(ModelMeta root, String path) {
        ModelMeta m = root;
        for (String p : path.split("__")) {
            m = Relations.find(m, p).orElseThrow().target();
        }
        return m;
    }

    private Join join(String path, String fromAlias, Relations.Link link) {
        return joins.computeIfAbsent(path, p -> new Join(p, p.equals(baseAlias()) ? p + "_1" : p, link.target(),
                fromAlias, link.left(), link.right()));
    }

    private QueryException unsupported(String path, String part, Expression current, DataType type,
                                       boolean allowLookup) {
        List<String> valid = new ArrayList<>(allowLookup ? Lookups.choices(type) : List.of());
        valid.addAll(Transforms.choices(type));
        String where = current instanceof ColumnRef c && c.field() != null
                ? c.field().javaName() + " (" + c.type().sql() + ")" : "'" + path + "'";
        return new QueryException("Unsupported lookup '" + part + "' for " + modelName() + "." + where
                + ". Choices: " + String.join(", ", valid) + ".");
    }

    private String modelName() {
        return meta.modelClass().getSimpleName();
    }

    private List<String> choices() {
        List<String> out = choices(meta, annotations);
        out.addAll(arrayJoins.keySet());
        return out;
    }

    private static List<String> choices(ModelMeta m, Map<String, Expression> annotations) {
        List<String> out = new ArrayList<>();
        m.fields().forEach(f -> out.add(f.javaName()));
        for (String r : relations(m)) {
            if (!out.contains(r)) {
                out.add(r);
            }
        }
        out.addAll(annotations.keySet());
        return out;
    }

    /** Return the field of {@code m} with this Java or column name. */
    public static Optional<ModelField> field(ModelMeta m, String name) {
        return m.fieldByJavaName(name).or(() -> m.field(name));
    }

    /** Return the field of {@code m} with this Java or column name, or throw a {@link QueryException} listing the fields. */
    public static ModelField requireField(ModelMeta m, String name) {
        return field(m, name).orElseThrow(() -> new QueryException(m.modelClass().getSimpleName() + " has no field '"
                + name + "'. Choices: " + String.join(", ", m.fields().stream().map(ModelField::javaName).toList())
                + "."));
    }

    /** Return the foreign key field of {@code m} whose (forward) relation is named {@code name}. */
    public static Optional<ModelField> relation(ModelMeta m, String name) {
        return Relations.forward(m, name);
    }

    /** Return the relation names of {@code m}: its foreign keys, then the reverse relations of models referring to it. */
    public static List<String> relations(ModelMeta m) {
        return Relations.names(m);
    }

    /** Return the relation name of a foreign key field, or null when {@code f} is not one. */
    public static String relationName(ModelField f) {
        return Relations.forwardName(f);
    }
}
