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
    /** What a response carries: the engine's output, or a rewrite of it. */
    interface Payload {
        long length();

        void writeTo(OutputStream out) throws IOException;
    }

    private ResponseBody() {
    }

    static Payload of(EngineResult result) {
        return new Payload() {
            @Override
            public long length() {
                return result.length();
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                result.writeTo(out);
            }
        };
    }

    static void send(HttpExchange exchange, Payload payload, HttpRequestParameters request) throws IOException {
        boolean framed = request.flag("compress");
        long length = framed ? CompressedBlocks.framedLength(payload.length()) : payload.length();
        if (length == 0) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        ContentEncodings.Method method = ContentEncodings.forResponse(request.setting("enable_http_compression"),
                request.header("Accept-Encoding"));
        if (method == null) {
            exchange.sendResponseHeaders(200, length);
            try (OutputStream out = exchange.getResponseBody()) {
                write(payload, framed, out);
            }
            return;
        }
        exchange.getResponseHeaders().set("Content-Encoding", method.token);
        exchange.sendResponseHeaders(200, 0); // chunked: the compressed size is known only at the end
        try (OutputStream out = ContentEncodings.encode(method, level(request), exchange.getResponseBody())) {
            write(payload, framed, out);
        }
    }

    private static void write(Payload payload, boolean framed, OutputStream out) throws IOException {
        if (framed) {
            try (Framing framing = new Framing(out)) {
                payload.writeTo(framing);
            }
        } else {
            payload.writeTo(out);
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

    /** Cuts what is written into ClickHouse compressed blocks of {@link CompressedBlocks#BLOCK_SIZE}. */
    private static final class Framing extends OutputStream {
        private final OutputStream out;
        /** Grows up to a full block as data comes: a small answer (most are) needs no 1 MiB buffer. */
        private byte[] block = new byte[CompressedBlocks.OVERHEAD + 4096];
        private int filled;

        Framing(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, CompressedBlocks.BLOCK_SIZE - filled);
                int needed = CompressedBlocks.OVERHEAD + filled + n;
                if (needed > block.length) {
                    block = java.util.Arrays.copyOf(block, Math.min(CompressedBlocks.OVERHEAD + CompressedBlocks.BLOCK_SIZE,
                            Math.max(needed, 2 * block.length)));
                }
                System.arraycopy(b, off, block, CompressedBlocks.OVERHEAD + filled, n);
                filled += n;
                off += n;
                len -= n;
                if (filled == CompressedBlocks.BLOCK_SIZE) {
                    emit();
                }
            }
        }

        private void emit() throws IOException {
            CompressedBlocks.frame(block, filled);
            out.write(block, 0, CompressedBlocks.OVERHEAD + filled);
            filled = 0;
        }

        /** Writes the last, partial block; leaves {@code out} open. */
        @Override
        public void close() throws IOException {
            if (filled > 0) {
                emit();
            }
        }
    }
}
