package dev.chorm.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.junit.events.Event;
import dev.chorm.junit.internal.Declarations.FixtureFiles;
import dev.chorm.junit.internal.Declarations.FlushMode;
import dev.chorm.junit.internal.Declarations.SchemaSource;
import dev.chorm.junit.internal.Declarations.TestClass;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The annotations read into the values the internal lifecycle works from; no database. */
class DeclarationsTest {
    private final AnnotationDeclarations declarations = new AnnotationDeclarations();

    @Retention(RetentionPolicy.RUNTIME)
    @ClickhouseTest(databases = {"a", "b"}, schema = Schema.MODELS, models = Event.class, flush = Flush.NEVER,
            keepOnFailure = true, properties = "k=v")
    @interface Composed {
    }

    @Composed
    @Fixtures(value = {"one.json", "two.json"}, alias = "b")
    static class Annotated {
        @SuppressWarnings("unused")
        void reads(@Alias("b") String named, String plain) {
        }
    }

    static class Inheriting extends Annotated {
    }

    @Test
    void readsEveryAttributeOfClickhouseTestThroughAComposedAnnotationAndInheritance() {
        TestClass expected = new TestClass(List.of("a", "b"), SchemaSource.MODELS, List.of(Event.class), FlushMode.NEVER,
                true, List.of("k=v"));
        assertThat(declarations.testClass(Annotated.class)).contains(expected);
        assertThat(declarations.testClass(Inheriting.class)).contains(expected);
        assertThat(declarations.testClass(DeclarationsTest.class)).isEmpty();
    }

    @Test
    void readsTheDefaults() {
        @ClickhouseTest
        class Plain {
        }
        assertThat(declarations.testClass(Plain.class)).contains(new TestClass(List.of("default"), SchemaSource.MIGRATIONS,
                List.of(), FlushMode.METHOD, false, List.of()));
    }

    @Test
    void readsFixturesAndAliases() throws Exception {
        assertThat(declarations.fixtures(Annotated.class)).contains(new FixtureFiles(List.of("one.json", "two.json"), "b"));
        Parameter[] ps = Annotated.class.getDeclaredMethod("reads", String.class, String.class).getParameters();
        assertThat(declarations.alias(ps[0])).contains("b");
        assertThat(declarations.alias(ps[1])).isEmpty();
    }
}
