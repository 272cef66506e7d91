package dev.chorm.query.internal;

import com.clickhouse.client.api.Client;
import dev.chorm.model.ModelMeta;
import dev.chorm.QueryException;
import dev.chorm.schema.JdbcSqlExecutor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run compiled SQL through JDBC: one pooled connection per statement, rows streamed from the
 * driver's result set (clickhouse-jdbc reads the HTTP response as the rows are consumed), and every
 * {@link SQLException} turned into a {@link QueryException} carrying ClickHouse's error code.
 */
public final class QueryRunner {
    private static final Logger LOG = LoggerFactory.getLogger(QueryRunner.class);

    private final DataSource dataSource;
    private final ModelMeta model;
    private final Supplier<Client> client;

    /** Create a runner over {@code dataSource}. */
    public QueryRunner(DataSource dataSource) {
        this(dataSource, null, null);
    }

    /**
     * Create a runner over {@code dataSource} for the queries of {@code model}, whose failures name it,
     * reading model objects through {@code client} in Native where it can ({@link NativeModelReads}),
     * bypassing the JDBC result set ({@code client} null: always JDBC).
     */
    public QueryRunner(DataSource dataSource, ModelMeta model, Supplier<Client> client) {
        this.dataSource = dataSource;
        this.model = model;
        this.client = client;
    }

    /**
     * Return the rows of {@code sql} as a lazy stream; closing the stream (or reaching its end)
     * closes the result set, the statement and the connection.
     */
    public <R> Stream<R> stream(String sql, Query query, SqlCompiler.Compiled compiled, RowShape<R> shape) {
        if (client != null && query != null && NativeModelReads.applies(query.meta(), compiled, shape)) {
            Stream<R> rows;
            try {
                rows = NativeModelReads.stream(client.get(), sql, query.meta(), compiled, shape);
            } catch (QueryException e) {
                throw hinted(e);
            }
            if (rows != null) {
                return rows;
            }
        }
        LOG.debug("query: {}", sql);
        Connection c = null;
        Statement s = null;
        try {
            c = dataSource.getConnection();
            s = c.createStatement();
            s.setEscapeProcessing(false);
            ResultSet rs = s.executeQuery(sql);
            RowMapper<R> mapper = shape.mapper(query, compiled, rs.getMetaData());
            Resources resources = new Resources(rs, s, c);
            return StreamSupport.stream(new Rows<>(rs, mapper, resources, sql), false).onClose(resources::close);
        } catch (SQLException e) {
            closeQuietly(s, c);
            throw hinted(failure(sql, e));
        } catch (RuntimeException e) {
            closeQuietly(s, c);
            throw e;
        }
    }

    /** Return all rows of {@code sql}. */
    public <R> List<R> list(String sql, Query query, SqlCompiler.Compiled compiled, RowShape<R> shape) {
        try (Stream<R> rows = stream(sql, query, compiled, shape)) {
            return rows.toList();
        }
    }

    /** Run a statement that returns no rows (for mutations and DDL of the write side). */
    public void execute(String sql) {
        LOG.debug("execute: {}", sql);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            s.execute(sql);
        } catch (SQLException e) {
            throw hinted(failure(sql, e));
        }
    }

    /**
     * Add the likely fix to a query of a model on a missing table: the migrations have not been
     * applied to this database yet (a bare code 60 does not say that).
     */
    QueryException hinted(QueryException e) {
        return model == null ? e : MissingTable.hinted(e, model, "query", "reads");
    }

    /** Return a {@link QueryException} for a failed statement, with ClickHouse's error code when known. */
    public static QueryException failure(String sql, SQLException e) {
        return new QueryException(JdbcSqlExecutor.failureMessage(sql, e), JdbcSqlExecutor.errorCode(e), e);
    }

    private static void closeQuietly(AutoCloseable... resources) {
        for (AutoCloseable r : resources) {
            if (r != null) {
                try {
                    r.close();
                } catch (Exception ignored) {
                    // the original failure matters more
                }
            }
        }
    }

    /** Close a result set, its statement and its connection once. */
    private static final class Resources {
        private final ResultSet rs;
        private final Statement statement;
        private final Connection connection;
        private boolean closed;

        Resources(ResultSet rs, Statement statement, Connection connection) {
            this.rs = rs;
            this.statement = statement;
            this.connection = connection;
        }

        synchronized void close() {
            if (!closed) {
                closed = true;
                closeQuietly(rs, statement, connection);
            }
        }
    }

    /** Walk a result set one row at a time, closing it after the last row. */
    private static final class Rows<R> extends Spliterators.AbstractSpliterator<R> {
        private final ResultSet rs;
        private final RowMapper<R> mapper;
        private final Resources resources;
        private final String sql;

        Rows(ResultSet rs, RowMapper<R> mapper, Resources resources, String sql) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.rs = rs;
            this.mapper = mapper;
            this.resources = resources;
            this.sql = sql;
        }

        @Override
        public boolean tryAdvance(Consumer<? super R> action) {
            try {
                if (!rs.next()) {
                    resources.close();
                    return false;
                }
                action.accept(mapper.map(rs));
                return true;
            } catch (SQLException e) {
                resources.close();
                throw failure(sql, e);
            } catch (RuntimeException e) {
                resources.close();
                throw e;
            }
        }
    }
}
