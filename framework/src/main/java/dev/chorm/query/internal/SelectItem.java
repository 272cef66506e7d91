package dev.chorm.query.internal;

import dev.chorm.model.ModelField;
import dev.chorm.query.expr.AliasRef;
import dev.chorm.query.expr.ColumnRef;
import dev.chorm.query.expr.Expression;
import dev.chorm.types.ValueReader;

/**
 * Describe one column of a SELECT list, for rendering and for reading rows back.
 *
 * @param key the name of the value in a result row: a Java field name, a values() path or an annotation
 * @param expression what is selected
 * @param alias the SQL alias, or null when the column keeps its own name
 * @param field the model field the column fills, or null for an expression
 * @param relation the relation path for a column of a related model (selectRelated), else null
 * @param reader the reader into the Java type a values() path reaches (a record component, a list
 *               element, a joined field), or null
 */
record SelectItem(String key, Expression expression, String alias, ModelField field, String relation,
                         ValueReader reader) {
    /** Create an item without a reader of its own: a model field's reader, or plain values. */
    public SelectItem(String key, Expression expression, String alias, ModelField field, String relation) {
        this(key, expression, alias, field, relation, null);
    }

    /** Return the name this column has in the result: its alias, else the column or alias it selects as it is. */
    String outputName() {
        if (alias != null) {
            return alias;
        }
        return expression instanceof ColumnRef c ? c.column() : expression instanceof AliasRef a ? a.name() : key;
    }
}
