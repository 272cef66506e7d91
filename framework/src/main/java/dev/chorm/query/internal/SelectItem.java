package dev.chorm.query.internal;

import dev.chorm.model.ModelField;
import dev.chorm.query.Expression;

/**
 * Describe one column of a SELECT list, for rendering and for reading rows back.
 *
 * @param key the name of the value in a result row: a Java field name, a values() path or an annotation
 * @param expression what is selected
 * @param alias the SQL alias, or null when the column keeps its own name
 * @param field the model field the column fills, or null for an expression
 * @param relation the relation path for a column of a related model (selectRelated), else null
 */
public record SelectItem(String key, Expression expression, String alias, ModelField field, String relation) {
}
