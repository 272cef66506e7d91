package dev.chorm.query.internal;

import java.util.List;

/**
 * A row shape that can also build its rows from values already read and converted, one per SELECT
 * item: how {@link NativeModelReads} builds the rows of {@code values()}, {@code valuesList()} and
 * {@code into()} from a Native answer with the same code the JDBC mapper ends in.
 *
 * @param <R> the row type
 */
interface NativeRowShape<R> extends RowShape<R> {
    /** Build the row of {@code values}, one per item of {@code items}, in SELECT order. */
    R build(List<SelectItem> items, Object[] values);

    /** Fail, before the query runs, when the shape cannot hold rows of {@code items} (as its JDBC mapper does). */
    void check(List<SelectItem> items);

    /** Return the shape mapping JDBC rows with {@code jdbc} and building Native rows with {@code build}. */
    static <R> NativeRowShape<R> of(RowShape<R> jdbc, java.util.function.BiFunction<List<SelectItem>, Object[], R> build) {
        return of(jdbc, build, items -> { });
    }

    /** Return the shape as {@link #of(RowShape, java.util.function.BiFunction)}, checking the items with {@code check}. */
    static <R> NativeRowShape<R> of(RowShape<R> jdbc, java.util.function.BiFunction<List<SelectItem>, Object[], R> build,
            java.util.function.Consumer<List<SelectItem>> check) {
        return new NativeRowShape<>() {
            @Override
            public void check(List<SelectItem> items) {
                check.accept(items);
            }

            @Override
            public RowMapper<R> mapper(Query query, SqlCompiler.Compiled compiled, java.sql.ResultSetMetaData md)
                    throws java.sql.SQLException {
                return jdbc.mapper(query, compiled, md);
            }

            @Override
            public R build(List<SelectItem> items, Object[] values) {
                return build.apply(items, values);
            }
        };
    }
}
