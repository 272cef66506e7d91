package dev.chorm.model;

import dev.chorm.ChormException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Describe a model class: its {@link TableSpec} and the fields bound to its columns. Built by
 * reflection once per class, checked ({@link ModelChecks}) and cached.
 *
 * <pre>{@code
 * ModelMeta meta = ModelMeta.of(Event.class);
 * String ddl = new DdlRenderer().createTable(meta.table(), false);
 * }</pre>
 */
public final class ModelMeta {
    private static final ClassValue<ModelMeta> CACHE = new ClassValue<>() {
        @Override
        protected ModelMeta computeValue(Class<?> type) {
            ModelMeta meta = ModelReader.read(type);
            KNOWN.add(type);
            return meta;
        }
    };
    /** The model classes described so far, in first-use order: where reverse relations are looked for. */
    private static final java.util.Set<Class<?>> KNOWN = java.util.Collections.synchronizedSet(
            new java.util.LinkedHashSet<>());

    private final Class<?> modelClass;
    private final TableSpec table;
    private final List<ModelField> fields;
    private final Map<String, ModelField> byColumn = new LinkedHashMap<>();
    private final Constructor<?> constructor;

    ModelMeta(Class<?> modelClass, TableSpec table, List<ModelField> fields, Constructor<?> constructor) {
        this.modelClass = modelClass;
        this.table = table;
        this.fields = List.copyOf(fields);
        this.constructor = constructor;
        fields.forEach(f -> byColumn.put(f.columnName(), f));
    }

    /** Return the model classes described so far in this JVM, in first-use order. */
    public static List<Class<?>> knownModels() {
        synchronized (KNOWN) {
            return List.copyOf(KNOWN);
        }
    }

    /**
     * Return whether {@code type} is declared as a model: it extends {@link Model} or carries {@link Table}, an
     * engine annotation, {@link View}, {@link MaterializedView} or {@link Dictionary}. Whether it is a valid
     * one is for {@link #of} to say.
     */
    public static boolean isDeclaredModel(Class<?> type) {
        return Model.class.isAssignableFrom(type) || type.isAnnotationPresent(Table.class) || ViewReader.isView(type)
                || type.isAnnotationPresent(Dictionary.class) || !EngineReader.engines(type).isEmpty();
    }

    /** Return the description of {@code modelClass}, reading and checking it on first use. */
    public static ModelMeta of(Class<?> modelClass) {
        return CACHE.get(modelClass);
    }

    /**
     * Return this model placed in {@code table} (its name, database, cluster and engine), with the same
     * fields: chorm's own bookkeeping models live in the migration database and cluster chosen at run time.
     */
    public ModelMeta inTable(TableSpec table) {
        return new ModelMeta(modelClass, table, fields, constructor);
    }

    /** Return the model class. */
    public Class<?> modelClass() {
        return modelClass;
    }

    /** Return the table the model maps to. */
    public TableSpec table() {
        return table;
    }

    /** Return the fields bound to columns, in column order. */
    public List<ModelField> fields() {
        return fields;
    }

    /** Return the field bound to {@code columnName}, if any. */
    public Optional<ModelField> field(String columnName) {
        return Optional.ofNullable(byColumn.get(columnName));
    }

    /** Return the field whose Java name is {@code javaName}, if any. */
    public Optional<ModelField> fieldByJavaName(String javaName) {
        return fields.stream().filter(f -> f.javaName().equals(javaName)).findFirst();
    }

    /** Return whether the model is a Java record (built through its canonical constructor). */
    public boolean isRecord() {
        return modelClass.isRecord();
    }

    /** Return whether the model extends {@link Model} and so has a Snowflake {@code id}. */
    public boolean hasSyntheticId() {
        return Model.class.isAssignableFrom(modelClass);
    }

    /**
     * Return a new instance holding {@code values}, one per field in {@link #fields()} order: a
     * record through its canonical constructor, a class through its no-argument constructor and
     * field assignment.
     */
    public Object newInstance(Object... values) {
        if (values.length != fields.size()) {
            throw new IllegalArgumentException("expected " + fields.size() + " values, got " + values.length);
        }
        checkPrimitives(values);
        try {
            if (isRecord()) {
                return constructor.newInstance(values);
            }
            Object instance = constructor.newInstance();
            for (int i = 0; i < values.length; i++) {
                fields.get(i).set(instance, values[i]);
            }
            return instance;
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new ChormException("Cannot create " + modelClass.getSimpleName() + ": " + e, e);
        }
    }

    private void checkPrimitives(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            ModelField f = fields.get(i);
            if (values[i] == null && f.javaType().isPrimitive()) {
                throw new ChormException("%s.%s: column '%s' holds NULL, which a %s field cannot hold; use %s or"
                        .formatted(modelClass.getSimpleName(), f.javaName(), f.columnName(), f.javaType(),
                                "a boxed type") + " make the column non-Nullable.");
            }
        }
    }

    @Override
    public String toString() {
        return "ModelMeta[" + modelClass.getName() + " -> " + table.name() + "]";
    }
}
