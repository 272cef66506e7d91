package dev.chorm.model;

import dev.chorm.ChormException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Bind one column of a model to the Java field or record component that holds it: the reflective
 * half of a column, which {@link ColumnSpec} deliberately leaves out.
 *
 * <p>QuerySets use it to read values for inserts ({@link #get}) and to fill objects from rows
 * ({@link ModelMeta#newInstance}).
 */
public final class ModelField {
    /** Name the ways chorm fills a timestamp field on its own. */
    public enum AutoTime {
        /** Not filled automatically. */
        NONE,
        /** {@link AutoNowAdd}: set on insert when null. */
        ON_INSERT,
        /** {@link AutoNow}: set on every insert and save. */
        ON_SAVE
    }

    private final String javaName;
    private final ColumnSpec column;
    private final AnnotatedElement element;
    private final AnnotatedType annotatedType;
    private final Field field;
    private final Method accessor;
    private final boolean syntheticId;
    private final AutoTime autoTime;
    private final Relation relation;

    ModelField(String javaName, ColumnSpec column, AnnotatedElement element, AnnotatedType annotatedType,
               Field field, Method accessor, boolean syntheticId, AutoTime autoTime, Relation relation) {
        this.javaName = javaName;
        this.column = column;
        this.element = element;
        this.annotatedType = annotatedType;
        this.field = field;
        this.accessor = accessor;
        this.syntheticId = syntheticId;
        this.autoTime = autoTime;
        this.relation = relation;
    }

    /** Return the Java name of the field or record component. */
    public String javaName() {
        return javaName;
    }

    /** Return the column name. */
    public String columnName() {
        return column.name();
    }

    /** Return the column this field maps to. */
    public ColumnSpec column() {
        return column;
    }

    /** Return the field or record component, to read its annotations. */
    public AnnotatedElement element() {
        return element;
    }

    /** Return the generic Java type with its type-use annotations. */
    public AnnotatedType annotatedType() {
        return annotatedType;
    }

    /** Return the erased Java type. */
    public Class<?> javaType() {
        return field != null ? field.getType() : accessor.getReturnType();
    }

    /** Return whether this is {@link Model}'s Snowflake id. */
    public boolean isSyntheticId() {
        return syntheticId;
    }

    /** Return how chorm fills this field on its own, if at all. */
    public AutoTime autoTime() {
        return autoTime;
    }

    /** Return the relation this field declares with {@link ForeignKey}, if it is a foreign key. */
    public Optional<Relation> relation() {
        return Optional.ofNullable(relation);
    }

    /** Return the value of this field in {@code instance}; a Model's id is drawn if it is unset. */
    public Object get(Object instance) {
        try {
            if (syntheticId) {
                return ((Model) instance).id();
            }
            return field != null ? field.get(instance) : accessor.invoke(instance);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new ChormException("Cannot read " + javaName + " of " + instance.getClass().getName(), e);
        }
    }

    /** Set this field in {@code instance}; records cannot be changed, so this fails for them. */
    public void set(Object instance, Object value) {
        if (field == null) {
            throw new UnsupportedOperationException(javaName + " is a record component; records are immutable");
        }
        try {
            field.set(instance, value);
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new ChormException("Cannot set " + javaName + " of " + instance.getClass().getName()
                    + " to a " + (value == null ? "null" : value.getClass().getSimpleName()), e);
        }
    }

    @Override
    public String toString() {
        return javaName + " -> " + column.name() + " " + column.type().sql();
    }
}
