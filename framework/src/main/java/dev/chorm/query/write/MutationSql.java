package dev.chorm.query.write;

import dev.chorm.QueryException;
import dev.chorm.model.DefaultKind;
import dev.chorm.model.ModelField;
import dev.chorm.model.ModelMeta;
import dev.chorm.query.expr.Scope;
import dev.chorm.schema.StorageProfile;
import dev.chorm.sql.Keyword;
import dev.chorm.sql.QueryPart;
import dev.chorm.sql.RenderContext;
import dev.chorm.sql.Settings;
import java.util.Map;

/**
 * Render the four mutation statements of a model's table through a {@link RenderContext}, so that
 * identifiers are quoted and values escaped in the one place that does it:
 * <pre>
 * ALTER TABLE `t` UPDATE `a` = 'x', `n` = `n` + 1 WHERE &lt;condition&gt; SETTINGS ...
 * UPDATE `t` SET `a` = 'x' WHERE &lt;condition&gt; SETTINGS ...          (lightweight update)
 * DELETE FROM `t` WHERE &lt;condition&gt; SETTINGS ...                   (lightweight delete)
 * ALTER TABLE `t` DELETE WHERE &lt;condition&gt; SETTINGS ...
 * </pre>
 * A mutation without a condition renders {@code WHERE 1}. Conditions may not join other tables
 * (ClickHouse mutations cannot); filter with {@code field__in=otherQuerySet} instead.
 *
 * <p>ClickHouse refuses mutations of a {@code Distributed} table, so on a Distributed model they go,
 * as the reference backend sends them, to the local table on every node of the cluster: {@code ALTER
 * TABLE `local` ON CLUSTER `c` UPDATE ...}, {@code DELETE FROM `local` ON CLUSTER `c` ...}. Reads and
 * inserts stay on the Distributed table.
 */
final class MutationSql {
    private MutationSql() {
    }

    /** Return the UPDATE of {@code values} (field name to literal or expression) on rows matching {@code where}. */
    static String update(ModelMeta meta, Map<String, ?> values, QueryPart where, Settings settings,
                         boolean lightweight) {
        return update(meta, values, where, settings, lightweight, StorageProfile.CLUSTER);
    }

    /** As {@link #update(ModelMeta, Map, QueryPart, Settings, boolean)}, for tables rendered under {@code profile}. */
    static String update(ModelMeta meta, Map<String, ?> values, QueryPart where, Settings settings,
                         boolean lightweight, StorageProfile profile) {
        if (values.isEmpty()) {
            throw new QueryException("update() on " + meta.modelClass().getSimpleName() + " needs at least one field.");
        }
        RenderContext ctx = RenderContext.of(new Scope(meta, Map.of(), Map.of(), false));
        ctx.sql(lightweight ? "UPDATE " : "ALTER TABLE ");
        target(ctx, meta, profile);
        ctx.sql(lightweight ? " SET " : " UPDATE ");
        String separator = "";
        for (Map.Entry<String, ?> e : values.entrySet()) {
            ModelField f = updatable(meta, e.getKey());
            ctx.sql(separator).identifier(f.columnName()).sql(" = ").value(e.getValue(), f.column().type());
            separator = ", ";
        }
        return finish(ctx, meta, where, settings);
    }

    /** Return the DELETE of rows matching {@code where}. */
    static String delete(ModelMeta meta, QueryPart where, Settings settings, boolean lightweight) {
        return delete(meta, where, settings, lightweight, StorageProfile.CLUSTER);
    }

    /** As {@link #delete(ModelMeta, QueryPart, Settings, boolean)}, for tables rendered under {@code profile}. */
    static String delete(ModelMeta meta, QueryPart where, Settings settings, boolean lightweight, StorageProfile profile) {
        RenderContext ctx = RenderContext.of(new Scope(meta, Map.of(), Map.of(), false));
        ctx.sql(lightweight ? "DELETE FROM " : "ALTER TABLE ");
        target(ctx, meta, profile);
        ctx.sql(lightweight ? "" : " DELETE");
        return finish(ctx, meta, where, settings);
    }

    /**
     * Write the table a mutation changes: the model's own, or a Distributed model's local table ON
     * CLUSTER; under {@code single-node} a Distributed model is a plain table and changes itself.
     */
    private static void target(RenderContext ctx, ModelMeta meta, StorageProfile profile) {
        MutationTarget t = MutationTarget.of(meta, profile);
        ctx.qualifiedName(t.database(), t.table());
        if (!t.cluster().isEmpty()) {
            ctx.sql(' ').visit(Keyword.ON_CLUSTER).sql(' ').identifier(t.cluster());
        }
    }

    private static String finish(RenderContext ctx, ModelMeta meta, QueryPart where, Settings settings) {
        ctx.sql(" WHERE ");
        if (where == null) {
            ctx.sql('1');
        } else {
            ctx.visit(where);
        }
        if (!Scope.of(ctx).joins().isEmpty()) {
            throw new QueryException("update() and delete() on " + meta.modelClass().getSimpleName()
                    + " cannot filter across relations, because ClickHouse mutations cannot join."
                    + " Filter with field__in=<QuerySet of the related model> instead.");
        }
        if (!settings.isEmpty()) {
            ctx.sql(' ').visit(settings);
        }
        return ctx.toString();
    }

    /** Return the field {@code name} (Java or column name) after checking that a mutation may change it. */
    static ModelField updatable(ModelMeta meta, String name) {
        String model = meta.modelClass().getSimpleName();
        ModelField f = Scope.requireField(meta, name);
        DefaultKind kind = f.column().defaultKind();
        if (kind == DefaultKind.MATERIALIZED || kind == DefaultKind.ALIAS || kind == DefaultKind.EPHEMERAL) {
            throw new QueryException("%s.%s is a %s column, which ClickHouse computes; it cannot be updated."
                    .formatted(model, f.javaName(), kind.keyword()));
        }
        if (KeyColumns.of(meta.table()).contains(f.columnName())) {
            throw new QueryException(("%s.%s is part of the table's sorting, primary or partition key, which"
                    + " ClickHouse cannot update. Delete the rows and create them again instead.")
                    .formatted(model, f.javaName()));
        }
        return f;
    }
}
