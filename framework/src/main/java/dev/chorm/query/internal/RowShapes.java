package dev.chorm.query.internal;

import dev.chorm.QueryException;
import dev.chorm.model.ModelField;
import dev.chorm.model.ModelMeta;
import dev.chorm.query.expr.Scope;
import dev.chorm.types.ValueReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Provide the row shapes of QuerySets: model objects, maps, lists, single values and records. */
public final class RowShapes {
    private RowShapes() {
    }

    private static final RowShape<Object> MODEL = (q, c, md) -> new ModelRowMapper(q.meta(), c.items(), md);

    /**
     * Return {@code shape} over the rows of hand-written {@code sql}: each column is read by its label,
     * as the field of {@code meta} it names (if any; null: no model).
     */
    public static <R> RowShape<R> byLabel(RowShape<R> shape, ModelMeta meta, String sql) {
        return (q, c, md) -> {
            List<SelectItem> items = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String label = md.getColumnLabel(i);
                ModelField f = meta == null ? null : Scope.field(meta, label).orElse(null);
                items.add(new SelectItem(label, null, null, f, null));
            }
            return shape.mapper(q, new SqlCompiler.Compiled(sql, items), md);
        };
    }

    /** Return model objects of the query's model. */
    @SuppressWarnings("unchecked")
    public static <T> RowShape<T> model() {
        return (RowShape<T>) MODEL;
    }

    /** Return whether {@code shape} is {@link #model()}, which the Native read path can build too. */
    static boolean isModel(RowShape<?> shape) {
        return shape == MODEL;
    }

    /** Return rows as maps from item key to value, in SELECT order. */
    public static RowShape<Map<String, Object>> map() {
        return NativeRowShape.of((q, c, md) -> {
            List<ColumnReaders.ColumnReader> readers = readers(c.items(), md);
            List<String> keys = c.items().stream().map(SelectItem::key).toList();
            return rs -> {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < readers.size(); i++) {
                    row.put(keys.get(i), readers.get(i).read(rs, i + 1));
                }
                return Collections.unmodifiableMap(row);
            };
        }, RowShapes::mapOf);
    }

    private static Map<String, Object> mapOf(List<SelectItem> items, Object[] values) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            row.put(items.get(i).key(), values[i]);
        }
        return Collections.unmodifiableMap(row);
    }

    /** Return rows as lists of values, in SELECT order. */
    public static RowShape<List<Object>> list() {
        return NativeRowShape.of((q, c, md) -> {
            List<ColumnReaders.ColumnReader> readers = readers(c.items(), md);
            return rs -> {
                List<Object> row = new ArrayList<>(readers.size());
                for (int i = 0; i < readers.size(); i++) {
                    row.add(readers.get(i).read(rs, i + 1));
                }
                return Collections.unmodifiableList(row);
            };
        }, (items, values) -> Collections.unmodifiableList(java.util.Arrays.asList(values)));
    }

    /** Return the single column of each row, cast to {@code type}. */
    public static <V> RowShape<V> single(Class<V> type) {
        return NativeRowShape.of((q, c, md) -> {
            checkSingle(c.items());
            ColumnReaders.ColumnReader reader = readers(c.items(), md).get(0);
            return rs -> cast(reader.read(rs, 1), type);
        }, (items, values) -> cast(values[0], type), RowShapes::checkSingle);
    }

    private static void checkSingle(List<SelectItem> items) {
        if (items.size() != 1) {
            throw new QueryException("A flat valuesList needs exactly one field, got " + items.size() + ".");
        }
    }

    /** Return each row as a record (by component name) or a class with a no-argument constructor (by field name). */
    public static <R> RowShape<R> into(Class<R> type) {
        RowShape<Map<String, Object>> maps = map();
        return NativeRowShape.of((q, c, md) -> {
            RowMapper<Map<String, Object>> m = maps.mapper(q, c, md);
            return rs -> create(type, m.map(rs));
        }, (items, values) -> create(type, mapOf(items, values)));
    }

    private static List<ColumnReaders.ColumnReader> readers(List<SelectItem> items, ResultSetMetaData md)
            throws SQLException {
        List<ColumnReaders.ColumnReader> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            SelectItem item = items.get(i);
            ValueReader reader = item.reader();
            out.add(item.field() != null ? ColumnReaders.forItem(item, false) : reader != null
                    ? (rs, index) -> {
                        Object raw = rs.getObject(index);
                        return raw == null ? null : reader.convert(raw);
                    }
                    : ColumnReaders.plain(md, i + 1));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <V> V cast(Object value, Class<V> type) {
        if (value == null || type.isInstance(value)) {
            return (V) value;
        }
        if (value instanceof Number n) {
            if (type == Long.class) {
                return (V) Long.valueOf(n.longValue());
            } else if (type == Integer.class) {
                return (V) Integer.valueOf(n.intValue());
            } else if (type == Double.class) {
                return (V) Double.valueOf(n.doubleValue());
            }
        }
        if (type == String.class) {
            return (V) value.toString();
        }
        throw new QueryException("Cannot read a " + value.getClass().getSimpleName() + " (" + value + ") as "
                + type.getSimpleName() + ".");
    }

    private static <R> R create(Class<R> type, Map<String, Object> row) {
        try {
            if (type.isRecord()) {
                RecordComponent[] components = type.getRecordComponents();
                Object[] args = new Object[components.length];
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    Object v = row.get(components[i].getName());
                    args[i] = v == null ? Reflection.defaultValue(types[i]) : Reflection.narrow(v, types[i]);
                }
                Constructor<R> c = type.getDeclaredConstructor(types);
                c.setAccessible(true);
                return c.newInstance(args);
            }
            Constructor<R> c = type.getDeclaredConstructor();
            c.setAccessible(true);
            R out = c.newInstance();
            for (Map.Entry<String, Object> e : row.entrySet()) {
                Field f = Reflection.findField(type, e.getKey());
                if (f != null) {
                    Reflection.set(f, out, e.getValue());
                }
            }
            return out;
        } catch (ReflectiveOperationException e) {
            throw new QueryException("Cannot build a " + type.getSimpleName() + " from " + row + ": " + e, -1, e);
        }
    }
}
