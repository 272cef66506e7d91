package dev.chorm.junit.internal;

import dev.chorm.db.Database;
import dev.chorm.schema.StorageProfiles;
import java.util.Map;
import java.util.Properties;

/** Say where test databases of an alias live: a configured URL, a container or the embedded engine. */
interface Server {
    /** Return a JDBC URL naming {@code database}. */
    String jdbcUrl(String database);

    /** Return the driver properties {@code user} and {@code password}. */
    Properties credentials();

    /** Return what identifies the server within this JVM, for caching templates. */
    String identity();

    /** Return how a person connects to {@code database} after the tests, for the message about a kept database. */
    String connectHint(String database);

    /**
     * Open {@code database} as {@code alias} with ClickHouse {@code settings} on every query, rendering
     * models for the alias's storage {@code profiles} (single-node on the embedded engine, as declared
     * on a cluster); close it.
     */
    default Database open(String alias, String database, Map<String, String> settings, StorageProfiles profiles) {
        return Database.open(alias, jdbcUrl(database), credentials(), settings, profiles);
    }
}
