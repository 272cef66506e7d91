package dev.chorm.embedded.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Cancels the statement of a client that hung up while the statement waits for the engine or
 * runs in it. The engine runs one statement at a time, so a statement nobody will read must not
 * hold every other client until the maximum query time (a server with its own thread per query
 * can afford to let it run; this one cannot).
 *
 * <p>The JDK's HttpServer hides its sockets, and it does not read a connection while a request on
 * it is being served. The kernel's socket table tells whether the client's side is still open:
 * the server's end of a connection is ESTABLISHED while both sides are, CLOSE_WAIT once the
 * client closed (or shut down its sending side, which ClickHouse's
 * {@code cancel_http_readonly_queries_on_client_close} treats as gone too), and absent once it
 * was reset. That table is {@code /proc/net/tcp} and {@code tcp6}, so this works on Linux;
 * elsewhere nothing is cancelled. Only statements older than one {@link #INTERVAL_NANOS} are checked,
 * so short requests never cost a look at the table.
 */
final class ClientWatch implements AutoCloseable {
    /** How often, and after how long, the clients of waiting and running statements are checked. */
    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final String ESTABLISHED = "01";
    private static final List<String> TABLES = List.of("/proc/net/tcp", "/proc/net/tcp6");

    private final Engine engine;
    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean closed;
    /** Set at shutdown, once the grace is over: every watched statement is cancelled. */
    private volatile boolean cancelAll;

    ClientWatch(Engine engine) {
        this.engine = engine;
        this.thread = new Thread(this::run, "chorm-client-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Watch the client of {@code exchange} until the returned handle is closed; cancel {@code call} if it goes. */
    Watched watch(HttpExchange exchange, Engine.Call call, String preview) {
        Watched w = new Watched(exchange.getLocalAddress(), exchange.getRemoteAddress(), call, preview);
        watched.add(w);
        return w;
    }

    /** Cancel every watched statement, now and as they come, whatever their clients do (a shutdown). */
    void cancelAll() {
        cancelAll = true;
        LockSupport.unpark(thread);
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }

    private void run() {
        while (!closed) {
            LockSupport.parkNanos(INTERVAL_NANOS);
            try {
                check(System.nanoTime());
            } catch (RuntimeException e) {
                System.err.println("chorm-embedded: checking for disconnected clients failed: " + e);
            }
        }
    }

    private void check(long now) {
        Set<Long> open = null;
        for (Watched w : watched) {
            if (w.done) {
                continue;
            }
            if (cancelAll) {
                cancel(w, now, "at shutdown, after the grace");
                continue;
            }
            if (now - w.startedNanos < INTERVAL_NANOS) {
                continue;
            }
            if (open == null) {
                open = established(w.local.getPort());
                if (open == null) {
                    return; // no socket table here: nothing can be told
                }
            }
            if (!open.contains(key(w.local.getPort(), w.remote.getPort()))) {
                cancel(w, now, "whose client disconnected");
            }
        }
    }

    private void cancel(Watched w, long now, String why) {
        Engine.Cancel outcome = engine.cancel(w.call);
        // A running statement the engine has not registered yet is cancelled again at the next check.
        w.done = outcome != Engine.Cancel.NOT_YET;
        String what = switch (outcome) {
            case BEFORE_START -> "cancelled a statement before it started";
            case STOPPING -> "cancelled a running statement";
            case UNSUPPORTED -> "could not cancel a running statement (the engine library refused)";
            case NOT_YET, ENDED -> null;
        };
        if (what != null) {
            System.err.println("chorm-embedded: " + what + " " + why + ", "
                    + (now - w.startedNanos) / 1_000_000 + " ms after it arrived: " + w.preview.replaceAll("\\s+", " ").strip());
        }
    }

    /**
     * Return the (server port, client port) keys of the ESTABLISHED connections to {@code port};
     * null when there is no socket table (nothing can be told). Both tables are read: the JVM's
     * sockets are IPv6 sockets, and its IPv4 connections are listed in tcp6 as mapped addresses.
     */
    private static Set<Long> established(int port) {
        Set<Long> open = new HashSet<>();
        boolean read = false;
        for (String table : TABLES) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(table));
            } catch (IOException | SecurityException e) {
                continue;
            }
            read = true;
            // "  sl  local_address rem_address   st ...": addresses are hex IP:port, st is the TCP state.
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).trim().split("\\s+");
                if (f.length < 4 || !ESTABLISHED.equals(f[3])) {
                    continue;
                }
                int localPort = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
                if (localPort == port) {
                    // The server's end: only its accepted sockets have the server's port as their own.
                    open.add(key(localPort, Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16)));
                }
            }
        }
        return read ? open : null;
    }

    private static long key(int localPort, int remotePort) {
        return ((long) localPort << 16) | remotePort;
    }

    /** One watched statement; close it when the statement is done. */
    final class Watched {
        private final InetSocketAddress local;
        private final InetSocketAddress remote;
        private final Engine.Call call;
        private final String preview;
        private final long startedNanos = System.nanoTime();
        private volatile boolean done;

        private Watched(InetSocketAddress local, InetSocketAddress remote, Engine.Call call, String preview) {
            this.local = local;
            this.remote = remote;
            this.call = call;
            this.preview = preview;
        }

        /** Stop watching: the statement is done. */
        void close() {
            watched.remove(this);
        }
    }
}
