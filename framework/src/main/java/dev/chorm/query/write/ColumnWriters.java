package dev.chorm.query.write;

import dev.chorm.model.Model;
import dev.chorm.model.ModelField;
import dev.chorm.types.DataType;
import dev.chorm.types.RowBinaryWriter;
import dev.chorm.types.TypeKind;
import dev.chorm.types.ValueEncoder;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Compile the writer of one row: a direct, allocation-free path for the common column cases
 * (primitive fields of the numeric and Bool types, a Model's id, String, Instant in DateTime64 and
 * LocalDate in Date32), and the type's {@link ValueEncoder} for everything else. A value outside the
 * range the direct path handles (a negative UInt, a null, an instant before 1970) goes to the encoder,
 * which writes or rejects it exactly as the general path would.
 *
 * <p>The columns' writers are method handles (a field getter filtered into a typed write) folded into
 * one handle per model, in column order. Invoked many times, the JDK customizes that handle, so the
 * JIT compiles the whole row as straight-line code, as a hand-written loop would be: no per-column
 * megamorphic call, no reflective {@code Field.get} checks, no boxing on the direct paths.
 */
final class ColumnWriters {
    /** 2100-01-01T00:00:00Z: instants before it (and after 1970) fit every DateTime64 without a range check. */
    private static final long YEAR_2100 = 4_102_444_800L;
    private static final long[] POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    /** The type of every column writer and of the row writer: {@code void write(RowBinaryWriter w, Object row)}. */
    static final MethodType ROW = MethodType.methodType(void.class, RowBinaryWriter.class, Object.class);

    private ColumnWriters() {
    }

    /** Return the writer of a whole row of {@code fields}, each column in turn, as a handle of type {@link #ROW}. */
    static MethodHandle rowWriter(List<ModelField> fields) {
        MethodHandle[] columns = new MethodHandle[fields.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = of(fields.get(i));
        }
        return fold(columns, 0, columns.length);
    }

    /** Chain columns {@code from} (inclusive) to {@code to} (exclusive) as a balanced tree, so it stays shallow. */
    static MethodHandle fold(MethodHandle[] columns, int from, int to) {
        if (to - from == 0) {
            return MethodHandles.empty(ROW);
        } else if (to - from == 1) {
            return columns[from];
        }
        int middle = (from + to) >>> 1;
        return MethodHandles.foldArguments(fold(columns, middle, to), fold(columns, from, middle));
    }

    /** Return the writer of {@code f}'s column, as a handle of type {@link #ROW}. */
    static MethodHandle of(ModelField f) {
        ValueEncoder encoder = RowBinaryWriter.encoder(f.column().type(), f.element(), f.annotatedType());
        try {
            if (f.isSyntheticId()) {
                return helper("writeSyntheticId", ROW);
            }
            if (!(f.element() instanceof Field field)) {
                return MethodHandles.insertArguments(helper("encodeAccessor", ROW.insertParameterTypes(0,
                        ModelField.class, ValueEncoder.class)), 0, f, encoder);
            }
            DataType type = f.column().type();
            DataType plain = type.kind() == TypeKind.LOW_CARDINALITY ? type.inner() : type;
            Class<?> java = field.getType();
            MethodHandle write = java.isPrimitive() ? primitive(java, type.kind(), encoder)
                    : reference(java, plain, encoder);
            MethodHandle getter = LOOKUP.unreflectGetter(field);
            if (write == null) {
                write = MethodHandles.insertArguments(helper("encode", MethodType.methodType(void.class,
                        ValueEncoder.class, RowBinaryWriter.class, Object.class)), 0, encoder);
                getter = getter.asType(MethodType.methodType(Object.class, Object.class));
            } else {
                getter = getter.asType(MethodType.methodType(java, Object.class));
                write = write.asType(MethodType.methodType(void.class, RowBinaryWriter.class, java));
            }
            return MethodHandles.filterArguments(write, 1, getter);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("cannot build the writer of " + f, e);
        }
    }

