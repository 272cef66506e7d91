package dev.chorm.junit.internal;

import dev.chorm.db.Database;
import dev.chorm.junit.ClickhouseTest;
import dev.chorm.junit.Fixtures;
import dev.chorm.junit.Flush;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Parameter;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Do the work of {@link dev.chorm.junit.ClickhouseExtension}'s callbacks. State lives in JUnit's
 * stores under one namespace: the JVM's servers and templates in the root store, each annotated
 * class's databases in that class's store (found by {@code @Nested} classes through their parents).
 */
public final class Lifecycle {
    private static final Namespace NAMESPACE = Namespace.create("dev.chorm.junit");

    private Lifecycle() {
    }

    /** Provision the class's databases (or reuse the enclosing class's) and load class fixtures. */
    public static void beforeAll(ExtensionContext context) {
        ClassDatabases dbs = databases(context);
        boolean own = dbs.setup().testClass() == context.getRequiredTestClass();
        if (!own && dbs.setup().flush() == Flush.CLASS) {
            dbs.flush();
        }
        if (dbs.setup().flush() != Flush.METHOD) {
            classFixtures(context.getRequiredTestClass()).ifPresent(f -> load(dbs, f));
        }
    }

    /** Flush before every method but the first (with {@link Flush#METHOD}) and load the fixtures. */
    public static void beforeEach(ExtensionContext context) {
        ClassDatabases dbs = databases(context);
        if (dbs.setup().flush() == Flush.METHOD) {
            if (dbs.startMethod()) {
                dbs.flush();
            }
            classFixtures(context.getRequiredTestClass()).ifPresent(f -> load(dbs, f));
        }
        AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), Fixtures.class).ifPresent(f -> load(dbs, f));
    }

    /** Remember a failed method, for keep-on-failure. */
    public static void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            databases(context).markFailed();
        }
    }

    /** Decide, for the class that owns the databases, whether they are kept; say how to reach kept ones. */
    public static void afterAll(ExtensionContext context) {
        ClassDatabases dbs = databases(context);
        if (context.getExecutionException().isPresent()) {
            dbs.markFailed();
        }
        if (dbs.setup().testClass() == context.getRequiredTestClass()) {
            for (String message : dbs.keepIfFailed()) {
                System.err.println(message);
                context.publishReportEntry("chorm.kept", message);
            }
        }
    }

    /** Return whether the parameter is one the extension injects; looks at the declaration only. */
    public static boolean supportsParameter(ParameterContext parameter) {
        return Parameters.supports(parameter.getParameter());
    }

    /** Return the injected value, provisioning the class's databases if that did not happen yet (PER_CLASS constructors). */
    public static Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Parameter p = parameter.getParameter();
        var build = Parameters.check(p);
        ClassDatabases dbs = databases(context);
        Database db = dbs.database(Parameters.alias(p, dbs.setup()), Parameters.describe(p));
        Object value = build.apply(db);
        if (value instanceof Connection c) {
            context.getStore(NAMESPACE).put(new Object(), new Parameters.Closing(c));
        }
        return value;
    }

    /** Return the databases of the nearest enclosing annotated class of {@code context}, provisioning them once. */
    static ClassDatabases databases(ExtensionContext context) {
        for (ExtensionContext c = context; c.getParent().isPresent(); c = c.getParent().get()) {
            if (c.getTestClass().isEmpty() || c.getTestMethod().isPresent()) {
                continue;
            }
            Class<?> testClass = c.getRequiredTestClass();
            if (AnnotationSupport.isAnnotated(testClass, ClickhouseTest.class)) {
                TestServers servers = c.getRoot().getStore(NAMESPACE)
                        .getOrComputeIfAbsent(TestServers.class, k -> new TestServers(), TestServers.class);
                return c.getStore(NAMESPACE).getOrComputeIfAbsent(testClass,
                        k -> new Provisioner(servers).provision(TestSetup.of(testClass).orElseThrow()), ClassDatabases.class);
            }
        }
        throw new IllegalStateException("No class of " + context.getUniqueId() + " carries @ClickhouseTest");
    }

    /** Return the {@link Fixtures} of {@code testClass}, its superclasses or, for a nested class, its enclosing classes. */
    private static Optional<Fixtures> classFixtures(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Optional<Fixtures> f = AnnotationSupport.findAnnotation((AnnotatedElement) c, Fixtures.class);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    private static void load(ClassDatabases dbs, Fixtures fixtures) {
        TestSetup setup = dbs.setup();
        String alias = fixtures.alias().isEmpty() ? setup.primaryAlias() : fixtures.alias();
        Database db = dbs.database(alias, "@Fixtures(alias)");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        new FixtureLoader(setup.models(), loader != null ? loader : setup.testClass().getClassLoader())
                .load(db, List.of(fixtures.value()));
    }
}
