package dev.chorm.sql;

/**
 * Render one part of a query (a condition, an expression, a clause) into a {@link RenderContext}.
 *
 * <p>Every piece of SQL chorm sends is produced this way, so that identifiers are quoted and values
 * escaped in one place: the context.
 */
@FunctionalInterface
public interface QueryPart {
    /** Write this part into {@code ctx}. */
    void accept(RenderContext ctx);
}
