package dev.chorm.query.internal;

import dev.chorm.ChormException;
import dev.chorm.QueryException;
import dev.chorm.model.ModelField;
import dev.chorm.model.ModelMeta;
import dev.chorm.query.expr.Scope;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Build model objects from rows: the loaded fields through their {@link dev.chorm.types.ValueReader}s,
 * annotations into same-named non-column fields when the class has them, and related objects
 * (selectRelated) into the field named after the relation ({@code Customer customer}), or null
 * when the join found no row.
 */
final class ModelRowMapper implements RowMapper<Object> {
    private final Builder root;
    private final Map<String, Builder> related = new LinkedHashMap<>();
    private final Annotation[] annotations;

    private record Annotation(Field target, ColumnReaders.ColumnReader reader, int index) {
    }

    ModelRowMapper(ModelMeta meta, List<SelectItem> items, ResultSetMetaData md) throws SQLException {
        root = new Builder(meta, md);
        List<Annotation> annotations = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            SelectItem item = items.get(i);
            if (item.relation() != null) {
                Builder b = related.get(item.relation());
                if (b == null) {
                    b = new Builder(Scope.targetOfPath(meta, item.relation()), md);
                    related.put(item.relation(), b);
                }
                b.add(item, i + 1);
            } else if (item.field() != null) {
                root.add(item, i + 1);
            } else {
                Field f = Reflection.findField(meta.modelClass(), item.key());
                if (f != null) {
                    annotations.add(new Annotation(f, ColumnReaders.plain(md, i + 1), i + 1));
                }
            }
        }
        root.seal();
        related.values().forEach(Builder::seal);
        this.annotations = annotations.toArray(new Annotation[0]);
    }

    @Override
    public Object map(ResultSet rs) throws SQLException {
        Object object = root.build(rs);
        for (Annotation a : annotations) {
            Reflection.set(a.target(), object, a.reader().read(rs, a.index()));
        }
        if (!related.isEmpty()) {
            Map<String, Object> built = new LinkedHashMap<>();
            for (Map.Entry<String, Builder> e : related.entrySet()) {
                built.put(e.getKey(), e.getValue().buildOrNull(rs));
            }
            built.forEach((path, value) -> attach(object, built, path, value));
        }
        return object;
    }

    private static void attach(Object root, Map<String, Object> built, String path, Object value) {
        int cut = path.lastIndexOf("__");
        Object parent = cut < 0 ? root : built.get(path.substring(0, cut));
        if (parent == null) {
            return;
        }
        String name = cut < 0 ? path : path.substring(cut + 2);
        Field f = Reflection.findField(parent.getClass(), name);
        if (f == null) {
            throw new QueryException("selectRelated(\"" + path + "\") needs a field '" + name + "' in "
                    + parent.getClass().getSimpleName() + " to hold the related object; add `@Transient public "
                    + (value == null ? "<Model>" : value.getClass().getSimpleName()) + " " + name + ";`.");
        }
        Reflection.set(f, parent, value);
    }

    /** Build one object of one model from its columns. */
    private static final class Builder {
        private final ModelMeta meta;
        private final boolean record;
        private final ResultSetMetaData md;
        private final List<ModelField> fields = new ArrayList<>();
        private final List<ColumnReaders.ColumnReader> readers = new ArrayList<>();
        private final List<Integer> indexes = new ArrayList<>();
        private final List<FieldFillers.FieldFiller> fillers = new ArrayList<>();
        private ColumnReaders.ColumnReader[] readerArray;
        private int[] indexArray;
        private int[] positions;
        private Object[] defaults;
        private FieldFillers.FieldFiller[] fillerArray;
        private Constructor<?> constructor;

        Builder(ModelMeta meta, ResultSetMetaData md) {
            this.meta = meta;
            this.record = meta.isRecord();
            this.md = md;
        }

        void add(SelectItem item, int index) throws SQLException {
            fields.add(item.field());
            readers.add(ColumnReaders.forItem(item, true));
            indexes.add(index);
            if (!record) {
                fillers.add(FieldFillers.of(item, index, md));
            }
        }

        /** Freeze the columns into arrays once all are added, for the per-row loops. */
        void seal() {
            readerArray = readers.toArray(new ColumnReaders.ColumnReader[0]);
            indexArray = indexes.stream().mapToInt(Integer::intValue).toArray();
            positions = fields.stream().mapToInt(f -> meta.fields().indexOf(f)).toArray();
            fillerArray = fillers.toArray(new FieldFillers.FieldFiller[0]);
            defaults = meta.fields().stream().map(f -> Reflection.defaultValue(f.javaType())).toArray();
        }

        Object buildOrNull(ResultSet rs) throws SQLException {
            for (int index : indexArray) {
                if (rs.getObject(index) != null) {
                    return build(rs);
                }
            }
            return null;
        }

        Object build(ResultSet rs) throws SQLException {
            if (record) {
                Object[] values = defaults.clone();
                for (int i = 0; i < readerArray.length; i++) {
                    values[positions[i]] = readerArray[i].read(rs, indexArray[i]);
                }
                return meta.newInstance(values);
            }
            Object o = instantiate();
            for (FieldFillers.FieldFiller filler : fillerArray) {
                filler.fill(rs, o);
            }
            return o;
        }

        private Object instantiate() {
            try {
                Constructor<?> c = constructor;
                if (c == null) {
                    c = meta.modelClass().getDeclaredConstructor();
                    c.setAccessible(true);
                    constructor = c;
                }
                return c.newInstance();
            } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                     | InvocationTargetException e) {
                throw new ChormException("Cannot create " + meta.modelClass().getSimpleName() + ": " + e, e);
            }
        }
    }
}
