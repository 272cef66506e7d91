package dev.chorm.query.write;

import dev.chorm.ChormException;
import dev.chorm.model.Model;
import dev.chorm.model.ModelField;
import dev.chorm.types.ChType;
import dev.chorm.types.RowBinaryWriter;
import dev.chorm.types.TypeKind;
import dev.chorm.types.ValueEncoder;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Compile the writer of one column: a direct, allocation-free path for the common cases (primitive
 * fields of the numeric and Bool types, a Model's id, String, Instant in DateTime64 and LocalDate in
 * Date32), and the type's {@link ValueEncoder} for everything else. A value outside the range the
 * direct path handles (a negative UInt, a null, an instant before 1970) goes to the encoder, which
 * writes or rejects it exactly as the general path would.
 */
final class ColumnWriters {
    /** Write the value of one column of a row. */
    @FunctionalInterface
    interface ColumnWriter {
        /** Write the column's value in {@code row}. */
        void write(RowBinaryWriter w, Object row) throws IllegalAccessException;
    }

    /** 2100-01-01T00:00:00Z: instants before it (and after 1970) fit every DateTime64 without a range check. */
    private static final long YEAR_2100 = 4_102_444_800L;
    private static final long[] POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};

    private ColumnWriters() {
    }

    /** Return the writer of {@code f}'s column. */
    static ColumnWriter of(ModelField f) {
        ValueEncoder encoder = RowBinaryWriter.encoder(f.column().type());
        if (f.isSyntheticId()) {
            return (w, row) -> w.writeInt64(((Model) row).id());
        }
        if (!(f.element() instanceof Field field)) {
            return (w, row) -> encoder.encode(w, f.get(row));
        }
        ColumnWriter direct = field.getType().isPrimitive() ? primitive(field, f.column().type(), encoder)
                : reference(field, f.column().type(), encoder);
        return direct != null ? direct : (w, row) -> encoder.encode(w, field.get(row));
    }

    /** Return a direct writer for String, Instant and LocalDate fields in their usual columns, else null. */
    private static ColumnWriter reference(Field field, ChType type, ValueEncoder encoder) {
        Class<?> java = field.getType();
        ChType plain = type.kind() == TypeKind.LOW_CARDINALITY ? type.inner() : type;
        TypeKind kind = plain.kind();
        if (java == String.class && kind == TypeKind.STRING) {
            return (w, row) -> {
                Object v = field.get(row);
                if (v != null) {
                    w.writeString((String) v);
                } else {
                    encoder.encode(w, null);
                }
            };
        } else if (java == Instant.class && kind == TypeKind.DATETIME64) {
            long scale = POWERS[plain.precision()];
            long divisor = POWERS[9 - plain.precision()];
            return (w, row) -> {
                Instant t = (Instant) field.get(row);
                if (t != null && t.getEpochSecond() >= 0 && t.getEpochSecond() < YEAR_2100) {
                    w.writeInt64(t.getEpochSecond() * scale + t.getNano() / divisor);
                } else {
                    encoder.encode(w, t);
                }
            };
        } else if (java == LocalDate.class && kind == TypeKind.DATE32) {
            return (w, row) -> {
                LocalDate d = (LocalDate) field.get(row);
                if (d != null && d.getYear() >= 1970 && d.getYear() < 2100) {
                    w.writeInt32((int) d.toEpochDay());
                } else {
                    encoder.encode(w, d);
                }
            };
        }
        return null;
    }

    private static ColumnWriter primitive(Field field, ChType type, ValueEncoder encoder) {
        Class<?> java = field.getType();
        TypeKind kind = type.kind();
        if (java == long.class) {
            return switch (kind) {
                case INT64 -> (w, row) -> w.writeInt64(field.getLong(row));
                case UINT32 -> (w, row) -> {
                    long v = field.getLong(row);
                    if ((v >>> 32) != 0) {
                        encoder.encode(w, v);
                    } else {
                        w.writeInt32((int) v);
                    }
                };
                default -> null;
            };
        } else if (java == int.class) {
            return switch (kind) {
                case INT32 -> (w, row) -> w.writeInt32(field.getInt(row));
                case UINT16 -> (w, row) -> {
                    int v = field.getInt(row);
                    if ((v >>> 16) != 0) {
                        encoder.encode(w, v);
                    } else {
                        w.writeInt16(v);
                    }
                };
                default -> null;
            };
        }
        return smallPrimitive(field, java, kind);
    }

    private static ColumnWriter smallPrimitive(Field field, Class<?> java, TypeKind kind) {
        if (java == double.class && kind == TypeKind.FLOAT64) {
            return (w, row) -> w.writeFloat64(field.getDouble(row));
        } else if (java == float.class && kind == TypeKind.FLOAT32) {
            return (w, row) -> w.writeFloat32(field.getFloat(row));
        } else if (java == boolean.class && kind == TypeKind.BOOL) {
            return (w, row) -> w.writeInt8(field.getBoolean(row) ? 1 : 0);
        } else if (java == short.class && kind == TypeKind.INT16) {
            return (w, row) -> w.writeInt16(field.getShort(row));
        } else if (java == byte.class && kind == TypeKind.INT8) {
            return (w, row) -> w.writeInt8(field.getByte(row));
        }
        return null;
    }

}
