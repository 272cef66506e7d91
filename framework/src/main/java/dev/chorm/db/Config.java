package dev.chorm.db;

import dev.chorm.ChormException;
import dev.chorm.schema.StorageProfile;
import dev.chorm.schema.StorageProfiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hold chorm's configuration: {@code clickhouse.properties} from the classpath, overridden by
 * environment variables, overridden by system properties.
 *
 * <pre>
 * chorm.databases.default.url=jdbc:clickhouse://localhost:8123/app   # absent: embedded engine in ./.chorm/data
 * chorm.databases.default.settings.mutations_sync=1
 * chorm.models.packages=com.example.events
 * chorm.databases.default.profile=single-node                       # absent: follows the target (see profiles)
 * chorm.databases.default.profile.events=cluster                    # one app
 * chorm.databases.default.profile.events.Student=single-node        # one model
 * </pre>
 *
 * <p>An environment variable names a key in upper case with dots and dashes as underscores:
 * {@code CHORM_DATABASES_DEFAULT_URL}, {@code CHORM_DATABASES_DEFAULT_MIGRATION_CLUSTER},
 * {@code CHORM_DATABASES_DEFAULT_SETTINGS_MUTATIONS_SYNC}; a profile override names the app, then the
 * model after a double underscore: {@code CHORM_DATABASES_DEFAULT_PROFILE_EVENTS__STUDENT}.
 */
public final class Config {
    static {
        Logging.applyDefaults(); // Config.load() is usually a program's first call into chorm
    }

    /** The file read from the classpath. */
    public static final String FILE = "clickhouse.properties";
    /** The default embedded data directory. */
    public static final String DEFAULT_DATA_DIR = ".chorm/data";

    private static final String PREFIX = "chorm.databases.";
    /** The per-alias keys; {@link ConfigKeys} must know each (a test checks). */
    static final List<String> SUFFIXES = List.of("url", "user", "password", "migration-cluster", "data-dir",
            "profile", "test.cluster", "test.managed", "test.dependencies", "test.name");

    /** Warnings already printed by {@link #load()}: a program that loads its configuration often says each once. */
    private static final Set<String> PRINTED = ConcurrentHashMap.newKeySet();

    private final Map<String, String> values;
    private final List<UnknownKey> unknownKeys;

    /**
     * A key that chorm does not read, where it was set and the known key it is probably a typo of.
     *
     * @param key the key as set (an environment variable's name for the environment)
     * @param source where it was set: {@code clickhouse.properties}, the environment or a system property
     * @param closest the closest known key (in the same spelling as {@code key}), if one is close
     */
    public record UnknownKey(String key, String source, Optional<String> closest) {
        /** Return the warning: the key, its source, the suggestion, and that it is ignored. */
        public String warning() {
            return "Unknown configuration key '%s' (%s) is ignored: %s".formatted(key, source,
                    closest.map(c -> "did you mean '" + c + "'?").orElse("docs/configuration.md lists the keys chorm reads."));
        }
    }

    private Config(Map<String, String> values, List<UnknownKey> unknownKeys) {
        this.values = new TreeMap<>(values);
        this.unknownKeys = List.copyOf(unknownKeys);
    }

