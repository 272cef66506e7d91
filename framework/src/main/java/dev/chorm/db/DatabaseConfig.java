package dev.chorm.db;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Describe one configured database alias ({@code chorm.databases.<alias>.*}).
 *
 * @param alias the alias, for example {@code default}
 * @param url the JDBC URL; empty means the embedded engine
 * @param user the user name
 * @param password the password
 * @param settings ClickHouse settings applied to every query of this alias
 * @param migrationCluster the cluster of the migration history table; empty for none
 * @param dataDir the embedded engine's data directory (used when {@code url} is empty)
 * @param testCluster the cluster test databases are created on; empty for none
 * @param testManaged whether tests create and drop this alias's test database
 * @param testDependencies aliases whose test databases must exist first
 */
public record DatabaseConfig(String alias, Optional<String> url, String user, String password,
                             Map<String, String> settings, String migrationCluster, Path dataDir,
                             String testCluster, boolean testManaged, List<String> testDependencies) {
    /** Copy the collections. */
    public DatabaseConfig {
        settings = Map.copyOf(settings);
        testDependencies = List.copyOf(testDependencies);
    }
}
