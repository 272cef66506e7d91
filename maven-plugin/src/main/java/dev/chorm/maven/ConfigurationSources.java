package dev.chorm.maven;

import dev.chorm.db.Config;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Read the configuration sources of one goal run in their documented order, lowest first:
 * <ol>
 *   <li>the defaults;</li>
 *   <li>{@code clickhouse.properties} on the project's classpath ({@code chorm.*} keys);</li>
 *   <li>the plugin's {@code <configuration>} in the POM (parameters, and {@code chorm.*} keys in {@code <config>});</li>
 *   <li>the project's {@code <properties>}: {@code clickhouse.<parameter>} and {@code chorm.*};</li>
 *   <li>environment variables: {@code CHORM_<PARAMETER>} for each parameter ({@code fakeInitial} is
 *       {@code CHORM_FAKE_INITIAL}) and the framework's own ({@code CHORM_DATABASES_DEFAULT_URL},
 *       {@code CHORM_MODELS_PACKAGES});</li>
 *   <li>system properties, including {@code -D} on the command line: {@code clickhouse.<parameter>} and {@code chorm.*}.</li>
 * </ol>
 */
final class ConfigurationSources {
    private final Path basedir;
    private final Map<String, String> pom;
    private final Properties projectProperties;
    private final Map<String, String> environment;
    private final Properties systemProperties;

    /**
     * Create the sources of a project in {@code basedir}.
     *
     * @param pom the POM layer: {@code clickhouse.<parameter>} for each parameter set there, and {@code chorm.*} keys
     * @param parameterNames every parameter of the goal, for the environment variables
     * @param systemProperties the JVM's system properties overlaid with the build's user properties ({@code -D})
     */
    ConfigurationSources(Path basedir, Map<String, String> pom, Collection<String> parameterNames,
                         Properties projectProperties, Map<String, String> environment, Properties systemProperties) {
        this.basedir = basedir;
        this.pom = pom;
        this.projectProperties = projectProperties;
        this.environment = environmentLayer(parameterNames, environment);
        this.systemProperties = systemProperties;
    }

    /** Return the environment variable of parameter {@code name}: {@code fakeInitial} is {@code CHORM_FAKE_INITIAL}. */
    static String environmentVariableOf(String name) {
        return "CHORM_" + name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** Return the merge without the classpath file: enough to read the parameters (the file holds only chorm.* keys). */
    MergedConfiguration mergeParameters() {
        return merge(Map.of());
    }

    /** Return the merge of every source, reading {@code clickhouse.properties} through {@code projectLoader}. */
    MergedConfiguration merge(ClassLoader projectLoader) {
        return merge(Config.load(projectLoader, Map.of(), new Properties()).values());
    }

    private MergedConfiguration merge(Map<String, String> classpathFile) {
        return new ConfigurationLayers(basedir)
                .add(classpathFile)
                .add(pom)
                .add(toMap(projectProperties))
                .add(environment)
                .add(toMap(systemProperties))
                .merge();
    }

    private static Map<String, String> environmentLayer(Collection<String> parameterNames, Map<String, String> environment) {
        // The framework maps its own variables; the platform loader sees no clickhouse.properties.
        Map<String, String> layer = new LinkedHashMap<>(
                Config.load(ClassLoader.getPlatformClassLoader(), environment, new Properties()).values());
        for (String name : parameterNames) {
            String value = environment.get(environmentVariableOf(name));
            if (value != null) {
                layer.put(ConfigurationLayers.PARAMETER_PREFIX + name, value);
            }
        }
        return layer;
    }

    private static Map<String, String> toMap(Properties properties) {
        Map<String, String> out = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(k -> out.put(k, properties.getProperty(k)));
        return out;
    }
}
