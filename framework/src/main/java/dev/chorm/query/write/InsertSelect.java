package dev.chorm.query.write;

import dev.chorm.QueryException;
import dev.chorm.model.ModelField;
import dev.chorm.model.ModelMeta;
import dev.chorm.query.Func;
import dev.chorm.query.SelectStatement;
import dev.chorm.sql.Keyword;
import dev.chorm.sql.RenderContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Render {@code INSERT INTO target (columns) SELECT ...}: the rows of a QuerySet written into a
 * model's table, each selected column into the target column of the same name (its column or Java
 * field name), whatever their order; every name is checked before any SQL is sent.
 *
 * <pre>{@code
 * INSERT INTO `rollup` (`minute`, `visitors`) SELECT toStartOfMinute(`ts`) AS `minute`, uniqState(`user`) AS `visitors` FROM `event` GROUP BY `minute`
 * }</pre>
 * Target columns the SELECT leaves out get their DEFAULT. A {@code Model}'s synthetic id left out
 * gets a fresh {@code generateSnowflakeID()} per row, as chorm's own inserts draw one: the SELECT is
 * then wrapped ({@code SELECT generateSnowflakeID(), * FROM (...)}), because an id added to a
 * grouping SELECT would become one of its GROUP BY keys.
 */
final class InsertSelect {
    private InsertSelect() {
    }

    /**
     * Return the INSERT of the rows of {@code select} (from a QuerySet of {@code source}) into
     * {@code target}'s table.
     *
     * @throws QueryException naming the target model, the columns and the fix, when a selected name is
     *                        no insertable column of the target or two fill the same column
     */
    static String sql(ModelMeta target, SelectStatement select, String source) {
        List<ModelField> columns = match(target, select, source);
        ModelField id = target.fields().stream()
                .filter(f -> f.isSyntheticId() && !columns.contains(f)).findFirst().orElse(null);
        RenderContext ctx = RenderContext.of(null);
        ctx.visit(Keyword.INSERT_INTO).sql(' ').qualifiedName(target.table().database(), target.table().name())
                .sql(" (");
        List<ModelField> listed = new ArrayList<>(columns);
        if (id != null) {
            listed.add(0, id);
        }
        for (int i = 0; i < listed.size(); i++) {
            ctx.sql(i == 0 ? "" : ", ").identifier(listed.get(i).columnName());
        }
        ctx.sql(") ");
        if (id == null) {
            return ctx.sql(select.sql()).toString();
        }
        return ctx.visit(Keyword.SELECT).sql(' ').visit(Func.generateSnowflakeID()).sql(", * ").visit(Keyword.FROM)
                .sql(" (").sql(select.sql()).sql(')').toString();
    }

    /** Return the target field of each selected column, in the SELECT's order. */
    private static List<ModelField> match(ModelMeta target, SelectStatement select, String source) {
        Map<String, ModelField> byName = new LinkedHashMap<>();
        for (ModelField f : target.fields()) {
            byName.put(f.columnName(), f);
            byName.putIfAbsent(f.javaName(), f);
        }
        String model = target.modelClass().getSimpleName();
        String head = "Cannot insert into " + model + " (table " + target.table().name() + ") from a QuerySet of "
                + source + ": ";
        List<String> unknown = new ArrayList<>();
        List<String> computed = new ArrayList<>();
        Map<ModelField, String> filled = new LinkedHashMap<>();
        List<ModelField> out = new ArrayList<>();
        for (String name : select.names()) {
            ModelField f = byName.get(name);
            if (f == null) {
                unknown.add(name);
            } else if (!f.column().isInsertable()) {
                computed.add(name);
            } else if (filled.containsKey(f)) {
                throw new QueryException(head + "the selected names " + filled.get(f) + " and " + name + " both fill the"
                        + " column " + f.columnName() + ". Select it once.");
            } else {
                filled.put(f, name);
                out.add(f);
            }
        }
        if (!unknown.isEmpty()) {
            List<String> names = target.fields().stream().filter(f -> f.column().isInsertable())
                    .map(ModelField::columnName).toList();
            throw new QueryException(head + "the selected " + (unknown.size() == 1 ? "name " : "names ")
                    + String.join(", ", unknown) + (unknown.size() == 1 ? " is" : " are") + " no column of " + model
                    + " (columns: " + String.join(", ", names) + "). Name each selected value after a column of "
                    + model + " with values(...) or annotate(...), or leave it out.");
        }
        if (!computed.isEmpty()) {
            throw new QueryException(head + String.join(", ", computed) + (computed.size() == 1 ? " is a column" : " are"
                    + " columns") + " that ClickHouse computes (MATERIALIZED or ALIAS) and an INSERT cannot write."
                    + " Leave " + (computed.size() == 1 ? "it" : "them") + " out of the selection.");
        }
        if (out.isEmpty()) {
            throw new QueryException(head + "it selects no column.");
        }
        return out;
    }
}
