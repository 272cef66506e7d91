package dev.chorm.query.internal;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ClientConfigProperties;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import dev.chorm.ChormException;
import dev.chorm.model.ModelField;
import dev.chorm.model.ModelMeta;
import dev.chorm.QueryException;
import dev.chorm.query.expr.ColumnRef;
import dev.chorm.types.DataType;
import dev.chorm.types.TypeKind;
import dev.chorm.types.ValueReader;
import dev.chorm.wire.NativeBlockReader;
import dev.chorm.wire.NativeValues;
import java.io.IOException;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read model objects straight from the server's {@code Native} answer, bypassing the JDBC
 * {@code ResultSet}: the query runs through client-v2 with the response format Native (sent as the
 * {@code X-ClickHouse-Format} header, so the SQL is the compiler's, unchanged), each block is decoded
 * column-wise by {@link NativeBlockReader}, and each field is set from its column's array. Memory is
 * bounded by one block of the server's (about 65,000 rows), whatever the number of rows.
 *
 * <p>It applies where it gives exactly what the JDBC path gives:
 * <ul>
 * <li>model objects of plain (non-record) models whose selected columns are all their own fields (no
 *     selectRelated or annotation): the common (column type, Java type) pairs are set directly
 *     (integers into {@code long}/{@code int}/{@code short}/{@code byte} of enough width or their
 *     boxes, Float64/Float32, Bool, String and LowCardinality(String), DateTime and DateTime64 into
 *     Instant, Date and Date32 into LocalDate, UUID, and the Nullable forms into boxed fields); any other
 *     field of a decodable column (Enum8/Enum16 into Java enums, labels or values, Decimal into
 *     BigDecimal, Arrays into Lists or Java arrays, date-times into zoned types...) gets the column's
 *     plain value ({@link NativeValues#value}) through its {@link ValueReader}, as JDBC's value would;</li>
 * <li>the rows of values(), valuesList() and into() ({@link NativeRowShape}) when every item is a
 *     field's own column of a decodable type, converted the same way.</li>
 * </ul>
 * That covers UInt64 (into long, Long or BigInteger as the field says), the 128- and 256-bit
 * integers, FixedString, IPv4/IPv6, Maps, Tuples into records, LowCardinality of any key type (inside
 * Arrays and Maps too) and their Nullable forms. Fields whose Java type keeps the driver's own value
 * ({@code Object}, also as an element, {@link #sameValues}), expressions, annotations and JSON columns
 * return null here and the query runs through JDBC. A stream closed before its end aborts the HTTP response ({@link NativeAbort}).
 */
final class NativeModelReads {
    private static final Logger LOG = LoggerFactory.getLogger(NativeModelReads.class);
    private static final long[] POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};

    /**
     * Set one field of the objects of a block from its column, column by column: each filler has its
     * own loop, so the JIT compiles a tight monomorphic loop per column instead of one megamorphic
     * call per value.
     */
    @FunctionalInterface
    private interface Filler {
        void fill(Object[] targets, NativeValues column, int rows) throws IllegalAccessException;
    }

    /** The value of one row of a column, boxed, for the reference-typed fields. */
    @FunctionalInterface
    private interface Boxed {
        Object get(NativeValues column, int row);
    }

    private static Filler boxed(Field field, Boxed value) {
        return (os, c, n) -> {
            for (int r = 0; r < n; r++) {
                field.set(os[r], c.isNull(r) ? null : value.get(c, r));
            }
        };
    }

    private NativeModelReads() {
    }

    /** Return whether {@code compiled} can be read through Native into objects of {@code meta}. */
    static boolean applies(ModelMeta meta, SqlCompiler.Compiled compiled) {
        if (compiled == null || meta.isRecord() || compiled.items().isEmpty()) {
            return false;
        }
        for (SelectItem item : compiled.items()) {
            // A Model's synthetic id is the private field Model.id: a Field like any other.
            if (item.field() == null || item.relation() != null || !(item.expression() instanceof ColumnRef)
                    || !(item.field().element() instanceof Field)
                    || filler(item.field().column().type(), item.field()) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Return whether {@code compiled} can be read through Native into rows of {@code shape}: model
     * objects as {@link #applies(ModelMeta, SqlCompiler.Compiled)} says, or the rows of values(),
     * valuesList() and into() when every item is a field's own column (of the model or a related one)
     * of a decodable type, converted by the field's reader exactly as the JDBC path converts it.
     */
    static boolean applies(ModelMeta meta, SqlCompiler.Compiled compiled, RowShape<?> shape) {
        if (RowShapes.isModel(shape)) {
            return applies(meta, compiled);
        }
        if (!(shape instanceof NativeRowShape<?>) || compiled == null || compiled.items().isEmpty()) {
            return false;
        }
        for (SelectItem item : compiled.items()) {
            if (item.field() == null || !(item.expression() instanceof ColumnRef) || !converts(item.field(),
                    item.field().column().type())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Return whether the field's converter gives from the plain value of a column of {@code type} what
     * it gives from the driver's: not for {@code Object} fields, which keep the driver's value as it is.
     */
    private static boolean converts(ModelField field, DataType type) {
        return NativeBlockReader.decodable(type) && sameValues(type, field.annotatedType());
    }

    /**
     * Return whether a converter into {@code java} gives the same object from the plain value of a
     * column of {@code type} as from the driver's: not where it would keep the value as it is (an
     * {@code Object}, a wildcard or a type variable, at any depth, where the driver's Integer would be
     * our Long), and containers only into the Java types their converters build from (Arrays into
     * Java arrays and Collections, Maps into Maps, Tuples into records of as many components).
     */
    static boolean sameValues(DataType type, AnnotatedType java) {
        Class<?> c = rawClass(java.getType());
        if (c == null || c == Object.class) {
            return false;
        }
        DataType t = type.readType().base();
        switch (t.kind()) {
            case ARRAY -> {
                AnnotatedType element = java instanceof AnnotatedArrayType a && c != byte[].class
                        ? a.getAnnotatedGenericComponentType()
                        : java instanceof AnnotatedParameterizedType p && Collection.class.isAssignableFrom(c)
                        ? p.getAnnotatedActualTypeArguments()[0] : null;
                return element != null && sameValues(t.inner(), element);
            }
            case MAP -> {
                if (!(java instanceof AnnotatedParameterizedType p) || !Map.class.isAssignableFrom(c)) {
                    return false;
                }
                AnnotatedType[] kv = p.getAnnotatedActualTypeArguments();
                return sameValues(t.keyType(), kv[0]) && sameValues(t.valueType(), kv[1]);
            }
            case TUPLE -> {
                if (!c.isRecord() || c.getRecordComponents().length != t.arguments().size()) {
                    return false;
                }
                RecordComponent[] components = c.getRecordComponents();
                for (int i = 0; i < components.length; i++) {
                    if (!sameValues(t.arguments().get(i), components[i].getAnnotatedType())) {
                        return false;
                    }
                }
                return true;
            }
            default -> {
                return true;
            }
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
    }

    /**
     * Run {@code sql} and return its rows as objects, or null when the answer's columns turn out not to
     * be readable here (the caller then runs it through JDBC).
     */
    static <R> Stream<R> stream(Client client, String sql, ModelMeta meta, SqlCompiler.Compiled compiled) {
        return stream(client, sql, meta, compiled, RowShapes.model());
    }

    /**
     * Run {@code sql} and return its rows in {@code shape} (one that {@link #applies(ModelMeta,
     * SqlCompiler.Compiled, RowShape)}), or null when the answer's columns turn out not to be readable here.
     */
    static <R> Stream<R> stream(Client client, String sql, ModelMeta meta, SqlCompiler.Compiled compiled,
            RowShape<R> shape) {
        Block block = RowShapes.isModel(shape) ? new ModelBlock(meta, compiled.items())
                : new ValuesBlock(compiled.items(), (NativeRowShape<?>) shape);
        LOG.debug("query (Native): {}", sql);
        QueryResponse response;
        try {
            QuerySettings settings = new QuerySettings().setFormat(ClickHouseFormat.Native);
            if (loopback(client)) {
                // On this machine LZ4 only costs CPU on both sides (the server's and ours): 10-15% of a
                // 1M-row stream() in QuerySetBenchmark. Over a network the compressed answer is kept.
                settings.setOption(ClientConfigProperties.COMPRESS_SERVER_RESPONSE.getKey(), false);
            }
            response = client.query(sql, settings).get();
        } catch (ExecutionException e) {
            throw failure(sql, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryException("Interrupted while running: " + sql, -1, e);
        } catch (RuntimeException e) {
            throw failure(sql, e);
        }
        Rows<R> rows = new Rows<>(response, sql, block);
        try {
            if (!rows.start()) {
                rows.close();
                return null;
            }
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
        return StreamSupport.stream(rows, false).onClose(rows::close);
    }

    /** Return whether every endpoint of {@code client} is this machine (a loopback name or address literal). */
    static boolean loopback(Client client) {
        Set<String> endpoints = client.getEndpoints();
        if (endpoints.isEmpty()) {
            return false;
        }
        for (String endpoint : endpoints) {
            String host;
            try {
                host = URI.create(endpoint).getHost();
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (host == null) {
                return false;
            }
            String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            if (!h.equalsIgnoreCase("localhost") && !h.startsWith("127.") && !h.equals("::1")
                    && !h.equals("0:0:0:0:0:0:0:1")) {
                return false;
            }
        }
        return true;
    }

    private static QueryException failure(String sql, Throwable e) {
        String shown = sql.length() <= 2000 ? sql : sql.substring(0, 2000) + "...";
        int code = e instanceof ServerException se ? se.getCode() : -1;
        return new QueryException("ClickHouse rejected: " + shown + "\n" + e.getMessage(), code, e);
    }

    /**
     * Return the filler of {@code modelField} from a column of {@code type}: an exact one for the common
     * pairs, else the field's converter over the column's plain values; null when the column is not
     * decodable.
     */
    private static Filler filler(DataType type, ModelField modelField) {
        Filler exact = exact(type, (Field) modelField.element());
        if (exact != null || !converts(modelField, type)) {
            return exact;
        }
        ValueReader reader = ColumnReaders.valueReader(modelField);
        return (os, c, n) -> {
            for (int r = 0; r < n; r++) {
                modelField.set(os[r], reader.convert(c.value(r)));
            }
        };
    }

    /** Return the filler of {@code field} from a column of {@code type}, or null when there is no exact one. */
    private static Filler exact(DataType type, Field field) {
        if (!NativeBlockReader.decodable(type)) {
            return null;
        }
        Class<?> j = field.getType();
        DataType values = type.readType(); // a SimpleAggregateFunction's values are its argument's
        DataType base = values.base();
        TypeKind k = base.kind();
        boolean nullable = type.isNullable();
        if (values.kind() == TypeKind.LOW_CARDINALITY && k != TypeKind.STRING) {
            return null;
        }
        int width = k.isInteger() ? k.byteWidth() + (k.isUnsigned() ? 1 : 0) : 0; // bytes a signed Java type needs
        if (k == TypeKind.UINT64 && (j == long.class && !nullable || j == Long.class)) {
            // The converter keeps a UInt64 above Long.MAX_VALUE as the same 64 bits in a long: the raw value.
            return j == long.class ? (os, c, n) -> {
                for (int r = 0; r < n; r++) {
                    field.setLong(os[r], c.getLong(r));
                }
            } : boxed(field, (c, r) -> c.getLong(r));
        }
        if (j.isPrimitive()) {
            if (nullable) {
                return null;
            } else if (j == long.class && width > 0 && width <= 8) {
                return (os, c, n) -> {
                    for (int r = 0; r < n; r++) {
                        field.setLong(os[r], c.getLong(r));
                    }
                };
            } else if (j == int.class && width > 0 && width <= 4) {
                return (os, c, n) -> {
                    for (int r = 0; r < n; r++) {
                        field.setInt(os[r], (int) c.getLong(r));
                    }
                };
            } else if (j == short.class && width > 0 && width <= 2) {
                return (os, c, n) -> {
                    for (int r = 0; r < n; r++) {
                        field.setShort(os[r], (short) c.getLong(r));
                    }
                };
            } else if (j == byte.class && k == TypeKind.INT8) {
                return (os, c, n) -> {
                    for (int r = 0; r < n; r++) {
                        field.setByte(os[r], (byte) c.getLong(r));
                    }
                };
            } else if (j == double.class && k == TypeKind.FLOAT64) {
                return (os, c, n) -> {
                    for (int r = 0; r < n; r++) {
                        field.setDouble(os[r], c.getDouble(r));
                    }
                };
            } else if (j == float.class && k == TypeKind.FLOAT32) {
                return (os, c, n) -> {
                    for (int r = 0; r < n; r++) {
                        field.setFloat(os[r], (float) c.getDouble(r));
                    }
                };
            } else if (j == boolean.class && k == TypeKind.BOOL) {
                return (os, c, n) -> {
                    for (int r = 0; r < n; r++) {
                        field.setBoolean(os[r], c.getLong(r) != 0);
                    }
                };
            }
            return null;
        }
        if (j == Long.class && width > 0 && width <= 8) {
            return boxed(field, (c, r) -> c.getLong(r));
        } else if (j == Integer.class && width > 0 && width <= 4) {
            return boxed(field, (c, r) -> (int) c.getLong(r));
        } else if (j == Short.class && width > 0 && width <= 2) {
            return boxed(field, (c, r) -> (short) c.getLong(r));
        } else if (j == Double.class && k == TypeKind.FLOAT64) {
            return boxed(field, (c, r) -> c.getDouble(r));
        } else if (j == Float.class && k == TypeKind.FLOAT32) {
            return boxed(field, (c, r) -> (float) c.getDouble(r));
        } else if (j == Boolean.class && k == TypeKind.BOOL) {
            return boxed(field, (c, r) -> c.getLong(r) != 0);
        } else if (j == String.class && k == TypeKind.STRING || j == UUID.class && k == TypeKind.UUID) {
            return (os, c, n) -> {
                for (int r = 0; r < n; r++) {
                    field.set(os[r], c.getObject(r));
                }
            };
        } else if (j == LocalDate.class && (k == TypeKind.DATE || k == TypeKind.DATE32)) {
            return boxed(field, (c, r) -> LocalDate.ofEpochDay(c.getLong(r)));
        } else if (j == Instant.class && k == TypeKind.DATETIME) {
            return boxed(field, (c, r) -> Instant.ofEpochSecond(c.getLong(r)));
        } else if (j == Instant.class && k == TypeKind.DATETIME64) {
            long scale = POWERS[base.precision()];
            long nanos = POWERS[9 - base.precision()];
            return boxed(field, (c, r) -> Instant.ofEpochSecond(Math.floorDiv(c.getLong(r), scale),
                    Math.floorMod(c.getLong(r), scale) * nanos));
        }
        return null;
    }

    /** Build the rows of a shape from the columns of one block at a time. */
    private interface Block {
        /** Prepare for the columns of the reader's current block; return false when they cannot be read here. */
        boolean accept(NativeBlockReader reader);

        /** Build the {@code n} rows of the current block into {@code out}. */
        void build(NativeBlockReader reader, Object[] out, int n);
    }

    /** Model objects, filled field by field from their columns. */
    private static final class ModelBlock implements Block {
        private final ModelField[] fields;
        private final Filler[] fillers;
        private final Constructor<?> constructor;
        private final ModelMeta meta;

        ModelBlock(ModelMeta meta, List<SelectItem> items) {
            this.meta = meta;
            this.fields = items.stream().map(SelectItem::field).toArray(ModelField[]::new);
            this.fillers = new Filler[fields.length];
            try {
                constructor = meta.modelClass().getDeclaredConstructor();
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new ChormException("Cannot create " + meta.modelClass().getSimpleName() + ": " + e, e);
            }
        }

        @Override
        public boolean accept(NativeBlockReader reader) {
            if (reader.columns() != fields.length) {
                return false;
            }
            for (int i = 0; i < fields.length; i++) {
                fillers[i] = filler(reader.column(i).type(), fields[i]);
                if (fillers[i] == null) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void build(NativeBlockReader reader, Object[] out, int n) {
            try {
                for (int r = 0; r < n; r++) {
                    out[r] = constructor.newInstance();
                }
                for (int i = 0; i < fillers.length; i++) {
                    fillers[i].fill(out, reader.column(i), n);
                }
            } catch (ReflectiveOperationException e) {
                throw new ChormException("Cannot create " + meta.modelClass().getSimpleName() + ": " + e, e);
            }
        }
    }

    /** The rows of values(), valuesList() and into(): each column's plain values through its field's converter. */
    private static final class ValuesBlock implements Block {
        private final List<SelectItem> items;
        private final NativeRowShape<?> shape;
        private final ValueReader[] readers;

        ValuesBlock(List<SelectItem> items, NativeRowShape<?> shape) {
            shape.check(items);
            this.items = items;
            this.shape = shape;
            this.readers = items.stream().map(i -> ColumnReaders.valueReader(i.field())).toArray(ValueReader[]::new);
        }

        @Override
        public boolean accept(NativeBlockReader reader) {
            if (reader.columns() != items.size()) {
                return false;
            }
            for (int i = 0; i < readers.length; i++) {
                if (!converts(items.get(i).field(), reader.column(i).type())) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void build(NativeBlockReader reader, Object[] out, int n) {
            int k = readers.length;
            NativeValues[] columns = new NativeValues[k];
            for (int i = 0; i < k; i++) {
                columns[i] = reader.column(i);
            }
            for (int r = 0; r < n; r++) {
                Object[] values = new Object[k];
                for (int i = 0; i < k; i++) {
                    Object raw = columns[i].value(r);
                    values[i] = raw == null ? null : readers[i].convert(raw);
                }
                out[r] = shape.build(items, values);
            }
        }
    }

    /** The rows of one response, block by block. */
    private static final class Rows<R> extends Spliterators.AbstractSpliterator<R> {
        private final QueryResponse response;
        private final String sql;
        private final Block block;
        private final NativeBlockReader reader;
        private Object[] built = new Object[0];
        private int row;
        private boolean accepted;
        private boolean done;
        private boolean closed;

        Rows(QueryResponse response, String sql, Block block) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.response = response;
            this.sql = sql;
            this.block = block;
            this.reader = new NativeBlockReader(response.getInputStream());
        }

        /** Read the first block; return false when its columns cannot be read here. */
        boolean start() {
            if (!nextBlock()) {
                return true;
            }
            return accepted;
        }

        /** Read the next block and let the block builder accept its columns; false at the end. */
        private boolean nextBlock() {
            try {
                if (!reader.next()) {
                    done = true;
                    close();
                    return false;
                }
            } catch (IOException | RuntimeException e) {
                throw new QueryException("Cannot read the Native answer of: " + sql + "\n" + e.getMessage(), -1, e);
            }
            row = 0;
            accepted = block.accept(reader);
            return true;
        }

        @Override
        public boolean tryAdvance(Consumer<? super R> action) {
            if (done) {
                return false;
            }
            if (row >= reader.rows()) {
                if (!nextBlock()) {
                    return false;
                }
                if (!accepted) {
                    close();
                    throw new QueryException("The columns of a later Native block of: " + sql + " changed type.");
                }
            }
            if (row == 0) {
                build();
            }
            @SuppressWarnings("unchecked")
            R next = (R) built[row];
            built[row++] = null;
            action.accept(next);
            return true;
        }

        /** Build the rows of the current block column by column. */
        private void build() {
            int n = reader.rows();
            if (built.length < n) {
                built = new Object[n];
            }
            try {
                block.build(reader, built, n);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        synchronized void close() {
            if (!closed) {
                closed = true;
                if (!done) {
                    NativeAbort.abort(response); // else closing reads the rest of the answer
                }
                try {
                    response.close();
                } catch (Exception ignored) {
                    // nothing left to read
                }
            }
        }
    }
}
