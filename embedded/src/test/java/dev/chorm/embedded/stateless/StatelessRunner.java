package dev.chorm.embedded.stateless;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one ClickHouse functional test over plain HTTP as
 * {@code /work/shared/tools/clickhouse-stateless-http.py} does: a fresh database {@code test_<random>},
 * every statement POSTed in order in one {@code session_id} with {@code default_format=TabSeparated},
 * the database followed through {@code USE} / {@code DROP DATABASE}, expected errors checked, the
 * outputs concatenated with the database name replaced by {@code default}, and compared with the
 * reference.
 */
final class StatelessRunner {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final long TEST_TIMEOUT_NANOS = Duration.ofSeconds(60).toNanos();
    private static final Pattern EXCEPTION_LAST_LINE =
            Pattern.compile("(?:^|\\n)(?:__exception__\\s*)?(Code: (\\d+)\\. DB::Exception: [^\\n]*)\\s*$");
    private static final Pattern CODE = Pattern.compile("Code: (\\d+)");
    private static final Pattern ERROR_NAME = Pattern.compile("\\(([A-Z][A-Z0-9_]+)\\)(?: \\(version [^)]*\\))?\\s*$");
    private static final String LEAD = "\\s*(?:(?:--|#)[^\\n]*\\n\\s*|/\\*.*?\\*/\\s*)*";
    private static final String NAME = "(`[^`]+`|\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_]*|\\{CLICKHOUSE_DATABASE(?:_1)?:Identifier\\})";
    private static final Pattern USE = Pattern.compile(LEAD + "USE\\s+" + NAME + "\\s*$", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_DB = Pattern.compile(LEAD + "DROP\\s+DATABASE\\s+(?:IF\\s+EXISTS\\s+)?" + NAME,
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_DB = Pattern.compile(LEAD + "CREATE\\s+DATABASE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME,
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    /** The outcome of one test: null reason means it passed. */
    record Outcome(String name, String reason, double seconds) {
        boolean passed() {
            return reason == null;
        }
    }

    private record Response(int status, String code, byte[] body) {
    }

    private record Error(int code, String message) {
    }

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** errorCodeToName() of the engine under test, read from system.errors. */
    private final Map<String, Integer> errorCodes = new HashMap<>();

    StatelessRunner(String baseUrl) {
        this.baseUrl = baseUrl;
        String all = new String(post("SELECT name, code FROM system.errors SETTINGS system_events_show_zero_values = 1",
                Map.of()).body, StandardCharsets.UTF_8);
        all.lines().map(l -> l.split("\t")).filter(f -> f.length == 2)
                .forEach(f -> errorCodes.put(f[0], Integer.parseInt(f[1])));
    }

    /** Run the test {@code name} whose statements are {@code sql} and compare with {@code reference}. */
    Outcome run(String name, String sql, String reference) {
        long t0 = System.nanoTime();
        String db = "test_" + randomSuffix();
        String session = "stateless_" + db + "_" + ProcessHandle.current().pid();
        StringBuilder out = new StringBuilder();
        String reason = null;
        try {
            Response created = post("CREATE DATABASE " + db, Map.of());
            if (created.status != 200) {
                return new Outcome(name, "cannot create database: " + shorten(text(created.body), 160), seconds(t0));
            }
            String currentDb = db;
            boolean exists = true;
            boolean echo = false;
            List<StatementSplitter.Statement> statements = StatementSplitter.split(sql);
            for (int idx = 0; idx < statements.size(); idx++) {
                StatementSplitter.Statement s = statements.get(idx);
                String where = "statement " + (idx + 1) + " (line " + s.line + ")";
                if (System.nanoTime() - t0 > TEST_TIMEOUT_NANOS) {
                    reason = "timeout (60 s) before " + where;
                    break;
                }
                if (s.echo != null) {
                    echo = s.echo;
                }
                if (echo) {
                    out.append(s.full).append('\n');
                }
                Map<String, String> params = new LinkedHashMap<>();
                params.put("session_id", session);
                params.put("default_format", "TabSeparated");
                params.put("send_logs_level", "warning");
                if (exists) {
                    params.put("database", currentDb);
                }
                if (s.send.contains("{CLICKHOUSE_DATABASE")) {
                    params.put("param_CLICKHOUSE_DATABASE", db);
                    params.put("param_CLICKHOUSE_DATABASE_1", db + "_1");
                }
                Response r;
                try {
                    r = post(s.send, params);
                } catch (RuntimeException e) {
                    reason = where + ": " + shorten(String.valueOf(e.getCause() != null ? e.getCause() : e), 120);
                    break;
                }
                Error err = errorOf(r);
                List<Object> expected = s.expectedErrors();
                if (expected != null) {
                    if (err == null) {
                        reason = where + ": expected error " + expected + ", got success";
                        break;
                    }
                    if (!matches(expected, err)) {
                        reason = where + ": expected error " + expected + ", got " + shorten(err.message, 160);
                        break;
                    }
                    continue;
                }
                if (err != null) {
                    reason = where + ": unexpected error: " + shorten(err.message, 160);
                    break;
                }
                out.append(new String(r.body, StandardCharsets.UTF_8));
                // the database a client uses next, after this statement succeeded
                Matcher m;
                if ((m = USE.matcher(s.send)).matches()) {
                    currentDb = databaseName(m.group(1), db);
                    exists = true;
                } else if ((m = DROP_DB.matcher(s.send)).lookingAt() && databaseName(m.group(1), db).equals(currentDb)) {
                    exists = false;
                } else if ((m = CREATE_DB.matcher(s.send)).lookingAt() && databaseName(m.group(1), db).equals(currentDb)) {
                    exists = true;
                }
            }
        } catch (RuntimeException e) {
            reason = "runner: " + e;
        } finally {
            try {
                post("DROP DATABASE IF EXISTS " + db + "_1", Map.of());
                post("DROP DATABASE IF EXISTS " + db, Map.of());
            } catch (RuntimeException ignored) {
                // a server that stopped answering is reported by the statements above
            }
        }
        if (reason == null) {
            String got = stripTrailingNewlines(out.toString().replace(db, "default"));
            String want = stripTrailingNewlines(reference);
            if (!got.equals(want)) {
                String[] g = got.split("\n", -1);
                String[] w = want.split("\n", -1);
                int line = 0;
                while (line < Math.min(g.length, w.length) && g[line].equals(w[line])) {
                    line++;
                }
                reason = String.format("output differs at line %d: expected %s, got %s (%d vs %d lines)", line + 1,
                        line < w.length ? "'" + shorten(w[line], 70) + "'" : "<end>",
                        line < g.length ? "'" + shorten(g[line], 70) + "'" : "<end>", w.length, g.length);
            }
        }
        return new Outcome(name, reason, seconds(t0));
    }

    /** Run {@code sql} without a session and return its TabSeparated output, or the error text. */
    String query(String sql) {
        Response r = post(sql, Map.of("default_format", "TabSeparated"));
        return r.status == 200 ? text(r.body) : "error " + r.status + ": " + shorten(text(r.body), 200);
    }

    /** True when a fresh request still gets a correct answer. */
    boolean alive() {
        try {
            Response r = post("SELECT 1", Map.of());
            return r.status == 200 && text(r.body).equals("1\n");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean matches(List<Object> expected, Error err) {
        Matcher m = ERROR_NAME.matcher(err.message);
        String name = m.find() ? m.group(1) : null;
        for (Object e : expected) {
            if (e instanceof Integer code ? code == err.code
                    : Integer.valueOf(err.code).equals(errorCodes.get((String) e)) || e.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** A non-200 answer, or a 200 body whose last line is an exception trailer. */
    private static Error errorOf(Response r) {
        String body = text(r.body);
        if (r.status == 200 && r.code == null) {
            Matcher m = EXCEPTION_LAST_LINE.matcher(body.length() > 8192 ? body.substring(body.length() - 8192) : body);
            if (!m.find() || !m.group(1).contains("(version ")) {
                return null;
            }
            return new Error(Integer.parseInt(m.group(2)), m.group(1).strip());
        }
        if (r.code != null && r.code.strip().matches("\\d+")) {
            return new Error(Integer.parseInt(r.code.strip()), body.strip());
        }
        Matcher m = CODE.matcher(body);
        return new Error(m.find() ? Integer.parseInt(m.group(1)) : -1, body.strip());
    }

    private Response post(String body, Map<String, String> params) {
        StringBuilder url = new StringBuilder(baseUrl).append("/?");
        params.forEach((k, v) -> url.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.toString())).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8))).build();
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().firstValue("X-ClickHouse-Exception-Code").orElse(null), r.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String databaseName(String raw, String db) {
        String x = raw.replaceAll("^[`\"]+|[`\"]+$", "");
        return x.startsWith("{CLICKHOUSE_DATABASE_1") ? db + "_1" : x.startsWith("{CLICKHOUSE_") ? db : x;
    }

    private static String randomSuffix() {
        String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append(chars.charAt(ThreadLocalRandom.current().nextInt(chars.length())));
        }
        return b.toString();
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String stripTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(0, end);
    }

    static String shorten(String s, int n) {
        String one = String.join(" ", s.strip().split("\\s+"));
        return one.length() <= n ? one : one.substring(0, n - 3) + "...";
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
