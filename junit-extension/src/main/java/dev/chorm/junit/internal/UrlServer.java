package dev.chorm.junit.internal;

import dev.chorm.db.DatabaseConfig;
import java.util.Properties;

/** A server the configuration names by URL ({@code chorm.databases.<alias>.url}). */
final class UrlServer implements Server {
    private final String url;
    private final String user;
    private final String password;

    UrlServer(DatabaseConfig c) {
        this.url = c.url().orElseThrow();
        this.user = c.user();
        this.password = c.password();
    }

    @Override
    public String jdbcUrl(String database) {
        return JdbcUrls.withDatabase(url, database);
    }

    @Override
    public Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return p;
    }

    @Override
    public String identity() {
        return url + "|" + user;
    }

    @Override
    public String connectHint(String database) {
        return "%s (user %s), or: clickhouse-client --host %s --user %s --database %s"
                .formatted(jdbcUrl(database), user, JdbcUrls.host(url), user, database);
    }
}
