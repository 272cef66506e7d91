package dev.chorm.model;

/**
 * Give a SELECT to embed in another statement: what a view's {@link ViewQuery} method returns. A
 * {@code QuerySet} is one (its compiler renders the text and knows the result columns); a
 * {@link SelectText} built by hand is another.
 */
public interface SelectQuery {
    /** Return the SELECT text, its result columns and the tables it reads. */
    SelectText selectText();
}
