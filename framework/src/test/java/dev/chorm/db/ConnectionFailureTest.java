package dev.chorm.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ChormException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionFailureTest {

    @Test
    void nothingListeningNamesTheUrlAndTheFixWithinSeconds() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Config config = Config.of(Map.of("chorm.databases.default.url", "jdbc:clickhouse://127.0.0.1:" + port + "/app"));

        long start = System.nanoTime();
        assertThatThrownBy(() -> Database.connect(config))
                .isInstanceOf(ChormException.class)
                .hasMessage("Cannot connect to ClickHouse at http://127.0.0.1:%d (Connection refused): "
                        + "start the server or fix chorm.databases.default.url", port);
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds to fail").isLessThan(2_000);
    }

    @Test
    void anUnknownHostIsNamed() {
        Config config = Config.of(Map.of("chorm.databases.events.url", "jdbc:clickhouse:https://no-such-host.invalid/app"));

        assertThatThrownBy(() -> Database.connect(config, "events"))
                .isInstanceOf(ChormException.class)
                .hasMessage("Cannot connect to ClickHouse at https://no-such-host.invalid:8443 (unknown host no-such-host.invalid): "
                        + "start the server or fix chorm.databases.events.url");
    }

    @Test
    void endpointsFollowTheDriversUrlForms() {
        assertThat(Endpoint.of("jdbc:clickhouse://localhost/app")).contains(new Endpoint(false, "localhost", 8123, "app"));
        assertThat(Endpoint.of("jdbc:ch://h:9000?ssl=true")).contains(new Endpoint(true, "h", 9000, "default"));
        assertThat(Endpoint.of("jdbc:clickhouse:http://h:8124/")).contains(new Endpoint(false, "h", 8124, "default"));
    }
}
