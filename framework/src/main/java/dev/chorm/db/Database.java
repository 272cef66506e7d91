package dev.chorm.db;

import com.clickhouse.client.api.Client;
import com.zaxxer.hikari.HikariDataSource;
import dev.chorm.ChormException;
import dev.chorm.embedded.EmbeddedClickHouse;
import dev.chorm.embedded.EmbeddedEngineException;
import dev.chorm.embedded.EngineLibraryException;
import dev.chorm.model.ModelMeta;
import dev.chorm.schema.QueryDatabase;
import dev.chorm.query.QuerySet;
import dev.chorm.query.RawQuery;
import dev.chorm.schema.JdbcSqlExecutor;
import dev.chorm.schema.SchemaEditor;
import dev.chorm.schema.SqlExecutor;
import dev.chorm.schema.StorageProfile;
import dev.chorm.schema.StorageProfiles;
import dev.chorm.schema.TableComparison;
import dev.chorm.schema.TableMapping;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Open a configured ClickHouse database (a server through a HikariCP pool, or the embedded engine)
 * and manage the tables of models in it. Its {@link StorageProfiles} decide how declared models are
 * rendered there ({@code cluster} as declared, {@code single-node} mapped onto one node).
 *
 * <pre>{@code
 * try (Database db = Database.connect(Config.load())) {
 *     db.createTables(Event.class);
 * }
 * }</pre>
 */
public final class Database implements QueryDatabase, AutoCloseable {
    static {
        Logging.applyDefaults(); // before the pool, the driver or the executors create their loggers
    }

    private final String alias;
    private final HikariDataSource dataSource;
    private final EmbeddedClickHouse engine;
    private final SqlExecutor executor;
    private final StorageProfiles profiles;
    private Client client;

    private Database(String alias, HikariDataSource dataSource, EmbeddedClickHouse engine, StorageProfiles profiles) {
        this.alias = alias;
        this.dataSource = dataSource;
        this.engine = engine;
        this.executor = new JdbcSqlExecutor(dataSource);
        this.profiles = profiles;
    }

    /** Open the {@code default} alias of {@code config}. */
    public static Database connect(Config config) {
        return connect(config, "default");
    }

    /** Open {@code alias} of {@code config}: its URL, or the embedded engine in its data directory when none is set. */
    public static Database connect(Config config, String alias) {
        DatabaseConfig c = config.database(alias);
        StorageProfiles profiles = config.profiles(alias);
        if (c.url().isEmpty()) {
            config.checkUrlNotMisspelt(alias);
            return embedded(alias, c.dataDir(), c.settings(), profiles);
        }
        // The driver and the pool would retry for half a minute and then blame the first statement.
        Endpoint.of(c.url().get()).ifPresent(e -> e.checkReachable("chorm.databases." + alias + ".url"));
        Properties props = ConnectionPool.driverProperties(c.user(), c.password(), c.settings());
        return new Database(alias, ConnectionPool.open(alias, c.url().get(), props), null, profiles);
    }

    /**
     * Start the embedded engine on {@code dataDir} and open it; closing the database stops the engine.
     * An engine that cannot start (or whose library cannot be found) fails as a {@link ChormException}
     * with the engine's message.
     */
    public static Database embedded(Path dataDir) {
        return embedded("default", dataDir, Map.of(), Config.of(Map.of()).profiles("default"));
    }

