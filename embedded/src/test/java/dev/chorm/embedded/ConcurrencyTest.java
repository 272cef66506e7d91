package dev.chorm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sixteen JDBC clients at once, mixing DDL, inserts, selects and session settings: the server
 * serializes them into the one engine without deadlock, and nobody sees anybody else's state.
 */
class ConcurrencyTest {
    private static final int CLIENTS = 16;
    private static final int ROUNDS = 25;
    private static final int ROWS = 200;

    @Test
    void sixteenClientsGetTheirOwnCorrectResults() throws Exception {
        String db = SharedEngine.freshDatabase("concurrent");
        try (Connection c = SharedEngine.connect(db, new Properties()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE shared (client UInt32, round UInt32, n UInt64) ENGINE = MergeTree ORDER BY (client, round)");
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> futures = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int id = client;
            futures.add(pool.submit(() -> {
                runClient(db, id);
                return null;
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).as("clients finished without deadlock").isTrue();
        for (Future<?> f : futures) {
            f.get(); // rethrows a client's assertion failure
        }
        try (Connection c = SharedEngine.connect(db, new Properties()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(), uniqExact(client, round) FROM shared")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo((long) CLIENTS * ROUNDS * ROWS);
            assertThat(rs.getLong(2)).isEqualTo((long) CLIENTS * ROUNDS);
        }
    }

    private static void runClient(String db, int client) throws SQLException {
        Properties p = new Properties();
        boolean inSession = client % 2 == 0;
        if (inSession) {
            p.setProperty("clickhouse_setting_session_id", db + "-client-" + client);
        }
        try (Connection c = SharedEngine.connect(db, p); Statement s = c.createStatement()) {
            String own = "own_" + client;
            if (inSession) {
                s.execute("SET max_block_size = " + (1000 + client));
            }
            for (int round = 0; round < ROUNDS; round++) {
                s.execute("DROP TABLE IF EXISTS " + own);
                s.execute("CREATE TABLE " + own + " (round UInt32, n UInt64) ENGINE = MergeTree ORDER BY n");
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + own + " (round, n) VALUES (?, ?)")) {
                    for (int n = 0; n < ROWS; n++) {
                        ps.setInt(1, round);
                        ps.setLong(2, n + client * 1_000_000L);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                s.execute("INSERT INTO shared SELECT " + client + ", round, n FROM " + own);
                try (ResultSet rs = s.executeQuery("SELECT count(), sum(n), getSetting('max_block_size') FROM " + own)) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(ROWS);
                    assertThat(rs.getLong(2)).isEqualTo(ROWS * (ROWS - 1L) / 2 + ROWS * client * 1_000_000L);
                    if (inSession) {
                        assertThat(rs.getLong(3)).as("session setting of client %d", client).isEqualTo(1000 + client);
                    } else {
                        assertThat(rs.getLong(3)).as("client %d sees the default", client).isNotIn(1000L, 1002L, 1004L, 1006L, 1008L, 1010L, 1012L, 1014L);
                    }
                }
            }
        }
    }
}
