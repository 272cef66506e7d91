package dev.chorm.query.expr;

import dev.chorm.model.ModelField;
import dev.chorm.sql.RenderContext;
import dev.chorm.sql.SqlLiterals;
import dev.chorm.types.DataType;

/**
 * Refer to a column of the model's table or of a joined table; qualified with the table alias only
 * when the query joins.
 *
 * @param tableAlias the alias of the table holding the column
 * @param column the column name
 * @param type the column type (Nullable when a LEFT JOIN can leave it NULL)
 * @param field the model field bound to the column, or null for a synthetic column
 * @param joined whether the column belongs to a joined table
 */
public record ColumnRef(String tableAlias, String column, DataType type, ModelField field, boolean joined)
        implements Expression {
    @Override
    public void accept(RenderContext ctx) {
        Scope scope = Scope.of(ctx);
        ctx.later(() -> scope.qualify() ? SqlLiterals.quoteIdentifier(tableAlias) + "." : "").identifier(column);
        if (joined || type.isNullable()) {
            ctx.markNullable();
        }
    }

    @Override
    public DataType type(RenderContext ctx) {
        return type;
    }
}
