package dev.chorm.schema.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The TO table and refresh clause read from a view's create_table_query; no database. */
class CreateViewParserTest {
    @Test
    void aTtlMoveInTheViewsOwnStorageIsNoToTable() {
        CreateViewParser own = new CreateViewParser("CREATE MATERIALIZED VIEW db.v (`ts` DateTime, `n` UInt64) ENGINE = MergeTree"
                + " ORDER BY ts TTL ts + toIntervalDay(1) TO VOLUME 'cold' SETTINGS index_granularity = 8192 AS SELECT ts, n FROM db.t");
        assertThat(own.to()).isNull();
    }

    @Test
    void theToTableOfARefreshableView() {
        CreateViewParser to = new CreateViewParser("CREATE MATERIALIZED VIEW db.v REFRESH EVERY 1 HOUR APPEND TO db.`ta rget`"
                + " (`n` UInt64) DEFINER = default SQL SECURITY DEFINER AS SELECT n FROM db.t");
        assertThat(to.to()).isEqualTo("db.`ta rget`");
        assertThat(to.schedule()).isEqualTo("EVERY 1 HOUR");
        assertThat(to.append()).isTrue();
    }
}
