package dev.chorm.query;

import dev.chorm.query.internal.Scope;
import dev.chorm.query.internal.ValueLiterals;
import dev.chorm.sql.SqlLiterals;
import dev.chorm.types.DataType;
import java.util.List;

/**
 * Collect the SQL text of one query: the one place where identifiers are quoted and values escaped.
 *
 * <p>Query parts write themselves into it ({@link QueryPart#accept}); keywords come from
 * {@link Keyword}, identifiers go through {@link #identifier(String)} (backticks) and values
 * through {@link #value(Object, DataType)} (typed, escaped literals, see {@link ValueLiterals}).
 * The context also carries the {@link Scope} that resolves field paths such as
 * {@code timestamp__date} against the model.
 */
public final class RenderContext {
    private final StringBuilder sql;
    private final Scope scope;
    private boolean sawNullable;

    private RenderContext(StringBuilder sql, Scope scope) {
        this.sql = sql;
        this.scope = scope;
    }

    /** Return a context that resolves paths in {@code scope}. */
    public static RenderContext of(Scope scope) {
        return new RenderContext(new StringBuilder(128), scope);
    }

    /** Return a context writing into the same text as this one but resolving paths in {@code inner}. */
    public RenderContext nested(Scope inner) {
        return new RenderContext(sql, inner);
    }

    /** Return the scope that resolves field paths. */
    public Scope scope() {
        return scope;
    }

    /** Append trusted SQL text (keywords, operators, function names chorm chose); never user values. */
    public RenderContext sql(String text) {
        sql.append(text);
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
     * Append an operand: a {@link QueryPart} writes itself, a {@link QuerySet} becomes a
     * parenthesized subquery, anything else becomes a literal of {@code type} (null: inferred from
     * the Java value).
     */
    public RenderContext value(Object value, DataType type) {
        if (value instanceof QueryPart part) {
            part.accept(this);
        } else if (value instanceof QuerySet<?> qs) {
            sql.append('(');
            qs.renderSubquery(this);
            sql.append(')');
        } else {
            ValueLiterals.render(value, type, sql);
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

    /** Return whether a Nullable column was rendered since the last {@link #resetNullable()}. */
    public boolean sawNullable() {
        return sawNullable;
    }

    /** Forget Nullable columns seen so far and return whether one had been seen. */
    public boolean resetNullable() {
        boolean was = sawNullable;
        sawNullable = false;
        return was;
    }

    /** Return the current length of the text, to rewrite what follows a mark. */
    public int mark() {
        return sql.length();
    }

    /** Insert trusted text at a position returned by {@link #mark()}. */
    public void insert(int mark, String text) {
        sql.insert(mark, text);
    }

    /** Return the SQL written so far. */
    @Override
    public String toString() {
        return sql.toString();
    }
}
