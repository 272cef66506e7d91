package dev.chorm.junit;

import dev.chorm.junit.internal.Lifecycle;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit Jupiter extension behind {@link ClickhouseTest}; register it through the annotation.
 * Each callback hands over to the internal lifecycle, so that this type only says when things happen.
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
        lifecycle.beforeAll(context);
    }

    /** Flush rows left by the previous method and load fixtures. */
    @Override
    public void beforeEach(ExtensionContext context) {
        lifecycle.beforeEach(context);
    }

    /** Note a failed method. */
    @Override
    public void afterEach(ExtensionContext context) {
        lifecycle.afterEach(context);
    }

    /** Keep the databases of a failed class if asked; they are dropped when JUnit closes the class's store. */
    @Override
    public void afterAll(ExtensionContext context) {
        lifecycle.afterAll(context);
    }

    /** Return whether the parameter is a Database, QuerySet, DataSource, Connection or marked {@link Alias}; starts nothing. */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return lifecycle.supportsParameter(parameterContext);
    }

    /** Return the parameter's value for its alias. */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return lifecycle.resolveParameter(parameterContext, extensionContext);
    }
}
