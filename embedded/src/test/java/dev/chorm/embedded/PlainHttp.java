package dev.chorm.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** ClickHouse's HTTP interface as a plain client (java.net.http) uses it, for black-box tests. */
final class PlainHttp {
    /** One answer: status, {@code X-ClickHouse-Exception-Code} (or null) and the body as text. */
    record Answer(int status, String exceptionCode, String body) {
        boolean ok() {
            return status == 200 && exceptionCode == null;
        }

        /** The body on success, else {@code ERROR <code>}: messages carry query ids and timings. */
        String outcome() {
            return ok() ? body : "ERROR " + exceptionCode;
        }
    }

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    PlainHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** POST {@code sql} with URL parameters {@code params} (settings, session_id, database, ...). */
    Answer post(String sql, Map<String, String> params) {
        return send(HttpRequest.newBuilder(uri(params)).POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8)));
    }

    /** GET with {@code sql} as the {@code query} parameter, as a browser or curl sends it. */
    Answer get(String sql, Map<String, String> params) {
        Map<String, String> all = new java.util.LinkedHashMap<>(params);
        all.put("query", sql);
        return send(HttpRequest.newBuilder(uri(all)).GET());
    }

    private URI uri(Map<String, String> params) {
        StringBuilder url = new StringBuilder(baseUrl).append("/?");
        params.forEach((k, v) -> url.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        return URI.create(url.toString());
    }

    private Answer send(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(Duration.ofSeconds(120)).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers().firstValue("X-ClickHouse-Exception-Code").orElse(null), r.body());
        } catch (IOException e) {
            return new Answer(-1, "IO", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "INTERRUPTED", e.toString());
        }
    }

    /** POST {@code sql} without parameters. */
    Answer post(String sql) {
        return post(sql, Map.of());
    }
}
