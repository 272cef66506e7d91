package dev.chorm.query;

import dev.chorm.QueryException;
import dev.chorm.model.ColumnSpec;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.TableRef;
import dev.chorm.model.TableSpec;
import dev.chorm.query.expr.Condition;
import dev.chorm.query.expr.Expression;
import dev.chorm.query.expr.FunctionCall;
import dev.chorm.query.expr.Literal;
import dev.chorm.query.expr.Lookup;
import dev.chorm.query.expr.Scope;
import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Look values up in a {@link dev.chorm.model.Dictionary} model from any query: {@code dictGet},
 * {@code dictGetOrDefault}, {@code dictGetOrNull} and {@code dictHas}, each typed from the dictionary
 * model (an attribute's result has the attribute's type, so rows read it as the field's Java type).
 * As in {@link Func}, a {@code String} key is a field path of the queried model; a dictionary with a
 * composite key takes one key argument per key column (sent as a tuple), a RANGE_HASHED one the key
 * and then the value to find inside the rows' ranges (a date, for example).
 *
 * <pre>{@code
 * visits.annotate("country", Dictionaries.dictGet(CountryDict.class, "name", "country_id"))
 *       .filter(Dictionaries.has(CountryDict.class, "country_id"))
 * }</pre>
 */
public final class Dictionaries {
    private Dictionaries() {
    }

    /** Return {@code dictGet('db.dict', 'attribute', key)}, typed as the attribute. */
    public static Expression dictGet(Class<?> dictionary, String attribute, Object... key) {
        Target t = target(dictionary, key);
        return call("dictGet", t.attributeType(attribute), t, attribute, null);
    }

    /** Return {@code dictGetOrDefault('db.dict', 'attribute', key, default)}, typed as the attribute. */
    public static Expression dictGetOrDefault(Class<?> dictionary, String attribute, Object key, Object defaultValue) {
        return orDefault(target(dictionary, key), attribute, defaultValue);
    }

    /** Return {@code dictGetOrDefault} for a composite key given as one value per key column. */
    public static Expression dictGetOrDefault(Class<?> dictionary, String attribute, List<?> key, Object defaultValue) {
        return orDefault(target(dictionary, key.toArray()), attribute, defaultValue);
    }

    /** Return {@code dictGetOrDefault} of {@code t}, the default a literal of the attribute's type unless an expression. */
    private static Expression orDefault(Target t, String attribute, Object defaultValue) {
        DataType type = t.attributeType(attribute);
        Expression fallback = defaultValue instanceof Expression e ? e : new Literal(defaultValue, type);
        return call("dictGetOrDefault", type, t, attribute, fallback);
    }

    /** Return {@code dictGetOrNull('db.dict', 'attribute', key)}, typed {@code Nullable(attribute type)}. */
    public static Expression dictGetOrNull(Class<?> dictionary, String attribute, Object... key) {
        Target t = target(dictionary, key);
        DataType type = t.attributeType(attribute);
        return call("dictGetOrNull", type.isNullable() ? type : DataType.nullable(type), t, attribute, null);
    }

    /** Return {@code dictHas('db.dict', key)}: 1 when the dictionary holds the key, else 0 (UInt8). */
    public static Expression dictHas(Class<?> dictionary, Object... key) {
        Target t = target(dictionary, key);
        List<Object> args = new ArrayList<>(List.of(new Literal(t.name, null)));
        args.addAll(t.keyArguments());
        return new Lookup(new FunctionCall("dictHas", args, DataType.uint8(), false), TableRef.of(t.table));
    }

    /** Return the condition {@code dictHas('db.dict', key)}, for filter and exclude. */
    public static Condition has(Class<?> dictionary, Object... key) {
        Expression has = dictHas(dictionary, key);
        return ctx -> ctx.visit(has);
    }

    private static Expression call(String function, DataType type, Target t, String attribute, Expression fallback) {
        List<Object> args = new ArrayList<>(List.of(new Literal(t.name, null), new Literal(attribute, null)));
        args.addAll(t.keyArguments());
        if (fallback != null) {
            args.add(fallback);
        }
        return new Lookup(new FunctionCall(function, args, type, false), TableRef.of(t.table));
    }

    /**
     * A dictionary function call that tells the query's scope which dictionary it reads, so that a view
     * whose QuerySet looks values up is created after the dictionary ({@link TableSpec#dependencies()}).
     */
    private record Lookup(FunctionCall call, TableRef dictionary) implements Expression {
        @Override
        public void accept(RenderContext ctx) {
            if (ctx.scopeOrNull() instanceof Scope scope) {
                scope.noteRead(dictionary);
            }
            call.accept(ctx);
        }

        @Override
        public DataType type(RenderContext ctx) {
            return call.type(ctx);
        }

        @Override
        public boolean isAggregate() {
            return call.isAggregate();
        }

        @Override
        public List<Expression> groupingKeys() {
            return call.groupingKeys().contains(call) ? List.of(this) : call.groupingKeys();
        }
    }

    private static Target target(Class<?> dictionary, Object... key) {
        TableSpec table = ModelMeta.of(dictionary).table();
        if (!table.isDictionary()) {
            throw new QueryException("%s is not a dictionary; declare it with @Dictionary or look it up with a join."
                    .formatted(dictionary.getSimpleName()));
        }
        List<String> keyColumns = table.dictionary().primaryKey();
        boolean ranged = table.dictionary().layout().ranged();
        if (key.length != keyColumns.size() + (ranged ? 1 : 0)) {
            throw new QueryException(("Dictionary %s has key (%s)%s but %d value(s) were given; give one per key column%s.")
                    .formatted(dictionary.getSimpleName(), String.join(", ", keyColumns),
                            ranged ? " and a range" : "", key.length, ranged ? ", then the value inside the range" : ""));
        }
        List<Expression> args = Func.args(key);
        List<Expression> keys = args.subList(0, keyColumns.size());
        // A composite-key layout looks keys up as tuples, even of one column.
        Expression keyArg = table.dictionary().layout().complexKey()
                ? new FunctionCall("tuple", keys, null, false) : keys.get(0);
        String name = table.database().isEmpty() ? table.name() : table.database() + "." + table.name();
        return new Target(dictionary, table, name, keyArg, ranged ? args.get(keyColumns.size()) : null);
    }

    /** The dictionary being read: its name as dictGet takes it, the key argument and, for ranged layouts, the range value. */
    private record Target(Class<?> model, TableSpec table, String name, Expression key, Expression range) {
        List<Object> keyArguments() {
            return range == null ? List.of(key) : List.of(key, range);
        }

        DataType attributeType(String attribute) {
            ColumnSpec c = table.column(attribute).orElseThrow(() -> new QueryException(
                    "Dictionary %s has no attribute '%s'; use one of %s.".formatted(model.getSimpleName(), attribute,
                            attributes())));
            if (table.dictionary().isKey(attribute)) {
                throw new QueryException("%s.%s is a key column, not an attribute; dictGet reads attributes (%s)."
                        .formatted(model.getSimpleName(), attribute, attributes()));
            }
            return c.type();
        }

        /** Return the names of the attribute columns, for messages. */
        private List<String> attributes() {
            return table.columns().stream().map(ColumnSpec::name).filter(n -> !table.dictionary().isKey(n)).toList();
        }
    }
}
