package dev.chorm.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kernel's word on a connection's client, on real loopback sockets of this process. */
class ClientSocketsTest {

    @BeforeAll
    static void linuxOnly() {
        assumeTrue(Platform.isLinux(), "the client watch asks Linux only");
    }

    /** A connection to {@code server}: the client's end and the server's accepted end. */
    private record Connection(Socket client, Socket server, long key) implements AutoCloseable {
        static Connection open(ServerSocket listener) throws IOException {
            Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            Socket server = listener.accept();
            return new Connection(client, server, ClientSockets.key(server.getLocalPort(), server.getPort()));
        }

        @Override
        public void close() throws IOException {
            client.close();
            server.close();
        }

        int serverFd() {
            Integer fd = ClientSockets.connections().get(key);
            assertThat(fd).as("the server's end is found by its ports").isNotNull();
            assertThat(ClientSockets.isConnection(fd, key)).isTrue();
            return fd;
        }
    }

    @Test
    void aClientThatWaitsIsThereAlsoWithAPipelinedRequest() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            try (Connection c = Connection.open(listener)) {
                int fd = c.serverFd();
                assertThat(ClientSockets.clientGone(fd)).isFalse();
                OutputStream out = c.client().getOutputStream();
                out.write("GET /ping HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
                assertThat(ClientSockets.clientGone(fd)).as("bytes to read are not an end").isFalse();
                assertThat(c.server().getInputStream().read()).as("peeking consumed nothing").isEqualTo('G');
            }
        }
    }

    @Test
    void aClientThatClosesOrShutsDownItsSendingSideIsGone() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            try (Connection closed = Connection.open(listener); Connection halfClosed = Connection.open(listener)) {
                int closedFd = closed.serverFd();
                int halfClosedFd = halfClosed.serverFd();
                closed.client().close();
                halfClosed.client().shutdownOutput();
                Thread.sleep(50);
                assertThat(ClientSockets.clientGone(closedFd)).isTrue();
                assertThat(ClientSockets.clientGone(halfClosedFd)).isTrue();
            }
        }
    }

    @Test
    void aClientThatResetsItsConnectionIsGone() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            try (Connection c = Connection.open(listener)) {
                int fd = c.serverFd();
                c.client().setSoLinger(true, 0); // close sends RST
                c.client().close();
                Thread.sleep(50);
                assertThat(ClientSockets.clientGone(fd)).isTrue();
                assertThat(ClientSockets.isConnection(fd, c.key())).as("a reset socket has no peer any more").isFalse();
            }
        }
    }
}
