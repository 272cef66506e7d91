package dev.chorm.demo;

import dev.chorm.embedded.EmbeddedClickHouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * The main job: start the embedded ClickHouse on {@code ./.chorm/demo-data}, create a table,
 * insert events and query them through the official JDBC driver.
 */
public final class Demo {
    private Demo() {
    }

    /** Run the demo; an optional argument names the data directory. */
    public static void main(String[] args) throws SQLException {
        Path data = Path.of(args.length > 0 ? args[0] : ".chorm/demo-data");
        System.out.println("Starting the embedded ClickHouse on " + data.toAbsolutePath() + " ...");
        try (EmbeddedClickHouse clickhouse = EmbeddedClickHouse.start(data);
             Connection db = DriverManager.getConnection(clickhouse.jdbcUrl(), clickhouse.jdbcProperties());
             Statement sql = db.createStatement()) {
            System.out.println("Engine ready at " + clickhouse.httpUrl());
            sql.execute("CREATE TABLE IF NOT EXISTS demo_event (id UInt64, ts DateTime64(6, 'UTC'),"
                    + " protocol LowCardinality(String), port UInt16) ENGINE = MergeTree ORDER BY (ts, id)");
            sql.execute("TRUNCATE TABLE demo_event");
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO demo_event VALUES (?, ?, ?, ?)")) {
                Instant now = Instant.now();
                for (int i = 0; i < 1000; i++) {
                    insert.setLong(1, i);
                    insert.setObject(2, now.plusSeconds(i).atOffset(java.time.ZoneOffset.UTC).toLocalDateTime());
                    insert.setString(3, i % 3 == 0 ? "UDP" : "TCP");
                    insert.setInt(4, 1000 + i % 50);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (ResultSet rs = sql.executeQuery("SELECT protocol, count() AS n, uniqExact(port) AS ports"
                    + " FROM demo_event GROUP BY protocol ORDER BY n DESC")) {
                System.out.println("protocol  events  ports");
                while (rs.next()) {
                    System.out.printf("%-8s  %6d  %5d%n", rs.getString(1), rs.getLong(2), rs.getLong(3));
                }
            }
        }
        System.out.println("Done. The data stays in " + data.toAbsolutePath());
    }
}
