package dev.chorm.query.expr;

import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;

/**
 * Read a key of a JSON column as a subcolumn: {@code `content`.`a`.`b`}; its type is ClickHouse's
 * Dynamic, which chorm reports as JSON so that further keys chain.
 *
 * @param parent the JSON column or path
 * @param key the key under it
 */
record JsonPath(Expression parent, String key) implements Expression {
    @Override
    public void accept(RenderContext ctx) {
        if (parent instanceof JsonPath || parent instanceof ColumnRef) {
            ctx.visit(parent).sql('.').identifier(key);
        } else {
            ctx.sql("tupleElement(").visit(parent).sql(", ").value(key, null).sql(')');
        }
    }

    @Override
    public DataType type(RenderContext ctx) {
        return DataType.json();
    }
}
