package dev.chorm.query.write;

import com.clickhouse.data.ClickHouseFormat;
import dev.chorm.ChormException;
import dev.chorm.model.DefaultKind;
import dev.chorm.model.ModelField;
import dev.chorm.model.ModelMeta;
import dev.chorm.sql.SqlLiterals;
import dev.chorm.types.DataType;
import dev.chorm.types.RowBinaryWriter;
import dev.chorm.types.TypeKind;
import dev.chorm.types.ValueEncoder;
import dev.chorm.wire.NativeBlock;
import java.lang.reflect.InvocationTargetException;
import java.lang.invoke.MethodHandle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Describe how the rows of one model are inserted: the quoted table and column list, one encoder
 * per column, and the RowBinary flavour. Built once per model class and reused for every row.
 *
 * <p>MATERIALIZED and ALIAS columns are left out (ClickHouse computes them); DEFAULT columns are
 * sent. When a DEFAULT column is not Nullable but its field may hold null (a boxed or reference
 * type), the plan uses {@code RowBinaryWithDefaults} so that a null field gets the column's default
 * expression instead of failing. Auto-time fields are stamped by {@link AutoTimes} before encoding.
 */
final class InsertPlan {
    private static final ClassValue<InsertPlan> CACHE = new ClassValue<>() {
        @Override
        protected InsertPlan computeValue(Class<?> type) {
            return new InsertPlan(ModelMeta.of(type));
        }
    };

    private final ModelMeta meta;
    private final ModelField[] fields;
    private final ValueEncoder[] encoders;
    private final MethodHandle rowWriter;
    private final boolean[] defaultable;
    private final List<String> columns;
    private final boolean withDefaults;
    private final boolean hasJson;
    private final boolean hasAutoTime;
    private final NativeRows nativeRows;
    private final String table;

    private InsertPlan(ModelMeta meta) {
        this.meta = meta;
        this.table = SqlLiterals.qualifiedName(meta.table().database(), meta.table().name());
        List<ModelField> insertable = meta.fields().stream()
                .filter(f -> f.column().isInsertable() && !isAggregateState(meta, f)).toList();
        int n = insertable.size();
        fields = insertable.toArray(new ModelField[0]);
        encoders = new ValueEncoder[n];
        defaultable = new boolean[n];
        List<String> names = new ArrayList<>(n);
        boolean anyDefault = false;
        boolean defaultNeeded = false;
        boolean json = false;
        for (int i = 0; i < n; i++) {
            ModelField f = fields[i];
            encoders[i] = RowBinaryWriter.encoder(f.column().type(), f.element(), f.annotatedType());
            defaultable[i] = f.column().defaultKind() == DefaultKind.DEFAULT && !f.column().type().isNullable()
                    && !f.javaType().isPrimitive() && !f.isSyntheticId();
            anyDefault |= defaultable[i];
            defaultNeeded |= defaultable[i] && !stampedOnInsert(meta, f);
            json |= containsJson(f.column().type());
            names.add(SqlLiterals.quoteIdentifier(f.columnName()));
        }
        columns = List.copyOf(names);
        rowWriter = ColumnWriters.rowWriter(insertable);
        withDefaults = anyDefault;
        hasJson = json;
        hasAutoTime = insertable.stream().anyMatch(f -> f.autoTime() != ModelField.AutoTime.NONE);
        // Native has no per-value "take the default" marker, and chorm writes JSON as text: both stay
        // RowBinary. Auto-time fields that chorm stamps before encoding are never null, so need no marker.
        nativeRows = defaultNeeded || n == 0 ? null : NativeRows.of(insertable);
        if (n == 0) {
            throw new ChormException(meta.modelClass().getSimpleName() + " has no column an INSERT can write.");
        }
    }

    private InsertPlan(InsertPlan base, String table) {
        this.meta = base.meta;
        this.fields = base.fields;
        this.encoders = base.encoders;
        this.rowWriter = base.rowWriter;
        this.defaultable = base.defaultable;
        this.columns = base.columns;
        this.withDefaults = base.withDefaults;
        this.hasJson = base.hasJson;
        this.hasAutoTime = base.hasAutoTime;
        this.nativeRows = base.nativeRows;
        this.table = table;
    }

    /** Return the plan of {@code modelClass}, building it on first use. */
    static InsertPlan of(Class<?> modelClass) {
        return CACHE.get(modelClass);
    }

    /** Return the model description. */
    ModelMeta meta() {
        return meta;
    }

    /** Return the quoted, database-qualified table name. */
    String table() {
        return table;
    }

