package dev.chorm.query.expr;

import dev.chorm.sql.Keyword;
import dev.chorm.sql.QueryPart;
import dev.chorm.sql.RenderContext;

/**
 * Bound the rows a window function sees: {@code ROWS|RANGE BETWEEN start AND end}.
 *
 * <pre>{@code Frame.rows(Frame.preceding(2), Frame.currentRow())   // ROWS BETWEEN 2 PRECEDING AND CURRENT ROW}</pre>
 */
public final class Frame implements QueryPart {
    /** One end of a frame. */
    public static final class Bound {
        private final String text;

        private Bound(String text) {
            this.text = text;
        }
    }

    private final Keyword unit;
    private final Bound start;
    private final Bound end;

    private Frame(Keyword unit, Bound start, Bound end) {
        this.unit = unit;
        this.start = start;
        this.end = end;
    }

    /** Return a frame counted in rows. */
    public static Frame rows(Bound start, Bound end) {
        return new Frame(Keyword.ROWS, start, end);
    }

    /** Return a frame counted in values of the ORDER BY key. */
    public static Frame range(Bound start, Bound end) {
        return new Frame(Keyword.RANGE, start, end);
    }

    /** Return {@code UNBOUNDED PRECEDING}. */
    public static Bound unboundedPreceding() {
        return new Bound("UNBOUNDED PRECEDING");
    }

    /** Return {@code n PRECEDING}. */
    public static Bound preceding(long n) {
        return new Bound(checked(n) + " PRECEDING");
    }

    /** Return {@code CURRENT ROW}. */
    public static Bound currentRow() {
        return new Bound("CURRENT ROW");
    }

    /** Return {@code n FOLLOWING}. */
    public static Bound following(long n) {
        return new Bound(checked(n) + " FOLLOWING");
    }

    /** Return {@code UNBOUNDED FOLLOWING}. */
    public static Bound unboundedFollowing() {
        return new Bound("UNBOUNDED FOLLOWING");
    }

    private static long checked(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("a frame offset must be >= 0: " + n);
        }
        return n;
    }

    @Override
    public void accept(RenderContext ctx) {
        ctx.visit(unit).sql(' ').visit(Keyword.BETWEEN).sql(' ').sql(start.text).sql(' ').visit(Keyword.AND)
                .sql(' ').sql(end.text);
    }
}
