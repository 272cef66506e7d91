package dev.chorm.query.internal;

import dev.chorm.model.ModelField;
import dev.chorm.types.DataType;
import dev.chorm.types.TypeKind;
import dev.chorm.types.ValueReader;
import java.lang.reflect.Field;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Fill one field of a model object from one column of the current row, the path chosen once per
 * column rather than per value. The common exact cases (an Int64 read as a Long into a {@code long}
 * field, a String column into a String, a DateTime64 into an Instant, a Date32 into a LocalDate) are
 * assigned directly, without re-boxing, the general converter or {@code Field.set}'s unboxing. Any
 * other value, a NULL included, goes through the field's {@link ValueReader} and {@link ModelField#set},
 * so conversions, range checks and errors naming the field stay exactly those of the general path.
 */
final class FieldFillers {
    /** Fill one field of {@code target} from the current row. */
    @FunctionalInterface
    interface FieldFiller {
        /** Read the column and set the field of {@code target}. */
        void fill(ResultSet rs, Object target) throws SQLException;
    }

    private FieldFillers() {
    }

    /** Return the filler of the field of {@code item} from column {@code index} (1-based) of a result described by {@code md}. */
    static FieldFiller of(SelectItem item, int index, ResultSetMetaData md) throws SQLException {
        ModelField f = item.field();
        ValueReader reader = ColumnReaders.valueReader(f);
        if (WireForm.isHex(item)) {
            ColumnReaders.ColumnReader hex = ColumnReaders.forItem(item, true);
            return (rs, o) -> f.set(o, hex.read(rs, index));
        }
        FieldFiller general = (rs, o) -> f.set(o, reader.read(rs, index));
        if (!(f.element() instanceof Field field)) {
            return general;
        }
        DataType type = f.column().type().base();
        TypeKind kind = type.kind();
        Class<?> java = field.getType();
        if (kind == TypeKind.JSON || kind.isEnum()) {
            return general;
        }
        if (java == String.class && kind == TypeKind.STRING) {
            return (rs, o) -> {
                Object raw = rs.getObject(index);
                if (raw instanceof String) {
                    set(f, field, o, raw);
                } else {
                    f.set(o, reader.convert(raw));
                }
            };
        }
        if (java == Instant.class && (kind == TypeKind.DATETIME || kind == TypeKind.DATETIME64)) {
            // ValueReader reads these as ZonedDateTime too; any zone gives the same instant.
            return (rs, o) -> {
                Object raw = rs.getObject(index, ZonedDateTime.class);
                if (raw instanceof ZonedDateTime z) {
                    set(f, field, o, z.toInstant());
                } else {
                    f.set(o, reader.convert(raw));
                }
            };
        }
        if (java == LocalDate.class && (kind == TypeKind.DATE || kind == TypeKind.DATE32) && isDate(md, index)) {
            // getObject(i) builds a java.sql.Date from the driver's LocalDate (Date.valueOf), which the
            // reader turns back with toLocalDate(): asking for the LocalDate gives the same day, cheaper.
            return (rs, o) -> {
                Object raw = rs.getObject(index, LocalDate.class);
                if (raw instanceof LocalDate) {
                    set(f, field, o, raw);
                } else {
                    general.fill(rs, o);
                }
            };
        }
        FieldFiller number = number(f, field, java, reader, index);
        return number != null ? number : general;
    }

    /** Return a direct filler for a numeric or boolean field given the driver's boxed value of its own type. */
    private static FieldFiller number(ModelField f, Field field, Class<?> java, ValueReader reader, int index) {
        Class<?> box = java.isPrimitive() ? java == long.class ? Long.class : java == int.class ? Integer.class
                : java == double.class ? Double.class : java == float.class ? Float.class
                : java == short.class ? Short.class : java == byte.class ? Byte.class
                : java == boolean.class ? Boolean.class : null : java;
        if (box != Long.class && box != Integer.class && box != Double.class && box != Float.class
                && box != Short.class && box != Byte.class && box != Boolean.class) {
            return null;
        }
        if (!java.isPrimitive()) {
            return (rs, o) -> {
                Object raw = rs.getObject(index);
                if (raw != null && raw.getClass() == box) {
                    set(f, field, o, raw);
                } else {
                    f.set(o, reader.convert(raw));
                }
            };
        }
        if (java == long.class) {
            return (rs, o) -> {
                Object raw = rs.getObject(index);
                if (raw instanceof Long v) {
                    try {
                        field.setLong(o, v);
                    } catch (IllegalAccessException e) {
                        f.set(o, raw);
                    }
                } else {
                    f.set(o, reader.convert(raw));
                }
            };
        } else if (java == int.class) {
            return (rs, o) -> {
                Object raw = rs.getObject(index);
                if (raw instanceof Integer v) {
                    try {
                        field.setInt(o, v);
                    } catch (IllegalAccessException e) {
                        f.set(o, raw);
                    }
                } else {
                    f.set(o, reader.convert(raw));
                }
            };
        } else if (java == double.class) {
            return (rs, o) -> {
                Object raw = rs.getObject(index);
                if (raw instanceof Double v) {
                    try {
                        field.setDouble(o, v);
                    } catch (IllegalAccessException e) {
                        f.set(o, raw);
                    }
                } else {
                    f.set(o, reader.convert(raw));
                }
            };
        } else if (java == boolean.class) {
            return (rs, o) -> {
                Object raw = rs.getObject(index);
                if (raw instanceof Boolean v) {
                    try {
                        field.setBoolean(o, v);
                    } catch (IllegalAccessException e) {
                        f.set(o, raw);
                    }
                } else {
                    f.set(o, reader.convert(raw));
                }
            };
        }
        // float, short and byte: rarer, assigned through Field.set without the converter.
        return (rs, o) -> {
            Object raw = rs.getObject(index);
            if (raw != null && raw.getClass() == box) {
                set(f, field, o, raw);
            } else {
                f.set(o, reader.convert(raw));
            }
        };
    }

    /** Set an accessible field to a value of its exact type; on any surprise, fail as {@link ModelField#set} does. */
    private static void set(ModelField f, Field field, Object target, Object value) {
        try {
            field.set(target, value);
        } catch (IllegalAccessException e) {
            f.set(target, value);
        }
    }

    private static boolean isDate(ResultSetMetaData md, int index) {
        DataType t = ColumnReaders.typeOf(md, index);
        TypeKind k = t == null ? null : t.base().kind();
        return k == TypeKind.DATE || k == TypeKind.DATE32;
    }
}
