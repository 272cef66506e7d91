package dev.chorm.query.internal;

import dev.chorm.model.ModelField;
import dev.chorm.types.DataType;
import dev.chorm.types.TypeKind;
import dev.chorm.types.ValueReader;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read one column of a row: through the field's {@link ValueReader} when the column fills a model
 * field, else as a plain Java value (arrays and tuples as Lists, UInt64 that fits as Long, date-times
 * as Instants, dates as LocalDates).
 */
final class ColumnReaders {
    private static final Map<ModelField, ValueReader> READERS = new ConcurrentHashMap<>();

    /** Read one column of the current row. */
    @FunctionalInterface
    public interface ColumnReader {
        /** Return the value of column {@code index} (1-based) of the current row. */
        Object read(ResultSet rs, int index) throws SQLException;
    }

    private ColumnReaders() {
    }

    /** Return the reader filling {@code field}; NULL stays null unless {@code strict} (then primitives fail). */
    public static ColumnReader forField(ModelField field, boolean strict) {
        return forField(field, strict, false);
    }

    /** Return the reader filling the field of {@code item}, undoing its {@link WireForm}. */
    static ColumnReader forItem(SelectItem item, boolean strict) {
        return forField(item.field(), strict, WireForm.isHex(item));
    }

    private static ColumnReader forField(ModelField field, boolean strict, boolean hex) {
        ValueReader reader = valueReader(field);
        if (hex) {
            // Selected as hex(column) (see WireForm): the bytes exactly, never decoded as UTF-8.
            return strict ? (rs, i) -> reader.convert(WireForm.readHex(rs, i)) : (rs, i) -> {
                byte[] b = WireForm.readHex(rs, i);
                return b == null ? null : reader.convert(b);
            };
        }
        if (strict) {
            return reader::read;
        }
        boolean temporal = isDateTime(field.column().type());
        return (rs, i) -> {
            Object raw = temporal ? rs.getObject(i, ZonedDateTime.class) : rs.getObject(i);
            return raw == null ? null : reader.convert(raw);
        };
    }

    /** Return the (cached) reader converting driver values into {@code field}'s Java type. */
    static ValueReader valueReader(ModelField field) {
        return READERS.computeIfAbsent(field, f -> ValueReader.of(f.column().type(), f.annotatedType(),
                f.element(), f.element() instanceof java.lang.reflect.Member m
                        ? m.getDeclaringClass().getSimpleName() + "." + f.javaName() : f.javaName()));
    }

    /** Return a reader of plain values for column {@code index} of a result with {@code md}. */
    public static ColumnReader plain(ResultSetMetaData md, int index) throws SQLException {
        DataType type = typeOf(md, index);
        if (type != null && isDateTime(type)) {
            return (rs, i) -> {
                ZonedDateTime z = rs.getObject(i, ZonedDateTime.class);
                return z == null ? null : z.toInstant();
            };
        }
        if (type != null && (type.base().kind() == TypeKind.DATE || type.base().kind() == TypeKind.DATE32)) {
            return (rs, i) -> {
                java.sql.Date d = rs.getDate(i);
                return d == null ? null : d.toLocalDate();
            };
        }
        return (rs, i) -> plainValue(rs.getObject(i));
    }

    /** Return the type of column {@code index}, or null when the driver's type name does not parse. */
    static DataType typeOf(ResultSetMetaData md, int index) {
        try {
            return DataType.parse(md.getColumnTypeName(index));
        } catch (RuntimeException | SQLException e) {
            return null;
        }
    }

    private static boolean isDateTime(DataType t) {
        TypeKind k = t.base().kind();
        return k == TypeKind.DATETIME || k == TypeKind.DATETIME64;
    }

    /** Return a driver value as a plain Java value. */
    public static Object plainValue(Object raw) throws SQLException {
        if (raw instanceof java.sql.Array a) {
            return plainValue(a.getArray());
        }
        if (raw instanceof Object[] items) {
            List<Object> out = new ArrayList<>(items.length);
            for (Object o : items) {
                out.add(plainValue(o));
            }
            return out;
        }
        if (raw instanceof List<?> items) {
            List<Object> out = new ArrayList<>(items.size());
            for (Object o : items) {
                out.add(plainValue(o));
            }
            return out;
        }
        if (raw instanceof BigInteger b && b.bitLength() <= 63) {
            return b.longValue();
        }
        return raw;
    }
}
