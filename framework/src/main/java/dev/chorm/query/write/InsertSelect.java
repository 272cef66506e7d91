package dev.chorm.query.write;

import dev.chorm.QueryException;
import dev.chorm.model.ModelField;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.SelectText;
import dev.chorm.query.expr.FunctionCall;
import dev.chorm.sql.Keyword;
import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;
import dev.chorm.types.TypeKind;
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
 * A state whose type differs from its AggregateFunction column's, a state into a plain column and a
 * plain value into a state column are refused too, when chorm knows both types.
 * Target columns the SELECT leaves out get their DEFAULT. A {@code Model}'s synthetic id left out
 * gets a fresh {@code generateSnowflakeID()} per row, as chorm's own inserts draw one: the SELECT is
 * then wrapped ({@code SELECT generateSnowflakeID(), * FROM (...)}), because an id added to a
 * grouping SELECT would become one of its GROUP BY keys.
 */
final class InsertSelect {
    private static final FunctionCall SNOWFLAKE_ID = new FunctionCall("generateSnowflakeID", List.of(), DataType.uint64(), false);

    private InsertSelect() {
    }

    /**
     * Return the INSERT of the rows of {@code select} (from a QuerySet of {@code source}) into
     * {@code target}'s table.
     *
     * @throws QueryException naming the target model, the columns and the fix, when a selected name is
     *                        no insertable column of the target, two fill the same column, or a column's
     *                        aggregation states do not fit (see {@link #checkState})
     */
    static String sql(ModelMeta target, SelectText select, String source) {
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
        return ctx.visit(Keyword.SELECT).sql(' ').visit(SNOWFLAKE_ID).sql(", * ").visit(Keyword.FROM)
                .sql(" (").sql(select.sql()).sql(')').toString();
    }

    /**
     * Refuse a selected column that cannot fill {@code f} because one of them holds aggregation states
     * and the other does not, or they hold states of different types: ClickHouse converts no state to
     * another (measured: not UInt32 to UInt64, nor Nullable to plain) except across time zones.
     * Columns whose type chorm cannot tell are left to the server.
     */
    private static void checkState(String head, String model, SelectText.Column c, ModelField f) {
        DataType target = f.column().type();
        DataType selected = c.type();
        boolean targetState = target.kind() == TypeKind.AGGREGATE_FUNCTION;
        if (selected == null || !targetState && selected.kind() != TypeKind.AGGREGATE_FUNCTION) {
            return;
        }
        String where = "the selected name " + c.name() + " is " + (selected.kind() == TypeKind.AGGREGATE_FUNCTION
                ? "the state " : "a value of type ") + selected.sql() + " and the column " + f.columnName() + " of "
                + model + " is " + target.sql();
        if (!targetState) {
            throw new QueryException(head + where + ". Merge the states first (merge() on the aggregate, such as"
                    + " Sum.of(\"hits\").merge()), or store them in an @AggregateFunction column.");
        }
        if (selected.kind() != TypeKind.AGGREGATE_FUNCTION) {
            throw new QueryException(head + where + ", which holds aggregation states. Select the state of an"
                    + " aggregate: " + target.functionName() + "(...).state().");
        }
        if (!sameState(selected, target)) {
            throw new QueryException(head + where + ": ClickHouse converts no aggregation state into another. Give"
                    + " the aggregate an argument of the column's type (cast it, such as Func.of(\"toUInt64\","
                    + " \"field\")), or declare the column with the selected state's type.");
        }
    }

    /** Return whether states of type {@code a} can be inserted into a column of type {@code b}. */
    private static boolean sameState(DataType a, DataType b) {
        if (!a.function().equals(b.function()) || a.version() != b.version()
                || a.arguments().size() != b.arguments().size()) {
            return false;
        }
        for (int i = 0; i < a.arguments().size(); i++) {
            DataType x = a.arguments().get(i);
            DataType y = b.arguments().get(i);
            // DateTime('UTC') states go into a DateTime column: only the time zone differs.
            boolean zoneOnly = x.kind() == y.kind() && (x.kind() == TypeKind.DATETIME
                    || x.kind() == TypeKind.DATETIME64 && x.precision() == y.precision());
            if (!x.equals(y) && !zoneOnly) {
                return false;
            }
        }
        return true;
    }

    /** Return the target field of each selected column, in the SELECT's order. */
    private static List<ModelField> match(ModelMeta target, SelectText select, String source) {
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
        for (SelectText.Column c : select.columns()) {
            String name = c.name();
            ModelField f = byName.get(name);
            if (f == null) {
                unknown.add(name);
            } else if (!f.column().isInsertable()) {
                computed.add(name);
            } else if (filled.containsKey(f)) {
                throw new QueryException(head + "the selected names " + filled.get(f) + " and " + name + " both fill the"
                        + " column " + f.columnName() + ". Select it once.");
            } else {
                checkState(head, model, c, f);
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