    /** Return a copy that inserts into {@code table} (a table of the same structure) in the current database. */
    InsertPlan withTable(String table) {
        return new InsertPlan(this, SqlLiterals.quoteIdentifier(table));
    }

    /** Return the quoted names of the inserted columns, in encoding order. */
    List<String> columns() {
        return columns;
    }

    /** Return whether every insert sets {@code f} before encoding: an auto-time field of a class (not a record) of a type chorm makes. */
    private static boolean stampedOnInsert(ModelMeta meta, ModelField f) {
        return !meta.isRecord() && f.autoTime() != ModelField.AutoTime.NONE && AutoTimes.now(f, Instant.EPOCH) != null;
    }

    /**
     * Return the wire format: Native when every column can be written column-wise, else RowBinary, or
     * RowBinaryWithDefaults when a null field should take a default.
     */
    ClickHouseFormat format() {
        if (nativeRows != null) {
            return ClickHouseFormat.Native;
        }
        return withDefaults ? ClickHouseFormat.RowBinaryWithDefaults : ClickHouseFormat.RowBinary;
    }

    /** Return the Native encoding of the rows, or null when they travel as RowBinary ({@link #format()}). */
    NativeRows nativeRows() {
        return nativeRows;
    }

    /** Stamp auto-time fields of {@code row} and add it to {@code block}; only when {@link #nativeRows()} is set. */
    void write(NativeBlock block, Object row) {
        if (hasAutoTime) {
            AutoTimes.stampInsert(meta, row);
        }
        nativeRows.add(block, row);
    }

    /** Return whether a column holds JSON, which chorm writes as text and the server must be told so. */
    boolean hasJson() {
        return hasJson;
    }

    /** Stamp auto-time fields of {@code row} and encode it. */
    void write(RowBinaryWriter w, Object row) {
        if (hasAutoTime) {
            AutoTimes.stampInsert(meta, row);
        }
        if (withDefaults) {
            writeWithDefaults(w, row);
            return;
        }
        try {
            rowWriter.invokeExact(w, row);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new ChormException("Cannot read the fields of " + row.getClass().getName(), e);
        }
    }

    private void writeWithDefaults(RowBinaryWriter w, Object row) {
        for (int i = 0; i < fields.length; i++) {
            Object value = fields[i].get(row);
            if (value == null && defaultable[i]) {
                w.writeInt8(1);
            } else {
                w.writeInt8(0);
                encoders[i].encode(w, value);
            }
        }
    }

    /** Return which field of {@code row} cannot be encoded, for error messages. */
    String describeFailure(Object row, RuntimeException e) {
        for (int i = 0; i < fields.length; i++) {
            ModelField f = fields[i];
            try {
                Object value = f.get(row);
                if (value != null || !defaultable[i]) {
                    encoders[i].encode(RowBinaryWriter.discarding(), value);
                }
            } catch (RuntimeException fieldFailure) {
                return meta.modelClass().getSimpleName() + "." + f.javaName() + ": " + reason(fieldFailure);
            }
        }
        return meta.modelClass().getSimpleName() + ": " + e.getMessage();
    }

    /**
     * Return whether {@code f} holds an aggregation state, which ClickHouse makes and Java cannot
     * write: a DEFAULT one is left out of the INSERT (the server fills it), any other is refused.
     */
    private static boolean isAggregateState(ModelMeta meta, ModelField f) {
        if (f.column().type().kind() != TypeKind.AGGREGATE_FUNCTION) {
            return false;
        }
        if (f.column().defaultKind() == DefaultKind.DEFAULT) {
            return true;
        }
        String model = meta.modelClass().getSimpleName();
        throw new ChormException(("%s.%s is %s: an aggregation state cannot be inserted from Java objects, so %s rows"
                + " cannot be created with create() or bulkCreate(). Write the states with -State functions through a"
                + " materialized view or INSERT ... SELECT (for example %sState(...)), or give the field @Default or"
                + " @Materialized.").formatted(model, f.javaName(), f.column().type().sql(), model,
                f.column().type().functionName()));
    }

    /** Return the failure's message, followed by what the model's own accessor threw when that was the cause. */
    private static String reason(RuntimeException e) {
        return e.getCause() instanceof InvocationTargetException ite && ite.getCause() != null
                ? e.getMessage() + ": " + ite.getCause() : e.getMessage();
    }

    private static boolean containsJson(DataType type) {
        if (type.kind() == TypeKind.JSON) {
            return true;
        }
        return type.arguments().stream().anyMatch(InsertPlan::containsJson);
    }
}
