package dev.chorm.junit.internal;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Optional;

/**
 * What a test declares, as plain values: the extension reads its annotations ({@code @ClickhouseTest},
 * {@code @Fixtures}, {@code @Alias}) and this package works from the values, so that it never names
 * the public package that depends on it.
 */
public interface Declarations {

    /** Return what {@code testClass} (or a superclass, or an annotation on it) declares with {@code @ClickhouseTest}, if it does. */
    Optional<TestClass> testClass(Class<?> testClass);

    /** Return the fixtures {@code element} (a class or a method) declares with {@code @Fixtures}, if it does. */
    Optional<FixtureFiles> fixtures(AnnotatedElement element);

    /** Return the alias parameter {@code p} names with {@code @Alias}, if it does. */
    Optional<String> alias(Parameter p);

    /**
     * The attributes of {@code @ClickhouseTest}, in its order.
     *
     * @param databases the aliases, the first being the primary one
     * @param schema where tables come from
     * @param models the models of {@link SchemaSource#MODELS} and of fixtures; empty means scan {@code chorm.models.packages}
     * @param flush when rows are removed
     * @param keepOnFailure whether to keep the databases when a test failed
     * @param properties {@code key=value} configuration overrides, not yet checked
     */
    record TestClass(List<String> databases, SchemaSource schema, List<Class<?>> models, FlushMode flush,
                     boolean keepOnFailure, List<String> properties) {
        public TestClass {
            databases = List.copyOf(databases);
            models = List.copyOf(models);
            properties = List.copyOf(properties);
        }
    }

    /**
     * The attributes of {@code @Fixtures}.
     *
     * @param resources the classpath resources, in loading order
     * @param alias the alias the rows go to; empty means the primary one
     */
    record FixtureFiles(List<String> resources, String alias) {
        public FixtureFiles {
            resources = List.copyOf(resources);
        }
    }

    /** Where the tables come from, as {@code Schema} says. */
    enum SchemaSource {
        /** The project's migrations. */
        MIGRATIONS,
        /** The models, without migrations. */
        MODELS
    }

    /** When rows are removed, as {@code Flush} says. */
    enum FlushMode {
        /** Before every method but the first. */
        METHOD,
        /** Before every {@code @Nested} class sharing its enclosing class's databases. */
        CLASS,
        /** Never. */
        NEVER
    }
}
