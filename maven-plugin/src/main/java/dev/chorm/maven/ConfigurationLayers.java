package dev.chorm.maven;

import dev.chorm.db.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merge the plugin's configuration sources, later layers winning, into the goal parameters
 * ({@code clickhouse.*}) and the framework configuration ({@code chorm.*}).
 *
 * <p>Each layer holds keys of both kinds. A parameter that is a shorthand for a framework key
 * ({@code clickhouse.url} for {@code chorm.databases.<alias>.url}) counts at the layer it was set in, so
 * {@code -Dclickhouse.url} beats {@code CHORM_DATABASES_DEFAULT_URL}, which beats a POM {@code <url>}; within
 * one layer the shorthand beats the full key. The alias is the final {@code clickhouse.database}.
 *
 * <pre>{@code
 * MergedConfiguration merged = new ConfigurationLayers(basedir)
 *         .add(Map.of("clickhouse.url", "jdbc:clickhouse://pom:8123/app"))    // the POM
 *         .add(Map.of("clickhouse.url", "jdbc:clickhouse://cli:8123/app"))    // system properties
 *         .merge();   // chorm.databases.default.url = jdbc:clickhouse://cli:8123/app
 * }</pre>
 */
final class ConfigurationLayers {
    /** The prefix of goal parameters in properties. */
    public static final String PARAMETER_PREFIX = "clickhouse.";
    /** The prefix of the framework's keys. */
    public static final String FRAMEWORK_PREFIX = "chorm.";
    /** The default database alias. */
    public static final String DEFAULT_ALIAS = "default";
    /** The default migration directory, relative to the project's base directory. */
    public static final String DEFAULT_MIGRATIONS_DIRECTORY = "src/main/resources/db/clickhouse";

    /** Parameter name to the framework key it stands for; {@code <alias>} is replaced by the alias. */
    private static final Map<String, String> SHORTHANDS = Map.of(
            "url", "chorm.databases.<alias>.url",
            "user", "chorm.databases.<alias>.user",
            "password", "chorm.databases.<alias>.password",
            "dataDir", "chorm.databases.<alias>.data-dir",
            "profile", "chorm.databases.<alias>.profile",
            "packages", "chorm.models.packages");

    private final Path basedir;
    private final List<Map<String, String>> layers = new ArrayList<>();

    /** Create an empty merge for a project in {@code basedir}, against which relative paths resolve. */
    public ConfigurationLayers(Path basedir) {
        this.basedir = basedir;
    }

    /** Return the framework key that parameter {@code name} stands for, or null when it is a plain parameter. */
    private static String frameworkKeyOf(String name, String alias) {
        String key = SHORTHANDS.get(name);
        return key == null ? null : key.replace("<alias>", alias);
    }

    /** Add the next layer. Keys other than clickhouse.* and chorm.* are ignored. */
    public ConfigurationLayers add(Map<String, String> values) {
        Map<String, String> layer = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null && (k.startsWith(PARAMETER_PREFIX) || k.startsWith(FRAMEWORK_PREFIX))) {
                layer.put(k, v);
            }
        });
        layers.add(layer);
        return this;
    }

    /** Return the merge of the layers added so far, with the defaults below them. */
    public MergedConfiguration merge() {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("database", DEFAULT_ALIAS);
        parameters.put("migrationsDirectory", DEFAULT_MIGRATIONS_DIRECTORY);
        for (Map<String, String> layer : layers) {
            layer.forEach((k, v) -> {
                if (k.startsWith(PARAMETER_PREFIX)) {
                    parameters.put(k.substring(PARAMETER_PREFIX.length()), v);
                }
            });
        }
        String alias = parameters.get("database").isBlank() ? DEFAULT_ALIAS : parameters.get("database").strip();
        parameters.put("database", alias);
        Map<String, String> framework = new TreeMap<>();
        for (Map<String, String> layer : layers) {
            layer.forEach((k, v) -> {
                if (k.startsWith(FRAMEWORK_PREFIX)) {
                    framework.put(k, v);
                }
            });
            layer.forEach((k, v) -> {
                String key = k.startsWith(PARAMETER_PREFIX) ? frameworkKeyOf(k.substring(PARAMETER_PREFIX.length()), alias) : null;
                if (key != null) {
                    framework.put(key, v);
                }
            });
        }
        String dataDirKey = frameworkKeyOf("dataDir", alias);
        String dataDir = framework.getOrDefault(dataDirKey, "");
        framework.put(dataDirKey, resolve(dataDir.isBlank() ? Config.DEFAULT_DATA_DIR : dataDir).toString());
        parameters.put("migrationsDirectory", resolve(parameters.get("migrationsDirectory")).toString());
        return new MergedConfiguration(alias, parameters, framework);
    }

    private Path resolve(String path) {
        return basedir.resolve(path.strip()).normalize();
    }
}