    private static Database embedded(String alias, Path dataDir, Map<String, String> settings, StorageProfiles profiles) {
        EmbeddedClickHouse engine;
        try {
            engine = EmbeddedClickHouse.start(dataDir);
        } catch (EmbeddedEngineException | EngineLibraryException e) {
            // The embedded module stands below the framework, so its exceptions join chorm's family here.
            throw new ChormException(e.getMessage(), e);
        }
        try {
            return open(alias, engine.jdbcUrl(), engine.jdbcProperties(), settings, engine, profiles);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /**
     * Open {@code url} with the user and password in {@code properties}, without owning any engine. No
     * cluster is configured, so the profile is {@code single-node}; pass profiles to choose.
     */
    public static Database open(String alias, String url, Properties properties, Map<String, String> settings) {
        return open(alias, url, properties, settings,
                Config.of(Map.of("chorm.databases." + alias + ".url", url)).profiles(alias));
    }

    /** Open {@code url} as {@link #open(String, String, Properties, Map)} does, rendering models for {@code profiles}. */
    public static Database open(String alias, String url, Properties properties, Map<String, String> settings,
                                StorageProfiles profiles) {
        return open(alias, url, properties, settings, null, profiles);
    }

    private static Database open(String alias, String url, Properties properties, Map<String, String> settings,
                                 EmbeddedClickHouse engine, StorageProfiles profiles) {
        Properties props = ConnectionPool.driverProperties(properties.getProperty("user", "default"),
                properties.getProperty("password", ""), settings);
        return new Database(alias, ConnectionPool.open(alias, url, props), engine, profiles);
    }

    /** Return the alias this database was opened as. */
    public String alias() {
        return alias;
    }

    /** Return the storage profiles models are rendered for on this database. */
    public StorageProfiles profiles() {
        return profiles;
    }

    /** Return the connection pool. */
    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Return a client-v2 {@link Client} configured like the pool (endpoint and database of the JDBC URL,
     * user, password, server settings, uncompressed requests), created on first use and closed with
     * this database. chorm streams RowBinary inserts through it, which is why it never retries: a
     * streamed request body cannot be sent twice.
     */
    @Override
    public synchronized Client client() {
        if (client == null) {
            Endpoint endpoint = Endpoint.of(dataSource.getJdbcUrl()).orElseThrow(() -> new dev.chorm.ChormException(
                    "Cannot derive a client-v2 endpoint from the JDBC URL " + dataSource.getJdbcUrl()));
            Client.Builder b = new Client.Builder().addEndpoint(endpoint.address())
                    .setUsername(dataSource.getUsername()).setPassword(dataSource.getPassword())
                    .setDefaultDatabase(endpoint.database()).compressClientRequest(false)
                    .setMaxRetries(0);
            dataSource.getDataSourceProperties().forEach((k, v) -> {
                if (k.toString().startsWith(ConnectionPool.SETTING_PREFIX)) {
                    b.serverSetting(k.toString().substring(ConnectionPool.SETTING_PREFIX.length()), v.toString());
                }
            });
            client = b.build();
        }
        return client;
    }

    /** Return the executor that runs SQL on this database. */
    public SqlExecutor executor() {
        return executor;
    }

    /** Return the embedded engine this database owns, if it was opened on one. */
    public Optional<EmbeddedClickHouse> embeddedEngine() {
        return Optional.ofNullable(engine);
    }

    /**
     * Return a schema editor that runs its statements on this database, rendering tables for this
     * alias's profile (without per-model overrides and without other models in sight; use
     * {@link #createTables} for models).
     */
    public SchemaEditor schemaEditor() {
        TableMapping mapping = TableMapping.of(profiles.profile(), (db, name) -> Optional.empty(), "");
        return SchemaEditor.executing(executor).withMapping(mapping);
    }

    /** Run one statement. */
    public void execute(String sql) {
        executor.execute(sql);
    }

    /** Run one query and return its rows as maps from column label to value. */
    public List<Map<String, Object>> query(String sql) {
        return executor.query(sql);
    }

    /**
     * Compare the live table of {@code model} with the model: {@code matches()} when they are the same,
     * else the differences, one line each (see {@link SchemaEditor#compare}).
     *
     * <pre>{@code assertThat(db.compareTable(Event.class).differences()).isEmpty();}</pre>
     */
    public TableComparison compareTable(Class<?> model) {
        // As createTables: the model's own profile (an app or model override), not only the database's.
        return schemaEditor(model, model).compare(ModelMeta.of(model).table());
    }

    /**
     * Create the tables of {@code models} (checking each model first), each rendered for its profile;
     * a Distributed model's local model must be among {@code models} for {@code single-node}. A table
     * that exists with the model's shape is left as it is; one that exists with another shape fails,
     * naming the model and each difference, rather than leaving a table the model cannot use.
     */
    public void createTables(Class<?>... models) {
        for (Class<?> model : models) {
            SchemaEditor editor = schemaEditor(model, models);
            dev.chorm.model.TableSpec table = ModelMeta.of(model).table();
            dev.chorm.schema.TableComparison existing = editor.compare(table);
            if (existing.live().isEmpty()) {
                editor.createTable(table, true);
            } else if (!existing.matches()) {
                throw new dev.chorm.ChormException(("Cannot create the table of model %s: %s already exists with another shape:%n"
                        + "  - %s%nDrop it (db.dropTables(%s.class)) to start afresh, or change it with a migration "
                        + "(`mvn clickhouse:makemigrations` and `mvn clickhouse:migrate`).").formatted(model.getName(),
                        table.database().isEmpty() ? table.name() : table.database() + "." + table.name(),
                        String.join(System.lineSeparator() + "  - ", existing.differences()), model.getSimpleName()));
            }
        }
    }

    /** Drop the tables of {@code models} if they exist. */
    public void dropTables(Class<?>... models) {
        for (Class<?> model : models) {
            schemaEditor(model, models).dropTable(ModelMeta.of(model).table());
        }
    }

    /** Return the storage profile {@code model}'s table is rendered for on this database. */
    @Override
    public StorageProfile profileOf(Class<?> model) {
        return profiles.of(appOf(model), model.getSimpleName());
    }

    /** The app a model belongs to: the last segment of its package, as {@code AppModels.scan} labels it. */
    private static String appOf(Class<?> model) {
        String pkg = model.getPackageName();
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }

    /**
     * Return a schema editor that renders {@code model}'s table for its profile (app: the last segment
     * of its package, as {@code AppModels.scan} labels it), finding local tables among {@code models}.
     */
    private SchemaEditor schemaEditor(Class<?> model, Class<?>... models) {
        String app = appOf(model);
        StorageProfile profile = profileOf(model);
        TableMapping.Tables tables = (database, name) -> Arrays.stream(models).map(m -> ModelMeta.of(m).table())
                .filter(t -> t.name().equals(name) && t.database().equals(database)).findFirst();
        String owner = app + "." + model.getSimpleName();
        return SchemaEditor.executing(executor).withMapping(TableMapping.of(profile, tables, owner));
    }

    /** Return the QuerySet of all rows of {@code model}: {@code db.objects(Event.class).filter("port", 80)}. */
    public <T> QuerySet<T> objects(Class<T> model) {
        return QuerySet.of(this, model);
    }

    /** Return a raw SQL query whose {@code {name:Type}} placeholders take {@code params} (name, value, ...). */
    public RawQuery raw(String sql, Object... params) {
        return RawQuery.of(this, sql, params);
    }

    /** Return a raw SQL query whose {@code {name:Type}} placeholders take the values of {@code params}. */
    public RawQuery raw(String sql, Map<String, ?> params) {
        return RawQuery.of(this, sql, params);
    }

    /** Close the pool and stop the embedded engine if this database owns one. */
    @Override
    public void close() {
        try {
            dataSource.close();
            synchronized (this) {
                if (client != null) {
                    client.close();
                }
            }
        } finally {
            if (engine != null) {
                engine.close();
            }
        }
    }
}
