package dev.chorm.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain HTTP calls to an engine, as any HTTP client (curl, a browser) makes them. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A response: status, body text and the exception code header ("" when absent). */
    record Answer(int status, String body, String code) {
        boolean ok() {
            return status == 200;
        }
    }

    private final String baseUrl;

    private Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static Http of(EmbeddedClickHouse engine) {
        return new Http(engine.httpUrl());
    }

    static Http shared() {
        return of(SharedEngine.get());
    }

    /** POST {@code sql} as the body, with {@code params} ("a=1&b=2" or "") in the URL. */
    Answer post(String params, String sql) {
        return send(HttpRequest.newBuilder(uri(params)).POST(HttpRequest.BodyPublishers.ofString(sql)));
    }

    /** GET with {@code sql} in {@code query=}. */
    Answer get(String params, String sql) {
        String all = "query=" + encode(sql) + (params.isEmpty() ? "" : "&" + params);
        return send(HttpRequest.newBuilder(uri(all)).GET());
    }

    /** POST {@code sql} in a session. */
    Answer session(String id, String sql) {
        return post("session_id=" + encode(id), sql);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private URI uri(String params) {
        return URI.create(baseUrl + "/" + (params.isEmpty() ? "" : "?" + params));
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("X-ClickHouse-Exception-Code").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
