package dev.chorm.embedded;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Short calls for tests that read as the URLs a client sends ({@code post("readonly=1", sql)}),
 * on top of {@link PlainHttp}.
 */
final class Http {
    /** A response: status, body text and the exception code header ("" when absent). */
    record Answer(int status, String body, String code) {
        boolean ok() {
            return status == 200;
        }
    }

    private final PlainHttp http;

    private Http(String baseUrl) {
        this.http = new PlainHttp(baseUrl);
    }

    static Http of(EmbeddedClickHouse engine) {
        return new Http(engine.httpUrl());
    }

    static Http shared() {
        return of(SharedEngine.get());
    }

    /** POST {@code sql} as the body, with {@code params} ("a=1&b=2" or "") in the URL. */
    Answer post(String params, String sql) {
        return answer(http.post(sql, parameters(params)));
    }

    /** GET with {@code sql} in {@code query=}. */
    Answer get(String params, String sql) {
        return answer(http.get(sql, parameters(params)));
    }

    /** POST {@code sql} in a session. */
    Answer session(String id, String sql) {
        return answer(http.post(sql, Map.of("session_id", id)));
    }

    private static Answer answer(PlainHttp.Answer a) {
        return new Answer(a.status(), a.body(), a.exceptionCode() == null ? "" : a.exceptionCode());
    }

    private static Map<String, String> parameters(String params) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : params.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }
}
