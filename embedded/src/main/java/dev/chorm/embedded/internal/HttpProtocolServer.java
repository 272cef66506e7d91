package dev.chorm.embedded.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ClickHouse's HTTP interface in front of one {@link Engine}, on 127.0.0.1, for what
 * clickhouse-jdbc and client-v2 send: the query in the body or {@code query=}, settings and
 * {@code param_*} from the URL, {@code session_id} sessions, compressed responses, the
 * {@code X-ClickHouse-*} headers, errors with their codes, and inserts of any binary content.
 */
public final class HttpProtocolServer implements AutoCloseable {
    private static final int HEAD_BYTES = 1 << 16;
    /** After the shutdown grace: how long cancelled statements get to answer their error. */
    private static final Duration CANCELLED_ANSWER_WAIT = Duration.ofSeconds(5);
    /** CHORM_EMBEDDED_TRACE=1 logs every request line and its headers to the engine's log. */
    private static final boolean TRACE = System.getenv("CHORM_EMBEDDED_TRACE") != null;

    /**
     * How the server is set up: the one user and password it accepts, how long a request waits
     * for the engine, the scratch folder for spooled inserts and parked tables, the directory
     * {@code file()} may use (null: none), and how long a shutdown lets running statements finish.
     */
    public record Options(String user, String password, Duration engineWait, Path scratchDir, Path fileDirectory,
            Duration shutdownGrace) {
    }

    static {
        // Headers and body leave in separate writes; with Nagle's algorithm on, the client's
        // delayed ACK adds ~40 ms to every small answer. Must be set before the server starts.
        defaultProperty("sun.net.httpserver.nodelay", "true");
        // Bounds on what a client may hold: a request (headers and body) must arrive within
        // 300 s, an idle keep-alive connection closes after 30 s, at most 200 headers.
        defaultProperty("sun.net.httpserver.maxReqTime", "300");
        defaultProperty("sun.net.httpserver.idleInterval", "30");
        defaultProperty("sun.net.httpserver.maxReqHeaders", "200");
    }

    private final Engine engine;
    private final Options options;
    private final EngineContext context;
    private final StatementGuard guard;
    /** Cancels the statements of clients that hung up (the engine runs one statement at a time). */
    private final ClientWatch clients;
    /** Requests being served; a shutdown waits for them (bounded by the grace). */
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closing;
    private final String timezone;
    private final String version;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService executor;

