package dev.chorm.embedded.internal;

import com.sun.net.httpserver.HttpExchange;
import java.net.InetSocketAddress;
import java.util.Map;
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
 * <p>Whether a client is gone is asked of the kernel ({@link ClientSockets}), on Linux; elsewhere
 * nothing is cancelled. Only statements older than one {@link #INTERVAL_NANOS} are checked, so
 * short requests cost nothing; a connection is looked up once, then peeked at every interval.
 */
final class ClientWatch implements AutoCloseable {
    /** How often, and after how long, the clients of waiting and running statements are checked. */
    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Engine engine;
    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    /**
     * The process's connections by their ports, as last looked up (only the watch thread uses
     * it). Clients keep their connections alive across requests, so most lookups need no new scan.
     */
    private Map<Long, Integer> connections = Map.of();
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
        boolean scanned = false;
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
            if (w.fd < 0) {
                // Looked up while the connection is there: a reset one has no peer to match.
                long key = ClientSockets.key(w.local.getPort(), w.remote.getPort());
                Integer fd = connections.get(key);
                if ((fd == null || !ClientSockets.isConnection(fd, key)) && !scanned) {
                    connections = ClientSockets.connections();
                    scanned = true;
                    fd = connections.get(key);
                }
                if (fd == null) {
                    continue;
                }
                w.fd = fd;
            }
            if (ClientSockets.clientGone(w.fd)) {
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

    /** One watched statement; close it when the statement is done. */
    final class Watched {
        private final InetSocketAddress local;
        private final InetSocketAddress remote;
        private final Engine.Call call;
        private final String preview;
        private final long startedNanos = System.nanoTime();
        private boolean done;
        /** The connection's socket, once looked up; open until the statement is done. */
        private int fd = -1;

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
