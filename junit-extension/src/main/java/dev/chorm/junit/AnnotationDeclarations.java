package dev.chorm.junit;

import dev.chorm.junit.internal.Declarations;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Read this package's annotations into the values the internal lifecycle works from: the
 * annotations live here, beside the extension JUnit finds through them, and nothing below names them.
 */
final class AnnotationDeclarations implements Declarations {

    /** Find {@link ClickhouseTest} as JUnit does: on the class, a superclass, or an annotation on either. */
    @Override
    public Optional<TestClass> testClass(Class<?> testClass) {
        return AnnotationSupport.findAnnotation((AnnotatedElement) testClass, ClickhouseTest.class)
                .map(a -> new TestClass(List.of(a.databases()), schema(a.schema()), List.of(a.models()), flush(a.flush()),
                        a.keepOnFailure(), List.of(a.properties())));
    }

    @Override
    public Optional<FixtureFiles> fixtures(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, Fixtures.class).map(f -> new FixtureFiles(List.of(f.value()), f.alias()));
    }

    @Override
    public Optional<String> alias(Parameter p) {
        return Optional.ofNullable(p.getAnnotation(Alias.class)).map(Alias::value);
    }

    private static SchemaSource schema(Schema schema) {
        return switch (schema) {
            case MIGRATIONS -> SchemaSource.MIGRATIONS;
            case MODELS -> SchemaSource.MODELS;
        };
    }

    private static FlushMode flush(Flush flush) {
        return switch (flush) {
            case METHOD -> FlushMode.METHOD;
            case CLASS -> FlushMode.CLASS;
            case NEVER -> FlushMode.NEVER;
        };
    }
}
