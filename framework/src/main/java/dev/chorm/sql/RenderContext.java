package dev.chorm.sql;

import dev.chorm.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collect the SQL text of one query: the one place where identifiers are quoted and values escaped.
 *
 * <p>Query parts write themselves into it ({@link QueryPart#accept}); identifiers go through
 * {@link #identifier(String)} (backticks) and values through {@link #value(Object, DataType)} (typed,
 * escaped literals, see {@link SqlLiterals}). The context also carries the scope of the layer that
 * renders (for queries, the one that resolves field paths such as {@code timestamp__date} against
 * the model); this floor only hands it back, through {@link #scope(Class)}.
 */
public final class RenderContext {
    private final StringBuilder sql;
    private final Object scope;
    private final List<Late> late = new ArrayList<>();
    private boolean sawNullable;

    /** Text decided when the statement is complete, at position {@code at} of the text written. */
    private record Late(int at, Supplier<String> text) {
    }

    private RenderContext(StringBuilder sql, Object scope) {
        this.sql = sql;
        this.scope = scope;
    }

    /** Return a context that carries {@code scope} (null: none) for the parts it renders. */
    public static RenderContext of(Object scope) {
        return new RenderContext(new StringBuilder(128), scope);
    }

    /**
     * Return a context with the same scope writing into a text of its own, for a part whose
     * surroundings depend on what it renders (a negation wraps a Nullable operand in {@code ifNull});
     * the caller {@link #append appends} it where it belongs.
     */
    public RenderContext fork() {
        return new RenderContext(new StringBuilder(64), scope);
    }

    /**
     * Return the scope this context carries, as {@code kind}.
     *
     * @throws IllegalStateException when it carries none of that kind (a part rendered outside its layer)
     */
    public <S> S scope(Class<S> kind) {
        if (!kind.isInstance(scope)) {
            throw new IllegalStateException("This part renders only inside a scope of type " + kind.getSimpleName()
                    + "; its context carries " + (scope == null ? "none" : "a " + scope.getClass().getSimpleName()) + ".");
        }
        return kind.cast(scope);
    }

    /** Return the scope this context carries, or null: for a part that uses a scope only when there is one. */
    public Object scopeOrNull() {
        return scope;
    }

    /** Append trusted SQL text (keywords, operators, function names chorm chose); never user values. */
    public RenderContext sql(String text) {
        sql.append(text);
        return this;
    }

    /**
     * Append trusted text that is decided only when the statement is complete: a column's table
     * qualifier, needed only if a part rendered after it joins another table. Each part still renders
     * once; {@code text} is asked for by {@link #toString()}.
     */
    public RenderContext later(Supplier<String> text) {
        late.add(new Late(sql.length(), text));
        return this;
    }

    /** Append what {@code fork} wrote (see {@link #fork()}), its late text still to be decided. */
    public RenderContext append(RenderContext fork) {
        int base = sql.length();
        sql.append(fork.sql);
        fork.late.forEach(l -> late.add(new Late(base + l.at(), l.text())));
        return this;
    }

    /** Append one trusted character. */
    public RenderContext sql(char c) {
        sql.append(c);
        return this;
    }

    /** Append {@code name} quoted in backticks (by {@link SqlLiterals#quoteIdentifier}). */
    public RenderContext identifier(String name) {
        sql.append(SqlLiterals.quoteIdentifier(name));
        return this;
    }

    /** Append the table {@code database.table}, each part quoted; the table alone when {@code database} is empty. */
    public RenderContext qualifiedName(String database, String table) {
        sql.append(SqlLiterals.qualifiedName(database, table));
        return this;
    }

    /** Let {@code part} write itself. */
    public RenderContext visit(QueryPart part) {
        part.accept(this);
        return this;
    }

    /** Let each of {@code parts} write itself, with {@code separator} between them. */
    public RenderContext visit(List<? extends QueryPart> parts, String separator) {
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sql.append(separator);
            }
            parts.get(i).accept(this);
        }
        return this;
    }

    /**
     * Append an operand: a {@link QueryPart} (an expression, a subquery) writes itself, anything else
     * becomes a literal of {@code type} (null: inferred from the Java value).
     */
    public RenderContext value(Object value, DataType type) {
        if (value instanceof QueryPart part) {
            part.accept(this);
        } else {
            SqlLiterals.literal(value, type, sql);
        }
        return this;
    }

    /** Append {@code value} as a literal whose type is inferred from the Java value. */
    public RenderContext value(Object value) {
        return value(value, null);
    }

    /** Note that a Nullable column was rendered, so that negations can keep its NULL rows. */
    public void markNullable() {
        sawNullable = true;
    }

    /** Return whether a Nullable column was rendered into this context. */
    public boolean sawNullable() {
        return sawNullable;
    }

    /** Return the SQL written so far, with its late text decided now. */
    @Override
    public String toString() {
        if (late.isEmpty()) {
            return sql.toString();
        }
        StringBuilder out = new StringBuilder(sql.length() + 16 * late.size());
        int from = 0;
        for (Late l : late) {
            out.append(sql, from, l.at()).append(l.text().get());
            from = l.at();
        }
        return out.append(sql, from, sql.length()).toString();
    }
}
