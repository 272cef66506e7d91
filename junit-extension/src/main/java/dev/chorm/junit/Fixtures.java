package dev.chorm.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Load rows from JSON resources before each test, as Django's fixtures: on a class, the rows are
 * there at the start of every method (reloaded after each flush); on a method, before that method.
 * A file is a list of rows, each naming its model and its fields:
 *
 * <pre>{@code
 * [
 *   {"model": "events.Event", "fields": {"port": 80, "protocol": "HTTP"}},
 *   {"model": "com.example.events.Event", "pk": 7, "fields": {"port": 443}}
 * ]
 * }</pre>
 *
 * <p>{@code model} is a class name, or {@code app.Model} / {@code Model} among the test's models;
 * {@code pk} sets {@code id}; fields are named by Java field or column name; missing ones keep the
 * model's defaults. A row that does not fit fails with the file, line and field.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Fixtures {
    /** Return the classpath resources, loaded in order ({@code "fixtures/events.json"}). */
    String[] value();

    /** Return the alias the rows go to; empty means the first of {@link ClickhouseTest#databases()}. */
    String alias() default "";
}
