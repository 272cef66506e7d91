package dev.chorm.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Run a test class against its own ClickHouse test databases, one per configured alias it uses.
 *
 * <p>Before the class, each alias gets a database named from its configured database plus a unique
 * suffix ({@code test_app_k3f9q2_7}), holding empty copies of the tables of a template that was
 * migrated once per JVM. Rows are flushed between methods, fixtures are loaded, and the databases are
 * dropped after the class (or kept when a test failed and {@link #keepOnFailure()} is set). The
 * server is the alias's configured URL, else a Testcontainers container when
 * {@code chorm.test.container} names an image, else the embedded engine shared by the whole JVM.
 *
 * <pre>{@code
 * @ClickhouseTest
 * class EventTest {
 *     @Test
 *     void startsEmpty(QuerySet<Event> events) {
 *         assertThat(events.count()).isZero();
 *     }
 * }
 * }</pre>
 *
 * <p>The annotation is inherited by subclasses, applies to {@code @Nested} classes (they share the
 * enclosing class's databases), works with {@code @TestInstance(PER_CLASS)} and can be put on your
 * own annotation.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(ClickhouseExtension.class)
public @interface ClickhouseTest {
    /**
     * Return the aliases the class uses ({@code chorm.databases.<alias>.*}); the first is the one a
     * parameter without {@link Alias} gets. Aliases named by {@link Alias} parameters and the
     * {@code test.dependencies} of each are added.
     */
    String[] databases() default {"default"};

    /** Return where the tables come from: the project's migrations (default) or the models. */
    Schema schema() default Schema.MIGRATIONS;

    /**
     * Return the models whose tables {@link Schema#MODELS} creates and that fixtures may name;
     * empty means the models of {@code chorm.models.packages}.
     */
    Class<?>[] models() default {};

    /** Return when rows are removed: before every method but the first (default), per class, or never. */
    Flush flush() default Flush.METHOD;

    /**
     * Return whether to keep the databases of a class in which a test failed, printing where and
     * how to connect. {@code -Dchorm.test.keep-on-failure=true} turns it on for every class.
     */
    boolean keepOnFailure() default false;

    /**
     * Return configuration that overrides {@code clickhouse.properties}, the environment and the
     * system properties for this class, as {@code key=value}:
     * {@code @ClickhouseTest(properties = "chorm.databases.default.settings.max_threads=1")}.
     */
    String[] properties() default {};
}
