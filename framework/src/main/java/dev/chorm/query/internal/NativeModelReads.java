package dev.chorm.query.internal;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import dev.chorm.ChormException;
import dev.chorm.model.ModelField;
import dev.chorm.model.ModelMeta;
import dev.chorm.QueryException;
import dev.chorm.types.DataType;
import dev.chorm.types.TypeKind;
import dev.chorm.wire.NativeBlockReader;
import dev.chorm.wire.NativeValues;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
 * <p>It applies to the common case only, where it gives exactly what the JDBC path gives: plain
 * (non-record) models whose selected columns are all their own fields (no selectRelated, annotation
 * or values()), each of a (column type, Java type) pair with one obvious value: integers into
 * {@code long}/{@code int}/{@code short}/{@code byte} of enough width or their boxes, Float64/Float32
 * into {@code double}/{@code float}, Bool into {@code boolean}, String and LowCardinality(String) into
 * String, DateTime and DateTime64 into Instant, Date and Date32 into LocalDate, UUID into UUID, and the
 * Nullable forms into boxed fields. Anything else returns null here and the query runs through JDBC.
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
                    || !(item.field().element() instanceof Field field)
                    || filler(item.field().column().type(), field) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Run {@code sql} and return its rows as objects, or null when the answer's columns turn out not to
     * be readable here (the caller then runs it through JDBC).
     */
    static <R> Stream<R> stream(Client client, String sql, ModelMeta meta, SqlCompiler.Compiled compiled) {
        LOG.debug("query (Native): {}", sql);
        QueryResponse response;
        try {
            response = client.query(sql, new QuerySettings().setFormat(ClickHouseFormat.Native)).get();
        } catch (ExecutionException e) {
            throw failure(sql, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryException("Interrupted while running: " + sql, -1, e);
        } catch (RuntimeException e) {
            throw failure(sql, e);
        }
        Rows<R> rows = new Rows<>(response, sql, meta, compiled.items());
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

    private static QueryException failure(String sql, Throwable e) {
        String shown = sql.length() <= 2000 ? sql : sql.substring(0, 2000) + "...";
        int code = e instanceof ServerException se ? se.getCode() : -1;
        return new QueryException("ClickHouse rejected: " + shown + "\n" + e.getMessage(), code, e);
    }

    /** Return the filler of {@code field} from a column of {@code type}, or null when there is no exact one. */
    private static Filler filler(DataType type, Field field) {
        Class<?> j = field.getType();
        DataType base = type.base();
        TypeKind k = base.kind();
        boolean nullable = type.isNullable();
        if (type.kind() == TypeKind.LOW_CARDINALITY && k != TypeKind.STRING || !NativeBlockReader.decodable(type)) {
            return null;
        }
        int width = k.isInteger() ? k.byteWidth() + (k.isUnsigned() ? 1 : 0) : 0; // bytes a signed Java type needs
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

    /** The rows of one response, block by block. */
    private static final class Rows<R> extends Spliterators.AbstractSpliterator<R> {
        private final QueryResponse response;
        private final String sql;
        private final ModelMeta meta;
        private final Field[] fields;
        private final Filler[] fillers;
        private final NativeBlockReader reader;
        private final Constructor<?> constructor;
        private Object[] built = new Object[0];
        private int row;
        private boolean done;
        private boolean closed;

        Rows(QueryResponse response, String sql, ModelMeta meta, List<SelectItem> items) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.response = response;
            this.sql = sql;
            this.meta = meta;
            this.fields = items.stream().map(i -> (Field) i.field().element()).toArray(Field[]::new);
            this.fillers = new Filler[fields.length];
            InputStream in = response.getInputStream();
            this.reader = new NativeBlockReader(in);
            try {
                constructor = meta.modelClass().getDeclaredConstructor();
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new ChormException("Cannot create " + meta.modelClass().getSimpleName() + ": " + e, e);
            }
        }

        /** Read the first block; return false when its columns cannot be read here. */
        boolean start() {
            if (!nextBlock()) {
                return true;
            }
            return fillers[0] != null;
        }

        /** Read the next block and choose its fillers (null when one has none); false at the end. */
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
            if (reader.columns() != fields.length) {
                fillers[0] = null;
                return true;
            }
            for (int i = 0; i < fields.length; i++) {
                fillers[i] = filler(reader.column(i).type(), fields[i]);
                if (fillers[i] == null) {
                    fillers[0] = null;
                    return true;
                }
            }
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
                if (fillers[0] == null) {
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

        /** Create the objects of the current block and fill them column by column. */
        private void build() {
            int n = reader.rows();
            if (built.length < n) {
                built = new Object[n];
            }
            try {
                for (int r = 0; r < n; r++) {
                    built[r] = constructor.newInstance();
                }
                for (int i = 0; i < fillers.length; i++) {
                    fillers[i].fill(built, reader.column(i), n);
                }
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                close();
                throw new ChormException("Cannot create " + meta.modelClass().getSimpleName() + ": " + e, e);
            }
        }

        synchronized void close() {
            if (!closed) {
                closed = true;
                try {
                    response.close();
                } catch (Exception ignored) {
                    // nothing left to read
                }
            }
        }
    }
}