    /** Return a direct write for String, Instant and LocalDate fields in their usual columns, else null. */
    private static MethodHandle reference(Class<?> java, DataType plain, ValueEncoder encoder)
            throws NoSuchMethodException, IllegalAccessException {
        TypeKind kind = plain.kind();
        if (java == String.class && kind == TypeKind.STRING) {
            return bound("writeString", encoder, String.class);
        } else if (java == Instant.class && kind == TypeKind.DATETIME64) {
            MethodHandle h = helper("writeInstant", MethodType.methodType(void.class, ValueEncoder.class, long.class,
                    long.class, RowBinaryWriter.class, Instant.class));
            return MethodHandles.insertArguments(h, 0, encoder, POWERS[plain.precision()],
                    POWERS[9 - plain.precision()]);
        } else if (java == LocalDate.class && kind == TypeKind.DATE32) {
            return bound("writeDate32", encoder, LocalDate.class);
        }
        return null;
    }

    /** Return a direct write for a primitive field in a column of its own width, else null. */
    private static MethodHandle primitive(Class<?> java, TypeKind kind, ValueEncoder encoder)
            throws NoSuchMethodException, IllegalAccessException {
        if (java == long.class && kind == TypeKind.INT64) {
            return writer("writeInt64", long.class);
        } else if (java == long.class && kind == TypeKind.UINT32) {
            return bound("writeUInt32", encoder, long.class);
        } else if (java == int.class && kind == TypeKind.INT32) {
            return writer("writeInt32", int.class);
        } else if (java == int.class && kind == TypeKind.UINT16) {
            return bound("writeUInt16", encoder, int.class);
        } else if (java == double.class && kind == TypeKind.FLOAT64) {
            return writer("writeFloat64", double.class);
        } else if (java == float.class && kind == TypeKind.FLOAT32) {
            return writer("writeFloat32", float.class);
        } else if (java == boolean.class && kind == TypeKind.BOOL) {
            return helper("writeBool", MethodType.methodType(void.class, RowBinaryWriter.class, boolean.class));
        } else if (java == short.class && kind == TypeKind.INT16) {
            return writer("writeInt16", int.class);
        } else if (java == byte.class && kind == TypeKind.INT8) {
            return writer("writeInt8", int.class);
        }
        return null;
    }

    private static MethodHandle writer(String name, Class<?> value) throws NoSuchMethodException, IllegalAccessException {
        return LOOKUP.findVirtual(RowBinaryWriter.class, name, MethodType.methodType(void.class, value));
    }

    private static MethodHandle helper(String name, MethodType type) throws NoSuchMethodException, IllegalAccessException {
        return LOOKUP.findStatic(ColumnWriters.class, name, type);
    }

    private static MethodHandle bound(String name, ValueEncoder encoder, Class<?> value)
            throws NoSuchMethodException, IllegalAccessException {
        return MethodHandles.insertArguments(helper(name, MethodType.methodType(void.class, ValueEncoder.class,
                RowBinaryWriter.class, value)), 0, encoder);
    }

    private static void writeSyntheticId(RowBinaryWriter w, Object row) {
        w.writeInt64(((Model) row).id());
    }

    private static void encodeAccessor(ModelField f, ValueEncoder encoder, RowBinaryWriter w, Object row) {
        encoder.encode(w, f.get(row));
    }

    private static void encode(ValueEncoder encoder, RowBinaryWriter w, Object value) {
        encoder.encode(w, value);
    }

    private static void writeUInt32(ValueEncoder encoder, RowBinaryWriter w, long v) {
        if ((v >>> 32) != 0) {
            encoder.encode(w, v);
        } else {
            w.writeInt32((int) v);
        }
    }

    private static void writeUInt16(ValueEncoder encoder, RowBinaryWriter w, int v) {
        if ((v >>> 16) != 0) {
            encoder.encode(w, v);
        } else {
            w.writeInt16(v);
        }
    }

    private static void writeBool(RowBinaryWriter w, boolean v) {
        w.writeInt8(v ? 1 : 0);
    }

    private static void writeString(ValueEncoder encoder, RowBinaryWriter w, String v) {
        if (v != null) {
            w.writeString(v);
        } else {
            encoder.encode(w, null);
        }
    }

    private static void writeInstant(ValueEncoder encoder, long scale, long divisor, RowBinaryWriter w, Instant t) {
        if (t != null && t.getEpochSecond() >= 0 && t.getEpochSecond() < YEAR_2100) {
            w.writeInt64(t.getEpochSecond() * scale + t.getNano() / divisor);
        } else {
            encoder.encode(w, t);
        }
    }

    private static void writeDate32(ValueEncoder encoder, RowBinaryWriter w, LocalDate d) {
        if (d != null && d.getYear() >= 1970 && d.getYear() < 2100) {
            w.writeInt32((int) d.toEpochDay());
        } else {
            encoder.encode(w, d);
        }
    }
}
