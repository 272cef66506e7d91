package dev.chorm.query.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import dev.chorm.db.Database;
import dev.chorm.model.Table;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.testing.TestEngine;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Closing a Native stream() before its end aborts the response instead of reading the rest of it:
 * closing after a few rows of a 10,000,000-row answer takes a small part of
 * what reading the rest of its bytes takes (what closing cost before),
 * and the database (its pooled client and JDBC connections) keeps working afterwards.
 */
class NativeStreamCloseEngineTest {
    private static final long ROWS = 10_000_000;

    /** A view over numbers(): the server makes its rows as they are read, so nothing needs inserting. */
    @Table(name = "many")
    @MergeTree(orderBy = "id")
    static class Many {
        public long id;
        public String text = "";
        public double ratio;
    }

    @Test
    void closingEarlyReturnsQuicklyAndTheDatabaseStillWorks() throws Exception {
        String name = TestEngine.freshDatabase("native_close");
        try (Connection c = TestEngine.connect(name); Statement s = c.createStatement()) {
            s.execute("CREATE VIEW many AS SELECT toInt64(number) AS id, toString(number) AS text, number / 7 AS ratio"
                    + " FROM numbers(" + ROWS + ")");
        }
        try (Database db = Database.open("test", TestEngine.shared().jdbcUrl(name), TestEngine.shared().jdbcProperties(),
                Map.of())) {
            // What closing cost before: client-v2 reads the rest of the body; reading all of it, undecoded.
            String sql = "SELECT id, text, ratio FROM many";
            long start = System.nanoTime();
            try (QueryResponse r = db.client().query(sql, new QuerySettings().setFormat(ClickHouseFormat.Native))
                    .get(60, TimeUnit.SECONDS)) {
                r.getInputStream().transferTo(OutputStream.nullOutputStream());
            }
            long drain = System.nanoTime() - start;

            for (int round = 0; round < 3; round++) {
                Stream<Many> rows = db.objects(Many.class).stream();
                Iterator<Many> it = rows.iterator();
                for (int i = 0; i < 3; i++) {
                    assertThat(it.next().id).isEqualTo(i);
                }
                start = System.nanoTime();
                rows.close();
                long closing = System.nanoTime() - start;
                System.out.printf("closing after 3 rows: %.1f ms; reading all %d rows' bytes: %.1f ms%n", closing / 1e6,
                        ROWS, drain / 1e6);
                assertThat(closing).as("closing after 3 rows (ns); reading the rest would take %d ns", drain)
                        .isLessThan(Math.min(drain / 5, 2_000_000_000L));
            }

            // The pool and the engine are fine: Native and JDBC reads after the aborted ones.
            assertThat(db.objects(Many.class).filter("id__lt", 3).orderBy("id").fetch()).extracting(m -> m.id)
                    .containsExactly(0L, 1L, 2L);
            assertThat(db.objects(Many.class).count()).isEqualTo(ROWS);
            assertThat(db.objects(Many.class).filter("id", 42).valuesList("text", String.class).fetch())
                    .isEqualTo(List.of("42"));
        }
    }
}
