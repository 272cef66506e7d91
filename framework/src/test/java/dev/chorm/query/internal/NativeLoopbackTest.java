package dev.chorm.query.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.Client;
import org.junit.jupiter.api.Test;

/** Native reads ask for an uncompressed answer only from a server on this machine (no connection is made). */
class NativeLoopbackTest {
    private static boolean loopback(String... endpoints) {
        Client.Builder b = new Client.Builder().setUsername("default").setPassword("");
        for (String e : endpoints) {
            b.addEndpoint(e);
        }
        try (Client c = b.build()) {
            return NativeModelReads.loopback(c);
        }
    }

    @Test
    void loopbackNamesAndAddressesOnly() {
        assertThat(loopback("http://localhost:8123")).isTrue();
        assertThat(loopback("http://127.0.0.1:8123", "http://[::1]:8123")).isTrue();
        assertThat(loopback("http://clickhouse.example.com:8123")).isFalse();
        assertThat(loopback("http://127.0.0.1:8123", "http://10.0.0.5:8123")).isFalse();
        assertThat(loopback("http://localhost.example.com:8123")).isFalse();
    }
}
