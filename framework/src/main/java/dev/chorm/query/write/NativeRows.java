package dev.chorm.query.write;

import dev.chorm.model.ModelField;
import dev.chorm.types.DataType;
import dev.chorm.types.RowBinaryWriter;
import dev.chorm.types.ValueEncoder;
import dev.chorm.wire.NativeBlock;
import dev.chorm.wire.NativeColumn;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.List;
import java.util.function.Function;

/**
 * Compile how the rows of one model go into {@link NativeBlock}s: one handle per model that adds a
 * row's value to each column, in column order, folded as {@link ColumnWriters} folds the RowBinary
 * row writer so the JIT sees straight-line code. A plain scalar column (numbers, String, dates, ...)
 * reuses the column's direct RowBinary write into the column's own buffer, since those bytes are the
 * Native bytes; Nullable, LowCardinality and container columns get the field's value boxed and
 * added through their {@link NativeColumn}. Built once per model; a block per INSERT.
 */
final class NativeRows {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodType ROW = MethodType.methodType(void.class, NativeBlock.class, Object.class);

    private final List<ModelField> fields;
    private final List<String> names;
    private final MethodHandle rowWriter;

    private NativeRows(List<ModelField> fields) {
        this.fields = fields;
        this.names = fields.stream().map(ModelField::columnName).toList();
        MethodHandle[] columns = new MethodHandle[fields.size()];
        try {
            for (int i = 0; i < columns.length; i++) {
                columns[i] = column(i, fields.get(i));
            }
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("cannot build the Native writer of " + fields, e);
        }
        this.rowWriter = ColumnWriters.fold(columns, 0, columns.length);
    }

    /** Return the Native encoding of rows of {@code fields}, or null when a column's type needs RowBinary (JSON). */
    static NativeRows of(List<ModelField> fields) {
        boolean supported = fields.stream().allMatch(f -> NativeColumn.supports(f.column().type()));
        return supported ? new NativeRows(fields) : null;
    }

    /** Return an empty block of these columns. */
    NativeBlock newBlock() {
        return new NativeBlock(names, fields.stream().map(NativeRows::nativeColumn).toList());
    }

    /** Add the values of {@code row} to {@code block} as its next row. */
    void add(NativeBlock block, Object row) {
        try {
            rowWriter.invokeExact(block, row);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot read the fields of " + row.getClass().getName(), e);
        }
        block.endRow();
    }

    private static NativeColumn nativeColumn(ModelField f) {
        DataType type = f.column().type();
        // As RowBinaryWriter.encoder(type, field, javaType): a @Decimal rounding applies to the Decimal of the values.
        DataType values = RowBinaryWriter.valueType(type);
        Function<DataType, ValueEncoder> scalars = t -> t.equals(values)
                ? RowBinaryWriter.encoder(t, f.element(), f.annotatedType()) : RowBinaryWriter.encoder(t);
        return NativeColumn.of(type, scalars);
    }

    private static MethodHandle column(int i, ModelField f) throws NoSuchMethodException, IllegalAccessException {
        if (nativeColumn(f).directWriter() != null) {
            MethodHandle writer = MethodHandles.insertArguments(LOOKUP.findVirtual(NativeBlock.class, "directWriter",
                    MethodType.methodType(RowBinaryWriter.class, int.class)), 1, i);
            return MethodHandles.filterArguments(ColumnWriters.of(f), 0, writer);
        }
        MethodHandle column = MethodHandles.insertArguments(LOOKUP.findVirtual(NativeBlock.class, "column",
                MethodType.methodType(NativeColumn.class, int.class)), 1, i);
        MethodHandle add = MethodHandles.filterArguments(LOOKUP.findVirtual(NativeColumn.class, "add",
                MethodType.methodType(void.class, Object.class)), 0, column);
        MethodHandle getter = f.element() instanceof Field field && !f.isSyntheticId()
                ? LOOKUP.unreflectGetter(field)
                : LOOKUP.findVirtual(ModelField.class, "get", MethodType.methodType(Object.class, Object.class)).bindTo(f);
        getter = getter.asType(MethodType.methodType(Object.class, Object.class));
        return MethodHandles.filterArguments(add, 1, getter).asType(ROW);
    }
}
