package dev.chorm.embedded.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Sends the body of a successful response: the engine's output as it is, in ClickHouse's block
 * framing ({@code compress=1}), and HTTP-compressed per {@code Accept-Encoding} when the request
 * has {@code enable_http_compression=1} (both at once when both are asked, as on a server). A
 * compressed body streams in chunks from the engine's buffer; it is never held whole on the heap.
 */
final class ResponseBody {
    private ResponseBody() {
    }

    static void send(HttpExchange exchange, EngineResult result, HttpRequestParameters request) throws IOException {
        boolean framed = request.flag("compress");
        long length = framed ? CompressedBlocks.framedLength(result.length()) : result.length();
        if (length == 0) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        ContentEncodings.Method method = ContentEncodings.forResponse(request.setting("enable_http_compression"),
                request.header("Accept-Encoding"));
        if (method == null) {
            exchange.sendResponseHeaders(200, length);
            try (OutputStream out = exchange.getResponseBody()) {
                write(result, framed, out);
            }
            return;
        }
        exchange.getResponseHeaders().set("Content-Encoding", method.token);
        exchange.sendResponseHeaders(200, 0); // chunked: the compressed size is known only at the end
        try (OutputStream out = ContentEncodings.encode(method, level(request), exchange.getResponseBody())) {
            write(result, framed, out);
        }
    }

    private static void write(EngineResult result, boolean framed, OutputStream out) throws IOException {
        if (framed) {
            CompressedBlocks.write(result, out);
        } else {
            result.writeTo(out);
        }
    }

    /** http_zlib_compression_level, which a server applies to every method. */
    private static int level(HttpRequestParameters request) {
        String v = request.settings.get("http_zlib_compression_level");
        try {
            return v == null || v.isEmpty() ? ContentEncodings.DEFAULT_LEVEL : Math.max(1, Integer.parseInt(v.strip()));
        } catch (NumberFormatException e) {
            return ContentEncodings.DEFAULT_LEVEL;
        }
    }
}
