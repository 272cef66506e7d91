package dev.chorm.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Mark the static, argument-less method of a {@link View} or {@link MaterializedView} model that returns
 * its query as a {@link SelectQuery} (usually a {@code QuerySet} over other models), instead of SQL text
 * in the annotation's {@code query}. The compiler renders it, and knows its result columns (checked
 * against the view's columns) and the tables it reads (the view's dependencies).
 *
 * <pre>{@code
 * @ViewQuery
 * static QuerySet<?> query() {
 *     return QuerySet.of(Event.class).values("port").annotate("hits", Count.all());
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ViewQuery {
}
