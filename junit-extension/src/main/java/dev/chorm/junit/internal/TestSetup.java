package dev.chorm.junit.internal;

import dev.chorm.db.Config;
import dev.chorm.junit.internal.Declarations.FlushMode;
import dev.chorm.junit.internal.Declarations.SchemaSource;
import dev.chorm.migrations.AppModels;
import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Hold what one annotated test class asks for: its configuration (the project's, overridden by the
 * annotation's properties), the aliases it uses and where each was named, the schema source, the
 * flush mode and whether to keep databases of a failed class.
 *
 * @param testClass the annotated class
 * @param config the configuration
 * @param requested alias to where the test named it, in order; the first is the primary alias
 * @param schema where tables come from
 * @param models the models of {@link SchemaSource#MODELS} and of fixtures
 * @param flush when rows are removed
 * @param keepOnFailure whether to keep the databases when a test failed
 */
record TestSetup(Class<?> testClass, Config config, Map<String, String> requested, SchemaSource schema,
                 List<Class<?>> models, FlushMode flush, boolean keepOnFailure) {
    /** The system property that keeps the databases of every failed class. */
    static final String KEEP_PROPERTY = "chorm.test.keep-on-failure";

    /** Return the setup of {@code testClass}, which declares {@code a}; {@code declarations} reads its {@code @Alias} parameters. */
    static TestSetup of(Class<?> testClass, Declarations.TestClass a, Declarations declarations) {
        Config config = configOf(testClass, a.properties());
        Map<String, String> requested = new LinkedHashMap<>();
        for (String alias : a.databases()) {
            requested.putIfAbsent(alias, "@ClickhouseTest(databases) on " + testClass.getSimpleName());
        }
        if (requested.isEmpty()) {
            throw new SetupException("@ClickhouseTest(databases = {}) on %s names no alias. Name at least one, such as \"default\"."
                    .formatted(testClass.getSimpleName()));
        }
        collectAliasParameters(testClass, requested, declarations);
        List<Class<?>> models = !a.models().isEmpty() ? a.models() : scanModels(config);
        boolean keep = a.keepOnFailure() || Boolean.parseBoolean(config.get(KEEP_PROPERTY).orElse("false"));
        return new TestSetup(testClass, config, requested, a.schema(), models, a.flush(), keep);
    }

    private static Config configOf(Class<?> testClass, List<String> properties) {
        Map<String, String> values = new TreeMap<>(Config.load().values());
        for (String p : properties) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new SetupException("@ClickhouseTest(properties) on %s: '%s' is not key=value, for example \"chorm.databases.default.settings.max_threads=1\"."
                        .formatted(testClass.getSimpleName(), p));
            }
            values.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
        }
        return Config.of(values);
    }

    private static List<Class<?>> scanModels(Config config) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        AppModels apps = AppModels.scan(loader == null ? TestSetup.class.getClassLoader() : loader, config.modelPackages());
        List<Class<?>> out = new ArrayList<>();
        apps.labels().forEach(label -> out.addAll(apps.models(label)));
        return out;
    }

    /** Add the aliases of {@code @Alias} parameters of the class, its superclasses and its {@code @Nested} classes. */
    private static void collectAliasParameters(Class<?> type, Map<String, String> requested, Declarations declarations) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            List<Executable> executables = new ArrayList<>(List.of(c.getDeclaredMethods()));
            executables.addAll(List.of(c.getDeclaredConstructors()));
            for (Executable e : executables) {
                for (Parameter p : e.getParameters()) {
                    Optional<String> alias = declarations.alias(p);
                    if (alias.isPresent()) {
                        requested.putIfAbsent(alias.get(), "@Alias on parameter '%s' of %s.%s".formatted(p.getName(),
                                c.getSimpleName(), e instanceof java.lang.reflect.Constructor<?> ? "<init>" : e.getName()));
                    }
                }
            }
            for (Class<?> inner : c.getDeclaredClasses()) {
                if (!Modifier.isStatic(inner.getModifiers())) {
                    collectAliasParameters(inner, requested, declarations);
                }
            }
        }
    }

    /** Return the alias a parameter without {@code @Alias} gets. */
    String primaryAlias() {
        return requested.keySet().iterator().next();
    }
}
