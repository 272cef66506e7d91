package dev.chorm.types;

import dev.chorm.ChormException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZonedDateTime;

/**
 * Convert what clickhouse-jdbc returns for a column into the Java type of a field.
 *
 * <pre>{@code
 * Field f = Event.class.getField("port");
 * ValueReader port = ValueReader.of(DataType.uint16(), f.getAnnotatedType(), f, "Event.port");
 * event.port = (int) port.read(resultSet, 3);
 * }</pre>
 * The driver (0.11) gives UInt64 and the 128/256-bit integers as BigInteger, Tuples as Object[],
 * Arrays as {@link java.sql.Array}, JSON as a map of dotted paths, Enums as their labels, IPv4-mapped
 * IPv6 as Inet4Address and date-times as wall-clock {@link java.sql.Timestamp}s; this class turns each
 * into the field's type without loss: a UInt64 above {@link Long#MAX_VALUE} into a BigInteger (or the
 * same 64 bits in a long), a label into the Java enum constant (or its value for an int field), an
 * Object[] into the record. {@link #read(ResultSet, int)} asks the driver for the zoned value of
 * top-level DateTime columns, so that no instant is lost around daylight-saving changes. A NULL read
 * into a primitive field raises a {@link ChormException} naming the field, never a silent 0.
 */
public final class ValueReader {
    private final DataType type;
    private final ValueConverters.Converter converter;
    private final boolean zoned;

    private ValueReader(DataType type, ValueConverters.Converter converter) {
        this.type = type;
        this.converter = converter;
        TypeKind k = type.readType().base().kind();
        this.zoned = k == TypeKind.DATETIME || k == TypeKind.DATETIME64;
    }

    /**
     * Return a reader for a column of {@code type} into a field of {@code javaType}.
     *
     * @param element the field or record component with declaration annotations ({@code @GenericIP},
     *                {@code @Enum8(returnInt = true)}), or null
     * @param owner how messages name the field, like {@code Event.port}
     */
    public static ValueReader of(DataType type, AnnotatedType javaType, AnnotatedElement element, String owner) {
        // An aggregate column is read as its value (DataType.readType): SimpleAggregateFunction's argument,
        // AggregateFunction's finalized value.
        return new ValueReader(type, new ValueConverters(owner).compile(type, javaType, element));
    }

    /** Return the ClickHouse type this reader expects. */
    public DataType type() {
        return type;
    }

    /** Convert a value returned by {@code ResultSet.getObject(i)} into the field's type. */
    public Object convert(Object raw) {
        return converter.apply(raw);
    }

    /** Read column {@code index} (1-based) of the current row and convert it into the field's type. */
    public Object read(ResultSet rs, int index) throws SQLException {
        Object raw = zoned ? rs.getObject(index, ZonedDateTime.class) : rs.getObject(index);
        return converter.apply(raw);
    }
}
