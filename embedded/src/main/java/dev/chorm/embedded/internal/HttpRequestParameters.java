package dev.chorm.embedded.internal;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The parts of an HTTP request that ClickHouse's HTTP interface gives meaning to: URL parameters
 * (settings, {@code param_*} query parameters, session and protocol switches) and headers.
 */
final class HttpRequestParameters {
    /** URL parameters that steer the HTTP interface itself. */
    private static final Set<String> PROTOCOL_ONLY = Set.of("query", "query_id", "database", "default_format",
            "compress", "decompress", "session_id", "session_timeout", "session_check", "user", "password",
            "quota_key", "role", "buffer_size", "wait_end_of_query", "client_protocol_version",
            "http_response_buffer_size");
    /**
     * Those plus the settings the server applies itself ({@link EngineContext#SERVER_HELD}), which
     * never go into the engine's shared context; every other URL parameter is a setting.
     */
    private static final Set<String> PROTOCOL = java.util.stream.Stream.concat(PROTOCOL_ONLY.stream(),
            EngineContext.SERVER_HELD.stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    final Map<String, String> url = new LinkedHashMap<>();
    final Map<String, String> settings = new LinkedHashMap<>();
    final Map<String, byte[]> queryParameters = new LinkedHashMap<>();
    final Headers headers;

    HttpRequestParameters(String rawQuery, Headers headers) {
        this.headers = headers;
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (name.startsWith("param_")) {
                    queryParameters.put(name.substring(6), value.getBytes(StandardCharsets.UTF_8));
                } else if (PROTOCOL.contains(name)) {
                    url.put(name, value);
                } else {
                    settings.put(name, value);
                }
            }
        }
    }

    String get(String name) {
        return url.get(name);
    }

    boolean flag(String name) {
        String v = url.get(name);
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }

    /** Return true when a URL setting is on ({@code 1} or {@code true}), as a server parses a Bool. */
    boolean setting(String name) {
        String v = settings.get(name);
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }

    String header(String name) {
        return headers.getFirst(name);
    }

    String queryId() {
        String id = firstNonEmpty(get("query_id"), header("X-ClickHouse-Query-Id"));
        return id != null ? id : java.util.UUID.randomUUID().toString();
    }

    String database() {
        return firstNonEmpty(header("X-ClickHouse-Database"), get("database"));
    }

    String format() {
        String f = firstNonEmpty(header("X-ClickHouse-Format"), get("default_format"));
        return f != null ? f : "TabSeparated";
    }

    /** Return {user, password} from Basic auth, X-ClickHouse-User/Key headers or URL parameters. */
    String[] credentials() {
        String auth = header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? new String[] {decoded, ""} : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        }
        String user = firstNonEmpty(header("X-ClickHouse-User"), get("user"));
        String key = firstNonEmpty(header("X-ClickHouse-Key"), get("password"));
        return new String[] {user != null ? user : "default", key != null ? key : ""};
    }

    private static String firstNonEmpty(String a, String b) {
        return a != null && !a.isEmpty() ? a : b != null && !b.isEmpty() ? b : null;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
