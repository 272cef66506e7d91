package dev.chorm.query.expr;

import dev.chorm.model.ModelField;
import dev.chorm.model.ModelMeta;
import dev.chorm.sql.Keyword;
import dev.chorm.sql.RenderContext;
import dev.chorm.sql.SqlLiterals;

/**
 * Join the table of a related model along a {@link dev.chorm.model.ForeignKey}:
 * {@code LEFT OUTER JOIN `customer` AS `customer` ON `order`.`customer_id` = `customer`.`id`}.
 *
 * @param path the relation path from the base model, like {@code customer} or {@code customer__region}
 * @param alias the alias of the joined table
 * @param target the related model
 * @param leftAlias the alias of the table holding the foreign key
 * @param leftField the column of the left table: the foreign key, or for a reverse relation the field it refers to
 * @param targetField the column of the joined table it matches
 */
public record Join(String path, String alias, ModelMeta target, String leftAlias, ModelField leftField,
                   ModelField targetField) {
    /** Write the join clause. */
    public void render(RenderContext ctx) {
        ctx.visit(Keyword.LEFT_JOIN).sql(' ').qualifiedName(target.table().database(), target.table().name())
                .sql(' ').visit(Keyword.AS).sql(' ').identifier(alias).sql(' ')
                .visit(Keyword.ON).sql(' ').identifier(leftAlias).sql('.').identifier(leftField.columnName())
                .sql(" = ").identifier(alias).sql('.').identifier(targetField.columnName());
    }

    @Override
    public String toString() {
        return path + " -> " + SqlLiterals.quoteIdentifier(target.table().name());
    }
}
