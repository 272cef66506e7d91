package dev.chorm.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.Properties;

/** Build the HikariCP pool over clickhouse-jdbc with the driver properties chorm relies on. */
final class ConnectionPool {
    /** The prefix that turns a driver property into a ClickHouse setting. */
    static final String SETTING_PREFIX = "clickhouse_setting_";

    private ConnectionPool() {
    }

    /**
     * Return the driver properties: compressed responses, uncompressed requests (the build leaves
     * zstd out, and request compression would need it), unsupported JDBC calls such as
     * {@code setAutoCommit} ignored so the pool works, and every setting as {@code clickhouse_setting_<name>}.
     */
    static Properties driverProperties(String user, String password, Map<String, String> settings) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("compress", "true");
        p.setProperty("decompress", "false");
        p.setProperty("jdbc_ignore_unsupported_values", "true");
        settings.forEach((k, v) -> p.setProperty(SETTING_PREFIX + k, v));
        return p;
    }

    /** Return a pool named after {@code alias} for {@code url}. */
    static HikariDataSource open(String alias, String url, Properties driverProperties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("chorm-" + alias);
        config.setJdbcUrl(url);
        config.setUsername(driverProperties.getProperty("user"));
        config.setPassword(driverProperties.getProperty("password"));
        config.setDataSourceProperties(driverProperties);
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(0);
        // ClickHouse has no transactions; the driver ignores auto-commit changes when told to.
        config.setAutoCommit(true);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
