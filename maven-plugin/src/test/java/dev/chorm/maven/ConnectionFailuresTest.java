package dev.chorm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.ChormException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionFailuresTest {
    private static MergedConfiguration withUrl(String url) {
        return new ConfigurationLayers(Path.of("/project")).add(Map.of("clickhouse.url", url)).merge();
    }

    @Test
    void namesTheUrlInsteadOfAStatementClickHouseNeverSaw() {
        ChormException failure = new ChormException("ClickHouse rejected: CREATE TABLE IF NOT EXISTS chorm_migrations (...)\n"
                + "Connection refused", new RuntimeException("wrapped", new ConnectException("Connection refused")));

        assertThat(ConnectionFailures.message(failure, withUrl("jdbc:clickhouse://127.0.0.1:18123/app?ssl=false")))
                .isEqualTo("Cannot connect to ClickHouse 'default' at jdbc:clickhouse://127.0.0.1:18123/app (ConnectException:"
                        + " Connection refused). Start the server, or check the URL: chorm.databases.default.url in"
                        + " clickhouse.properties, or -Dclickhouse.url=...");
    }

    @Test
    void reportsTheConnectionFailureAsTheCauseSoMavenDoesNotAppendTheWrappersMessage() {
        ConnectException refused = new ConnectException("Connection refused");
        ChormException failure = new ChormException("ClickHouse rejected: SELECT 1", new RuntimeException("retry 4", refused));

        assertThat(ConnectionFailures.exception(failure, withUrl("jdbc:clickhouse://127.0.0.1:18123/app")).getCause())
                .isSameAs(refused);
        ChormException other = new ChormException("ClickHouse rejected: SELECT nope");
        assertThat(ConnectionFailures.exception(other, withUrl("jdbc:clickhouse://127.0.0.1:18123/app")).getCause())
                .isSameAs(other);
    }

    @Test
    void keepsAMessageThatAlreadyNamesTheUrl() {
        ChormException failure = new ChormException("Cannot reach jdbc:clickhouse://127.0.0.1:18123/app: Connection refused",
                new ConnectException("Connection refused"));

        assertThat(ConnectionFailures.message(failure, withUrl("jdbc:clickhouse://127.0.0.1:18123/app")))
                .isEqualTo("Cannot reach jdbc:clickhouse://127.0.0.1:18123/app: Connection refused");
    }

    @Test
    void keepsOtherFailuresAsTheyAre() {
        ChormException failure = new ChormException("ClickHouse rejected: SELECT nope\nCode: 47. Unknown identifier");

        assertThat(ConnectionFailures.message(failure, withUrl("jdbc:clickhouse://127.0.0.1:18123/app")))
                .isEqualTo("ClickHouse rejected: SELECT nope\nCode: 47. Unknown identifier");
    }
}
