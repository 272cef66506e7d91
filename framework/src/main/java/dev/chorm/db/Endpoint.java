package dev.chorm.db;

import dev.chorm.ChormException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

/**
 * The HTTP endpoint of a clickhouse-jdbc URL ({@code jdbc:clickhouse://host:port/db?ssl=true}), and a
 * quick check that something listens there, so that a server that is not running is reported in a
 * second, naming the URL and the key to fix, rather than after the driver's and the pool's retries.
 *
 * @param https whether the URL asks for TLS
 * @param host the host
 * @param port the port (8123, or 8443 with TLS, when the URL names none)
 * @param database the database in the URL's path, {@code default} when none
 */
record Endpoint(boolean https, String host, int port, String database) {
    /** How long a connection attempt may take before the server counts as unreachable. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    /** Return the endpoint of {@code jdbcUrl}, empty when it is not a single-host URL this class understands. */
    static Optional<Endpoint> of(String jdbcUrl) {
        String rest = jdbcUrl.replaceFirst("^jdbc:(clickhouse|ch):", "");
        try {
            URI uri = URI.create(rest.startsWith("//") ? "http:" + rest : rest);
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            boolean https = "https".equals(uri.getScheme()) || String.valueOf(uri.getQuery()).contains("ssl=true");
            int port = uri.getPort() > 0 ? uri.getPort() : https ? 8443 : 8123;
            String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            return Optional.of(new Endpoint(https, uri.getHost(), port, path.isEmpty() ? "default" : path));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // several hosts or another form: the driver reports what it makes of it
        }
    }

    /** Return {@code http://host:port} (or https). */
    String address() {
        return (https ? "https://" : "http://") + host + ":" + port;
    }

    /**
     * Fail with the fix when nothing accepts a connection here within {@link #CONNECT_TIMEOUT}.
     *
     * @param urlKey the configuration key the URL came from, named in the message
     */
    void checkReachable(String urlKey) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
        } catch (IOException e) {
            throw new ChormException("Cannot connect to ClickHouse at %s (%s): start the server or fix %s"
                    .formatted(address(), reason(e), urlKey), e);
        }
    }

    private String reason(IOException e) {
        if (e instanceof UnknownHostException) {
            return "unknown host " + host;
        }
        if (e instanceof SocketTimeoutException) {
            return "no answer within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // The JDK says "Connection refused" for a closed port; keep its words, without "(Connection refused)" twice.
        return e instanceof ConnectException ? message.replaceFirst(" \\(.*\\)$", "") : message;
    }
}
