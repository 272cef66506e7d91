package dev.chorm.junit;

import dev.chorm.junit.internal.Lifecycle;
import dev.chorm.junit.internal.SetupException;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit Jupiter extension behind {@link ClickhouseTest}; register it through the annotation.
 * Each callback hands over to the internal lifecycle, so that this type only says when things happen;
 * what the lifecycle cannot set up reaches JUnit as a {@link ClickhouseTestException}.
 */
public final class ClickhouseExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback, ParameterResolver {

    private final Lifecycle lifecycle = new Lifecycle(new AnnotationDeclarations());

    /** Create the extension; JUnit does. */
    public ClickhouseExtension() {
    }

    /** Provision the class's test databases and load its fixtures. */
    @Override
    public void beforeAll(ExtensionContext context) {
        reported(() -> lifecycle.beforeAll(context));
    }

    /** Flush rows left by the previous method and load fixtures. */
    @Override
    public void beforeEach(ExtensionContext context) {
        reported(() -> lifecycle.beforeEach(context));
    }

    /** Note a failed method. */
    @Override
    public void afterEach(ExtensionContext context) {
        reported(() -> lifecycle.afterEach(context));
    }

    /** Keep the databases of a failed class if asked; they are dropped when JUnit closes the class's store. */
    @Override
    public void afterAll(ExtensionContext context) {
        reported(() -> lifecycle.afterAll(context));
    }

    /** Return whether the parameter is a Database, QuerySet, DataSource, Connection or marked {@link Alias}; starts nothing. */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return reported(() -> lifecycle.supportsParameter(parameterContext));
    }

    /** Return the parameter's value for its alias. */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return reported(() -> lifecycle.resolveParameter(parameterContext, extensionContext));
    }

    private static void reported(Runnable step) {
        reported(() -> {
            step.run();
            return null;
        });
    }

    /** Run {@code step}, turning the lifecycle's {@link SetupException} into the public exception users catch. */
    private static <T> T reported(Supplier<T> step) {
        try {
            return step.get();
        } catch (SetupException e) {
            throw ClickhouseTestException.of(e);
        }
    }
}
