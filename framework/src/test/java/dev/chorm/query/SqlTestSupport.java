package dev.chorm.query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Render QuerySets to SQL for the SQL tests; the engine subclasses of those tests override
 * {@link #ran(String)} so that every statement asserted here is also run by the real engine.
 */
abstract class SqlTestSupport {
    /** Receive each rendered statement; the SQL tests ignore it, their engine subclasses run it. */
    void ran(String sql) {
    }

    /** Return the SELECT of {@code qs}, after handing it to {@link #ran(String)}. */
    String sql(QuerySet<?> qs) {
        return sent(qs.toSql());
    }

    /** Hand {@code sql} to {@link #ran(String)} and return it. */
    String sent(String sql) {
        ran(sql);
        return sql;
    }

    /** Assert that {@code qs} renders exactly {@code expected}. */
    void assertSql(QuerySet<?> qs, String expected) {
        assertThat(sql(qs)).isEqualTo(expected);
    }
}
