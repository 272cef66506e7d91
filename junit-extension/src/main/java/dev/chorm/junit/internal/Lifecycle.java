package dev.chorm.junit.internal;

import dev.chorm.db.Database;
import dev.chorm.junit.internal.Declarations.FixtureFiles;
import dev.chorm.junit.internal.Declarations.FlushMode;
import java.lang.reflect.Parameter;
import java.sql.Connection;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * Do the work of {@code ClickhouseExtension}'s callbacks, from what the test declares as
 * {@link Declarations} reads it. State lives in JUnit's stores under one namespace: the JVM's servers
 * and templates in the root store, each annotated class's databases in that class's store (found by
 * {@code @Nested} classes through their parents).
 */
public final class Lifecycle {
    private static final Namespace NAMESPACE = Namespace.create("dev.chorm.junit");

    private final Declarations declarations;

    /** Create the lifecycle of an extension that reads the test's annotations with {@code declarations}. */
    public Lifecycle(Declarations declarations) {
        this.declarations = declarations;
    }

    /** Provision the class's databases (or reuse the enclosing class's) and load class fixtures. */
    public void beforeAll(ExtensionContext context) {
        ClassDatabases dbs = databases(context);
        boolean own = dbs.setup().testClass() == context.getRequiredTestClass();
        if (!own && dbs.setup().flush() == FlushMode.CLASS) {
            dbs.flush();
        }
        if (dbs.setup().flush() != FlushMode.METHOD) {
            classFixtures(context.getRequiredTestClass()).ifPresent(f -> load(dbs, f));
        }
    }

    /** Flush before every method but the first (with {@link FlushMode#METHOD}) and load the fixtures. */
    public void beforeEach(ExtensionContext context) {
        ClassDatabases dbs = databases(context);
        if (dbs.setup().flush() == FlushMode.METHOD) {
            if (dbs.startMethod()) {
                dbs.flush();
            }
            classFixtures(context.getRequiredTestClass()).ifPresent(f -> load(dbs, f));
        }
        declarations.fixtures(context.getRequiredTestMethod()).ifPresent(f -> load(dbs, f));
    }

    /** Remember a failed method, for keep-on-failure. */
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            databases(context).markFailed();
        }
    }

    /** Decide, for the class that owns the databases, whether they are kept; say how to reach kept ones. */
    public void afterAll(ExtensionContext context) {
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
    public boolean supportsParameter(ParameterContext parameter) {
        Parameter p = parameter.getParameter();
        return Parameters.supports(p, declarations.alias(p));
    }

    /** Return the injected value, provisioning the class's databases if that did not happen yet (PER_CLASS constructors). */
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Parameter p = parameter.getParameter();
        var build = Parameters.check(p);
        ClassDatabases dbs = databases(context);
        Database db = dbs.database(declarations.alias(p).orElse(dbs.setup().primaryAlias()), Parameters.describe(p));
        Object value = build.apply(db);
        if (value instanceof Connection c) {
            context.getStore(NAMESPACE).put(new Object(), new Parameters.Closing(c));
        }
        return value;
    }

    /** Return the databases of the nearest enclosing annotated class of {@code context}, provisioning them once. */
    ClassDatabases databases(ExtensionContext context) {
        for (ExtensionContext c = context; c.getParent().isPresent(); c = c.getParent().get()) {
            if (c.getTestClass().isEmpty() || c.getTestMethod().isPresent()) {
                continue;
            }
            Class<?> testClass = c.getRequiredTestClass();
            Optional<Declarations.TestClass> declared = declarations.testClass(testClass);
            if (declared.isPresent()) {
                TestServers servers = c.getRoot().getStore(NAMESPACE)
                        .getOrComputeIfAbsent(TestServers.class, k -> new TestServers(), TestServers.class);
                return c.getStore(NAMESPACE).getOrComputeIfAbsent(testClass,
                        k -> new Provisioner(servers).provision(TestSetup.of(testClass, declared.get(), declarations)),
                        ClassDatabases.class);
            }
        }
        throw new IllegalStateException("No class of " + context.getUniqueId() + " carries @ClickhouseTest");
    }

    /** Return the {@code @Fixtures} of {@code testClass}, its superclasses or, for a nested class, its enclosing classes. */
    private Optional<FixtureFiles> classFixtures(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Optional<FixtureFiles> f = declarations.fixtures(c);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    private static void load(ClassDatabases dbs, FixtureFiles fixtures) {
        TestSetup setup = dbs.setup();
        String alias = fixtures.alias().isEmpty() ? setup.primaryAlias() : fixtures.alias();
        Database db = dbs.database(alias, "@Fixtures(alias)");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        new FixtureLoader(setup.models(), loader != null ? loader : setup.testClass().getClassLoader())
                .load(db, fixtures.resources());
    }
}