    private HttpProtocolServer(Engine engine, Options options, int port) throws IOException {
        this.engine = engine;
        this.options = options;
        Files.createDirectories(options.scratchDir());
        try (Engine.Lease lease = engine.acquire(options.engineWait(), "start-up")) {
            // Real syntax errors instead of "unknown identifier": as a server behaves.
            lease.execute("SET implicit_select = 0");
            this.context = EngineContext.capture(lease, options.scratchDir());
            this.timezone = lease.queryText("SELECT timezone()", "TSVRaw").strip();
            this.version = lease.queryText("SELECT version()", "TSVRaw").strip();
        }
        this.guard = new StatementGuard(options.fileDirectory());
        this.clients = new ClientWatch(engine);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        // Threads wait on clients (slow bodies) and on the engine; a client that holds many
        // connections open must not starve the others, so the pool is large but bounded.
        this.executor = new java.util.concurrent.ThreadPoolExecutor(8, 512, 60, java.util.concurrent.TimeUnit.SECONDS,
                new java.util.concurrent.SynchronousQueue<>(), daemonThreads(), new java.util.concurrent.ThreadPoolExecutor.AbortPolicy());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serve {@code engine} on 127.0.0.1:{@code port} (0 picks a free port). */
    public static HttpProtocolServer start(Engine engine, Options options, int port) throws IOException {
        return new HttpProtocolServer(engine, options, port);
    }

    /** Return the bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Return the engine's version string. */
    public String version() {
        return version;
    }

    /**
     * Stop accepting connections, let running requests finish and answer within the shutdown
     * grace, then cancel the statements still running or waiting, so that each answers an error
     * (code 394) rather than an empty reply, and stop.
     */
    @Override
    public void close() {
        closing = true;
        awaitRequests(options.shutdownGrace());
        if (inFlight.get() > 0) {
            clients.cancelAll();
            awaitRequests(CANCELLED_ANSWER_WAIT);
        }
        // HttpServer.stop(delay) of JDK 17 always waits the whole delay: the wait is done above.
        server.stop(0);
        executor.shutdownNow();
        clients.close();
    }

    private void awaitRequests(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (inFlight) {
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                try {
                    inFlight.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try {
            if (closing) {
                exchange.getResponseHeaders().set("Connection", "close");
                sendError(exchange, "", new EngineException(210, "Code: 210. DB::Exception: The embedded engine is"
                        + " shutting down; retry against a new one. (NETWORK_ERROR)"));
                exchange.close();
                return;
            }
            serve(exchange);
        } finally {
            synchronized (inFlight) {
                inFlight.decrementAndGet();
                inFlight.notifyAll();
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (TRACE) {
                System.out.println("chorm-embedded request " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
                        + " " + exchange.getRequestHeaders().entrySet());
            }
            String path = exchange.getRequestURI().getPath();
            boolean get = "GET".equals(exchange.getRequestMethod()) || "HEAD".equals(exchange.getRequestMethod());
            if (path.endsWith("/ping") || get && path.equals("/") && exchange.getRequestURI().getRawQuery() == null) {
                exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                sendText(exchange, 200, "Ok.\n");
                return;
            }
            HttpRequestParameters request;
            String queryId = "";
            try {
                request = new HttpRequestParameters(exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders());
                queryId = request.queryId();
                authenticate(request);
            } catch (IllegalArgumentException e) {
                exchange.getResponseHeaders().set("Connection", "close");
                sendError(exchange, "", new EngineException(27, "Code: 27. DB::Exception: Cannot parse the request's URL"
                        + " parameters or credentials: " + e.getMessage() + ". (CANNOT_PARSE_INPUT_ASSERTION_FAILED)"));
                return;
            } catch (EngineException e) {
                // Never read the body of a client that did not authenticate: close instead.
                exchange.getResponseHeaders().set("Connection", "close");
                sendError(exchange, queryId, e);
                return;
            }
            try {
                runQuery(exchange, request, queryId, get);
            } catch (EngineException e) {
                // The body may be unread (a refused statement): close rather than drain it.
                exchange.getResponseHeaders().set("Connection", "close");
                sendError(exchange, queryId, closing && e.code() == 394 ? new EngineException(394, "Code: 394."
                        + " DB::Exception: Query was cancelled: the server is shutting down, and the statement was still"
                        + " running (or waiting) after the shutdown grace of " + options.shutdownGrace().toSeconds()
                        + " s. (QUERY_WAS_CANCELLED)") : e);
            } catch (RuntimeException e) {
                exchange.getResponseHeaders().set("Connection", "close");
                sendError(exchange, queryId, new EngineException(1001, "Code: 1001. DB::Exception: " + e));
            }
        }
    }

    private void authenticate(HttpRequestParameters request) {
        String[] credentials = request.credentials();
        boolean passwordMatches = java.security.MessageDigest.isEqual(options.password().getBytes(StandardCharsets.UTF_8),
                credentials[1].getBytes(StandardCharsets.UTF_8));
        if (!options.user().equals(credentials[0]) || !passwordMatches) {
            throw new EngineException(516, "Code: 516. DB::Exception: " + credentials[0]
                    + ": Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED)");
        }
    }

    private void runQuery(HttpExchange exchange, HttpRequestParameters request, String queryId, boolean get) throws IOException {
        InputStream body = ContentEncodings.decode(request.header("Content-Encoding"), exchange.getRequestBody());
        QueryRequest query = QueryRequest.read(body, request, options.scratchDir(), HEAD_BYTES);
        try {
            String format = query.text().outputFormat().orElse(request.format());
            long revision = NativeRevision.revision(request);
            boolean rewrite = NativeRevision.needsRewrite(format, revision);
            if (rewrite) {
                request.settings.put(NativeRevision.BINARY_TYPES_SETTING, "1"); // keeps every time zone
            }
            long started = System.nanoTime();
            String[] zone = new String[1];
            Engine.Call call = new Engine.Call();
            EngineResult ran;
            // From here until the engine is done, a client that hangs up has its statement cancelled.
            ClientWatch.Watched watched = clients.watch(exchange, call, query.preview());
            try {
                ran = runInSession(request, query, get, zone, call);
            } finally {
                watched.close();
            }
            try (EngineResult result = ran) {
                ResponseBody.Payload payload = rewrite && result.length() > 0
                        ? NativeRevision.rewrite(result, revision) : ResponseBody.of(result);
                sendResult(exchange, request, queryId, format, zone[0], result.stats(), payload, System.nanoTime() - started);
            }
        } finally {
            query.deleteDataFile();
        }
    }

    /**
     * Run the statement with its session's state. The session is released before the response
     * is sent: a client fires its next request as soon as it has read this one's answer.
     */
    private EngineResult runInSession(HttpRequestParameters request, QueryRequest query, boolean get, String[] zone,
            Engine.Call call) {
        Session session = session(request);
        try {
            // readonly as a server applies it: from the URL, the session, or GET (level 2).
            int readonly = StatementGuard.stricter(StatementGuard.readonlyLevel(request.get("readonly")),
                    StatementGuard.stricter(session == null ? 0 : session.readonly, get ? StatementGuard.READONLY_WITH_SETTINGS : 0));
            QueryText text = query.text();
            boolean allowDdl = (session == null || session.allowDdl) && StatementGuard.enabled(request.get("allow_ddl"), true);
            // The engine gets readonly in the statement's own SETTINGS, never in its global context.
            byte[] sql = readonly != StatementGuard.READ_WRITE && text.kind() == QueryText.Kind.SELECT_LIKE
                    ? text.withQuerySetting("readonly", Integer.toString(readonly)) : query.sql();
            try (Engine.Lease lease = engine.acquire(options.engineWait(), query.preview())) {
                // Under the lease: another request may be parking this session's temporary tables.
                guard.check(text, new StatementGuard.Rights(readonly, get, allowDdl, request.settings.keySet(),
                        session == null ? java.util.Set.of() : session.temporaryTableNames()));
                expireSessions(lease);
                context.enter(lease, session, request.settings, request.database());
                zone[0] = query.sessionTimezone().orElse(context.sessionTimezone().orElse(timezone));
                if (text.kind() == QueryText.Kind.SET) {
                    context.set(lease, session, text.setAssignments());
                    return EngineResult.empty();
                }
                EngineResult result = lease.query(sql, request.format(), request.queryParameters, call);
                try {
                    afterStatement(lease, text, session);
                } catch (RuntimeException e) {
                    result.close();
                    throw e;
                }
                return result;
            }
        } finally {
            if (session != null) {
                session.lastUsedNanos = System.nanoTime();
                session.inUse.unlock();
            }
        }
    }

    private void afterStatement(Engine.Lease lease, QueryText text, Session session) {
        if (text.kind() == QueryText.Kind.USE) {
            context.afterUse(session, text.usedDatabase());
        } else if (text.touchesTemporaryTable()) {
            context.afterTemporaryTableChange(lease, session);
        }
    }

    private Session session(HttpRequestParameters request) {
        String id = request.get("session_id");
        if (id == null || id.isEmpty()) {
            return null;
        }
        long timeout = parseLong(request.get("session_timeout"), 60);
        Session session;
        if (request.flag("session_check")) {
            session = sessions.get(id);
            if (session == null) {
                throw new EngineException(372, "Code: 372. DB::Exception: Session " + id + " not found. (SESSION_NOT_FOUND)");
            }
        } else {
            session = sessions.computeIfAbsent(id, k -> new Session(k, timeout));
        }
        if (!session.inUse.tryLock()) {
            throw new EngineException(373, "Code: 373. DB::Exception: Session " + id
                    + " is locked by a concurrent client. (SESSION_IS_LOCKED)");
        }
        if (sessions.get(id) != session) {
            // It expired between the lookup and the lock: start again with a live one.
            session.inUse.unlock();
            return session(request);
        }
        session.timeoutNanos = timeout * 1_000_000_000L;
        return session;
    }

    /** HTTP has no close: a session ends when it has been idle longer than its timeout. */
    private void expireSessions(Engine.Lease lease) {
        long now = System.nanoTime();
        sessions.values().removeIf(s -> {
            // The lock keeps a request that has just taken the session from running on a discarded one.
            if (!s.expired(now) || !s.inUse.tryLock()) {
                return false;
            }
            try {
                context.discard(lease, s);
                return true;
            } finally {
                s.inUse.unlock();
            }
        });
    }

    private void sendResult(HttpExchange exchange, HttpRequestParameters request, String queryId, String format,
            String zone, EngineResult.QueryStats stats, ResponseBody.Payload payload, long elapsedNanos) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", OutputFormats.contentType(format, request.setting("output_format_json_array_of_rows")));
        headers.set("X-ClickHouse-Query-Id", queryId);
        headers.set("X-ClickHouse-Format", format);
        // Zone-less DateTime values are decoded in this zone, so it follows session_timezone.
        headers.set("X-ClickHouse-Timezone", zone);
        headers.set("X-ClickHouse-Server-Display-Name", "chorm-embedded");
        String summary = summary(stats, elapsedNanos);
        if (request.setting("send_progress_in_http_headers")) {
            // The engine reports its counters once, when the query is done: that is the one
            // progress header there is to send, before the body as on a server.
            headers.set("X-ClickHouse-Progress", summary);
        }
        headers.set("X-ClickHouse-Summary", summary);
        ResponseBody.send(exchange, payload, request);
    }

    private static String summary(EngineResult.QueryStats s, long elapsedNanos) {
        return "{\"read_rows\":\"" + s.rowsRead() + "\",\"read_bytes\":\"" + s.bytesRead()
                + "\",\"written_rows\":\"" + s.rowsWritten() + "\",\"written_bytes\":\"" + s.bytesWritten()
                + "\",\"total_rows_to_read\":\"" + s.rowsRead() + "\",\"result_rows\":\"0\",\"result_bytes\":\"0\",\"elapsed_ns\":\"" + elapsedNanos + "\"}";
    }

    private void sendError(HttpExchange exchange, String queryId, EngineException e) throws IOException {
        String message = ErrorText.clean(e.getMessage(), options.scratchDir());
        if (!message.startsWith("Code: ")) {
            message = "Code: " + e.code() + ". DB::Exception: " + message;
        }
        if (!message.contains("(version ")) {
            message = message + " (version " + version + ")";
        }
        exchange.getResponseHeaders().set("X-ClickHouse-Exception-Code", Integer.toString(e.code()));
        exchange.getResponseHeaders().set("X-ClickHouse-Query-Id", queryId);
        sendText(exchange, statusOf(e.code()), message + "\n");
    }

    /** A server answers syntax errors with 400, unknown objects with 404, and the rest with 500. */
    private static int statusOf(int code) {
        return switch (code) {
            case 62 -> 400;
            case 60, 81, 47, 46 -> 404;
            case 516 -> 401;
            default -> 500;
        };
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static long parseLong(String s, long fallback) {
        try {
            return s == null || s.isEmpty() ? fallback : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "chorm-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
