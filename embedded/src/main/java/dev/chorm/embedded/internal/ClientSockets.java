package dev.chorm.embedded.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether the client of a connection has hung up, asked of the kernel. The JDK's HttpServer hides
 * its sockets, so the socket is found among this process's file descriptors by its two ports
 * ({@code getsockname}/{@code getpeername}), and then peeked at without reading
 * ({@code recv(MSG_PEEK | MSG_DONTWAIT)}): end of stream (the client closed, exited or shut down
 * its sending side) or a reset means it is gone; no data yet means it still waits. Linux only;
 * elsewhere nothing is found and nothing is cancelled.
 *
 * <p>Not the kernel's socket table ({@code /proc/net/tcp6}): a read of it is no consistent
 * snapshot (measured: while other sockets came and went, whole reads missed every connection of
 * the server), it costs 1-5 ms with a thousand sockets on the machine, and a reset connection is
 * simply absent from it.
 */
final class ClientSockets {
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int MSG_PEEK = 0x2;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int ECONNRESET = 104;
    private static final int ETIMEDOUT = 110;
    private static final LibC LIBC = Platform.isLinux() ? load() : null;

    private ClientSockets() {
    }

    /** The calls of the C library this needs. */
    interface LibC extends Library {
        int getsockname(int fd, byte[] address, int[] length);

        int getpeername(int fd, byte[] address, int[] length);

        long recv(int fd, byte[] buffer, long length, int flags);
    }

    private static LibC load() {
        try {
            return Native.load("c", LibC.class);
        } catch (UnsatisfiedLinkError e) {
            return null;
        }
    }

    /**
     * Return the file descriptors of this process's TCP connections by {@link #key} of their
     * local and remote ports; empty where this cannot be told.
     */
    static Map<Long, Integer> connections() {
        Map<Long, Integer> fds = new HashMap<>();
        if (LIBC == null) {
            return fds;
        }
        byte[] address = new byte[128];
        int[] length = new int[1];
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path entry : entries) {
                int fd;
                try {
                    fd = Integer.parseInt(entry.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                length[0] = address.length;
                if (LIBC.getsockname(fd, address, length) != 0) {
                    continue; // not a socket (or closed meanwhile)
                }
                int local = port(address);
                length[0] = address.length;
                if (local < 0 || LIBC.getpeername(fd, address, length) != 0) {
                    continue; // not an IP socket, or not connected (a listener)
                }
                int remote = port(address);
                if (remote >= 0) {
                    fds.put(key(local, remote), fd);
                }
            }
        } catch (IOException | RuntimeException e) {
            return fds;
        }
        return fds;
    }

    /** Return true when {@code fd} is still the connection of {@code key} (descriptors are reused). */
    static boolean isConnection(int fd, long key) {
        byte[] address = new byte[128];
        int[] length = {address.length};
        if (LIBC == null || LIBC.getsockname(fd, address, length) != 0) {
            return false;
        }
        int local = port(address);
        length[0] = address.length;
        return local >= 0 && LIBC.getpeername(fd, address, length) == 0 && key(local, port(address)) == key;
    }

    /** Return true when the client behind {@code fd} has closed or reset the connection. */
    static boolean clientGone(int fd) {
        long n = LIBC.recv(fd, new byte[1], 1, MSG_PEEK | MSG_DONTWAIT);
        if (n >= 0) {
            return n == 0; // end of stream; a byte waiting (a pipelined request) means it is there
        }
        int error = Native.getLastError();
        return error == ECONNRESET || error == ETIMEDOUT; // EAGAIN: nothing to read yet, still waiting
    }

    /** Return the key of a connection from its local and remote ports. */
    static long key(int localPort, int remotePort) {
        return ((long) localPort << 16) | remotePort;
    }

    /** The port of a sockaddr_in or sockaddr_in6 (family in host order, port in network order); -1 otherwise. */
    private static int port(byte[] sockaddr) {
        int family = (sockaddr[0] & 0xff) | (sockaddr[1] & 0xff) << 8;
        if (family != AF_INET && family != AF_INET6) {
            return -1;
        }
        return (sockaddr[2] & 0xff) << 8 | (sockaddr[3] & 0xff);
    }
}
