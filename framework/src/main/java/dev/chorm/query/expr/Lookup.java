package dev.chorm.query.expr;

import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A lookup such as {@code exact} or {@code icontains}: the part after the last {@code __} of a filter
 * path ({@code filter("name__icontains", "x")}), which renders the condition
 * {@code <operand> <lookup> <value>} itself. chorm's own are {@link Lookups#choices(DataType) listed by
 * type}; register your own with {@link Lookups#register(Lookup)}, as Django's
 * {@code Field.register_lookup}:
 *
 * <pre>{@code
 * Lookups.register(Lookup.of("hasprefix", (ctx, lhs, value) ->
 *         ctx.sql("startsWith(").visit(lhs).sql(", ").value(value, DataType.string()).sql(")")));
 * db.objects(Person.class).filter("last_name__hasprefix", "Sm")   // WHERE startsWith(`last_name`, 'Sm')
 * }</pre>
 */
public interface Lookup {
    /** Write {@code lhs <lookup> value} into {@code ctx}. */
    @FunctionalInterface
    interface Renderer {
        /**
         * Write the condition.
         *
         * @param ctx the context: {@link RenderContext#visit} for the operand, {@link RenderContext#value}
         *            for the value (a literal, an expression or a subquery)
         * @param lhs the operand the path (or the typed expression) resolved to
         * @param value the value the filter gave
         */
        void render(RenderContext ctx, Expression lhs, Object value);
    }

    /** Return the name used in filter paths, such as {@code icontains}. */
    String name();

    /** Return whether this lookup applies to an operand of {@code type} (null: chorm cannot tell). */
    default boolean appliesTo(DataType type) {
        return true;
    }

    /** Write {@code lhs <lookup> value} into {@code ctx}. */
    void render(RenderContext ctx, Expression lhs, Object value);

    /** Return the lookup {@code name} that applies to every type and renders with {@code renderer}. */
    static Lookup of(String name, Renderer renderer) {
        return of(name, type -> true, renderer);
    }

    /** Return the lookup {@code name} that applies to the operand types {@code appliesTo} accepts. */
    static Lookup of(String name, Predicate<DataType> appliesTo, Renderer renderer) {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(appliesTo, "appliesTo == null");
        Objects.requireNonNull(renderer, "renderer == null");
        return new Lookup() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean appliesTo(DataType type) {
                return appliesTo.test(type);
            }

            @Override
            public void render(RenderContext ctx, Expression lhs, Object value) {
                renderer.render(ctx, lhs, value);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
