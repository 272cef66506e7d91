package dev.chorm.db;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Know every {@code chorm.*} configuration key the framework, the embedded engine and
 * {@code @ClickhouseTest} read, so that a key nobody reads is reported with the closest known one
 * ({@code chorm.databases.default.ulr} → {@code chorm.databases.default.url}) instead of being
 * ignored. docs/configuration.md's key table is {@link #markdownTable()}, checked by a test.
 */
public final class ConfigKeys {

    /**
     * One key or family of keys.
     *
     * @param pattern the key with placeholders in angle brackets: {@code chorm.databases.<alias>.url}
     * @param sources where it may be set
     * @param defaultValue what applies when it is not set
     * @param meaning what it does
     */
    public record Key(String pattern, String sources, String defaultValue, String meaning) {
        /** Return whether {@code key} is this key: an alias, app or model stands for one name segment, a setting for the rest. */
        boolean matches(String key) {
            return regex().matcher(key).matches();
        }

        private Pattern regex() {
            StringBuilder out = new StringBuilder();
            for (String part : pattern.split("(?=<)|(?<=>)")) {
                if (part.equals("<alias>") || part.equals("<app>") || part.equals("<Model>")) {
                    out.append("[^.]+");
                } else if (part.startsWith("<")) {
                    out.append(".+"); // a ClickHouse setting name
                } else {
                    out.append(Pattern.quote(part));
                }
            }
            return Pattern.compile(out.toString());
        }

        /** Return the concrete key this pattern gives for the alias (and rest) of {@code key}, for suggestions. */
        String instantiate(String key) {
            String[] parts = key.split("\\.");
            String alias = parts.length > 2 ? parts[2] : "default";
            return pattern.replace("<alias>", alias);
        }
    }

    private static final String ALL = "file, environment, -D";
    private static final String FILE_D = "file, -D";
    private static final List<Key> KEYS = List.of(
            new Key("chorm.models.packages", ALL, "(none)", "Packages scanned for models, comma-separated; each package's last segment is the app label."),
            new Key("chorm.databases.<alias>.url", ALL, "(none): the embedded engine",
                    "JDBC URL of the server, e.g. `jdbc:clickhouse://localhost:8123/app`. Without one, the alias runs on the embedded engine in `data-dir`."),
            new Key("chorm.databases.<alias>.user", ALL, "`default`", "User name on the server."),
            new Key("chorm.databases.<alias>.password", ALL, "(empty)", "Password on the server."),
            new Key("chorm.databases.<alias>.data-dir", ALL, "`.chorm/data`", "The embedded engine's data directory (only without `url`)."),
            new Key("chorm.databases.<alias>.settings.<setting>", ALL, "(none)",
                    "A ClickHouse setting sent with every query of the alias, e.g. `settings.mutations_sync=2`."),
            new Key("chorm.databases.<alias>.migration-cluster", ALL, "(none)",
                    "Cluster of the migration history table (`ON CLUSTER`); makes the default profile `cluster`."),
            new Key("chorm.databases.<alias>.profile", ALL, "`single-node`, or `cluster` with a cluster configured",
                    "Storage profile: `cluster` creates tables as declared, `single-node` maps Replicated/Distributed models onto one node."),
            new Key("chorm.databases.<alias>.profile.<app>", ALL, "the alias's profile", "Storage profile of one app's models."),
            new Key("chorm.databases.<alias>.profile.<app>.<Model>", ALL, "the app's profile", "Storage profile of one model (simple class name)."),
            new Key("chorm.databases.<alias>.test.name", ALL, "`test_` + the database", "Name of the test database `@ClickhouseTest` creates."),
            new Key("chorm.databases.<alias>.test.cluster", ALL, "(none)", "Cluster the test database is created on."),
            new Key("chorm.databases.<alias>.test.managed", ALL, "`true`", "Whether tests create and drop this alias's test database."),
            new Key("chorm.databases.<alias>.test.dependencies", ALL, "(none)", "Aliases whose test databases are created first, comma-separated."),
            new Key("chorm.test.migrations", FILE_D, "(none)", "An extra migrations directory `@ClickhouseTest` applies to test databases."),
            new Key("chorm.test.keep-on-failure", FILE_D, "`false`", "Keep a failed test class's database for inspection."),
            new Key("chorm.test.container", FILE_D, "(none)", "Run tests against a ClickHouse container image instead of the embedded engine."),
            new Key("chorm.chdb.library", "-D, `CHORM_CHDB_LIBRARY`", "(none): the cache, else a fetch",
                    "Path of `libchdb.so` to use instead of the cached or fetched one."),
            new Key("chorm.cache.dir", "-D, `CHORM_CACHE_DIR`", "`$XDG_CACHE_HOME/chorm`, else `~/.cache/chorm`",
                    "Where the engine library is cached."),
            new Key("chorm.snowflake.worker-id", "-D", "`0`", "Worker id in generated Snowflake ids (0-31); give each writing process its own."),
            new Key("chorm.snowflake.datacenter-id", "-D", "`0`", "Datacenter id in generated Snowflake ids (0-31)."));

    /**
     * Keys of chorm's own benchmarks and test suites (seeds, fixture caches, jars under test): not
     * configuration of an application, so not documented, and never reported as unknown.
     */
    private static final List<String> OTHER_PREFIXES = List.of("chorm.bench.", "chorm.fuzz.", "chorm.property.",
            "chorm.embedded.jar", "chorm.junit.kit", "chorm.test.clickhouse-connect", "chorm.test.node-cache");

    private ConfigKeys() {
    }

    /** Return every known key, in documentation order. */
    public static List<Key> all() {
        return KEYS;
    }

    /** Return whether {@code key} is read by chorm (or belongs to a program outside the framework). */
    public static boolean isKnown(String key) {
        return OTHER_PREFIXES.stream().anyMatch(key::startsWith) || KEYS.stream().anyMatch(k -> k.matches(key));
    }

    /** Return the known key closest to an unknown {@code key}, if one is close enough to be a typo. */
    public static Optional<String> closest(String key) {
        return KEYS.stream().map(k -> k.instantiate(key)).filter(candidate -> !candidate.contains("<"))
                .min(Comparator.comparingInt(candidate -> distance(key, candidate)))
                .filter(candidate -> distance(key, candidate) <= Math.max(2, tail(candidate).length() / 2));
    }

    /** Return the Markdown table of the keys, as docs/configuration.md holds it. */
    public static String markdownTable() {
        List<String> lines = new ArrayList<>();
        lines.add("| key | set in | default | meaning |");
        lines.add("|---|---|---|---|");
        for (Key k : KEYS) {
            lines.add("| `%s` | %s | %s | %s |".formatted(k.pattern(), k.sources(), k.defaultValue(), k.meaning()));
        }
        return lines.stream().collect(Collectors.joining("\n", "", "\n"));
    }

    private static String tail(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