    /**
     * Return the configuration from the classpath file, the environment and the system properties,
     * printing a warning on standard error (once per JVM) for each {@code chorm.*} key nobody reads.
     */
    public static Config load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Config config = load(loader == null ? Config.class.getClassLoader() : loader, System.getenv(), System.getProperties());
        // Standard error rather than a logger: an application may have no SLF4J provider, and a typo
        // that silently switches to the embedded engine must be seen.
        config.warnings().stream().filter(PRINTED::add).forEach(w -> System.err.println("chorm: warning: " + w));
        return config;
    }

    /** Return the configuration from these sources, later ones winning; {@link #unknownKeys()} has the keys nobody reads. */
    public static Config load(ClassLoader loader, Map<String, String> environment, Properties systemProperties) {
        List<UnknownKey> unknown = new ArrayList<>();
        Map<String, String> file = readFile(loader);
        Map<String, String> merged = new TreeMap<>(file);
        file.keySet().stream().filter(k -> k.startsWith("chorm.") && !ConfigKeys.isKnown(k))
                .forEach(k -> unknown.add(new UnknownKey(k, FILE + " on the classpath", ConfigKeys.closest(k))));
        new TreeMap<>(environment).forEach((name, value) -> {
            Optional<String> key = keyOfEnvironment(name);
            key.ifPresent(k -> merged.put(k, value));
            // CHORM_DATABASES_* and CHORM_MODELS_* belong to this class; other CHORM_* variables to the engine and the plugin.
            if (key.isEmpty() && (name.startsWith("CHORM_DATABASES_") || name.startsWith("CHORM_MODELS_"))) {
                String asKey = "chorm." + lower(name.substring("CHORM_".length())).replace('_', '.');
                unknown.add(new UnknownKey(name, "environment variable", ConfigKeys.closest(asKey).map(Config::environmentName)));
            }
        });
        new TreeSet<>(systemProperties.stringPropertyNames()).stream().filter(k -> k.startsWith("chorm.")).forEach(k -> {
            merged.put(k, systemProperties.getProperty(k));
            if (!ConfigKeys.isKnown(k)) {
                unknown.add(new UnknownKey(k, "system property", ConfigKeys.closest(k)));
            }
        });
        return new Config(merged, unknown);
    }

    /** Return a configuration holding exactly {@code values} (full keys such as {@code chorm.databases.default.url}). */
    public static Config of(Map<String, String> values) {
        List<UnknownKey> unknown = values.keySet().stream().filter(k -> k.startsWith("chorm.") && !ConfigKeys.isKnown(k))
                .sorted().map(k -> new UnknownKey(k, "given", ConfigKeys.closest(k))).toList();
        return new Config(values, unknown);
    }

    /** Return the keys set in the sources that chorm does not read, with the closest known key of each. */
    public List<UnknownKey> unknownKeys() {
        return unknownKeys;
    }

    /** Return one warning per key chorm does not read ({@link UnknownKey#warning()}). */
    public List<String> warnings() {
        return unknownKeys.stream().map(UnknownKey::warning).toList();
    }

    /**
     * Fail when {@code alias} would run on the embedded engine only because its URL key is misspelt
     * ({@code chorm.databases.default.ulr}): a typo must not quietly change where the data goes.
     */
    void checkUrlNotMisspelt(String alias) {
        String url = PREFIX + alias + ".url";
        for (UnknownKey k : unknownKeys) {
            String closest = k.closest().orElse("");
            if (closest.equals(url) || closest.equals(environmentName(url))) {
                throw new ChormException(("%s is not a key chorm reads (%s); did you mean %s? Without a URL, alias '%s' "
                        + "would run on the embedded engine in %s instead. Fix the key, or remove it to use the embedded engine.")
                        .formatted(k.key(), k.source(), closest, alias, database(alias).dataDir()));
            }
        }
    }

    /** Return the environment variable that sets {@code key}: upper case, dots and dashes as underscores. */
    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Map<String, String> readFile(ClassLoader loader) {
        Map<String, String> out = new TreeMap<>();
        try (InputStream in = loader.getResourceAsStream(FILE)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k).strip()));
            }
        } catch (IOException e) {
            throw new ChormException("Cannot read " + FILE + " from the classpath: " + e.getMessage(), e);
        }
        return out;
    }

    /** Return the configuration key an environment variable stands for, if it is one of chorm's. */
    static Optional<String> keyOfEnvironment(String name) {
        if (name.equals("CHORM_MODELS_PACKAGES")) {
            return Optional.of("chorm.models.packages");
        }
        if (!name.startsWith("CHORM_DATABASES_")) {
            return Optional.empty();
        }
        String rest = name.substring("CHORM_DATABASES_".length());
        int settings = rest.indexOf("_SETTINGS_");
        if (settings > 0) {
            return Optional.of(PREFIX + lower(rest.substring(0, settings)) + ".settings."
                    + lower(rest.substring(settings + "_SETTINGS_".length())));
        }
        int profile = rest.indexOf("_PROFILE_");
        if (profile > 0) {
            return Optional.of(PREFIX + lower(rest.substring(0, profile)) + ".profile."
                    + lower(rest.substring(profile + "_PROFILE_".length())).replace("__", "."));
        }
        for (String suffix : SUFFIXES) {
            String env = "_" + suffix.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            if (rest.endsWith(env) && rest.length() > env.length()) {
                return Optional.of(PREFIX + lower(rest.substring(0, rest.length() - env.length())) + "." + suffix);
            }
        }
        return Optional.empty();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Return the value of {@code key}, if set. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    /** Return every key and value, sorted by key. */
    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    /** Return the configured database aliases; {@code default} is always among them. */
    public Set<String> aliases() {
        Set<String> out = new TreeSet<>(Set.of("default"));
        values.keySet().stream().filter(k -> k.startsWith(PREFIX))
                .map(k -> k.substring(PREFIX.length(), k.indexOf('.', PREFIX.length()) < 0 ? k.length()
                        : k.indexOf('.', PREFIX.length())))
                .forEach(out::add);
        return out;
    }

    /** Return the packages scanned for models ({@code chorm.models.packages}, comma-separated). */
    public List<String> modelPackages() {
        return list("chorm.models.packages");
    }

    /** Return the settings of {@code alias}. */
    public DatabaseConfig database(String alias) {
        String p = PREFIX + alias + ".";
        Map<String, String> settings = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(p + "settings.")) {
                settings.put(k.substring((p + "settings.").length()), v);
            }
        });
        return new DatabaseConfig(alias, get(p + "url"), get(p + "user").orElse("default"),
                get(p + "password").orElse(""), settings, get(p + "migration-cluster").orElse(""),
                Path.of(get(p + "data-dir").orElse(DEFAULT_DATA_DIR)), get(p + "test.cluster").orElse(""),
                Boolean.parseBoolean(get(p + "test.managed").orElse("true")), list(p + "test.dependencies"));
    }

    /**
     * Return the storage profiles of {@code alias}: {@code chorm.databases.<alias>.profile} when set,
     * else the target's default (the embedded engine and a server without a configured cluster get
     * {@code single-node}; an alias with a {@code migration-cluster} or {@code test.cluster} gets
     * {@code cluster}), and the overrides {@code chorm.databases.<alias>.profile.<app>} and
     * {@code chorm.databases.<alias>.profile.<app>.<Model>}.
     */
    public StorageProfiles profiles(String alias) {
        String key = PREFIX + alias + ".profile";
        DatabaseConfig c = database(alias);
        String cluster = c.migrationCluster().isEmpty() ? c.testCluster() : c.migrationCluster();
        StorageProfile profile;
        String reason;
        if (get(key).isPresent()) {
            profile = StorageProfile.parse(get(key).get(), key);
            reason = "set by " + key;
        } else if (c.url().isEmpty()) {
            profile = StorageProfile.SINGLE_NODE;
            reason = "embedded engine; set " + key + " to change it";
        } else if (!cluster.isEmpty()) {
            profile = StorageProfile.CLUSTER;
            reason = "cluster '" + cluster + "' is configured; set " + key + " to change it";
        } else {
            profile = StorageProfile.SINGLE_NODE;
            reason = "server without a configured cluster; set " + key + "=cluster to create tables as declared";
        }
        Map<String, StorageProfile> overrides = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(key + ".") && !v.isBlank()) {
                overrides.put(k.substring(key.length() + 1), StorageProfile.parse(v, k));
            }
        });
        return new StorageProfiles(profile, reason, overrides);
    }

    /** Return the comma-separated items of {@code key}, stripped, without empty ones. */
    private List<String> list(String key) {
        return get(key).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }
}
