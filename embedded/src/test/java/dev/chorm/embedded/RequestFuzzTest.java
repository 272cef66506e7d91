package dev.chorm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.data.ClickHouseCityHash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and malformed HTTP requests over raw sockets against a dedicated engine in a child
 * process (so that a crash is this test's failure, not a broken shared engine): garbage, truncated
 * and oversized headers, bad Content-Length, broken chunking, {@code decompress=1} with malformed
 * compressed frames, random Content-Encoding values, URL parameters, settings and SQL fragments.
 * Every answer must be a 200 success or a 4xx/5xx with a ClickHouse error ({@code Code: N.
 * DB::Exception}); after every 50 requests and at the end the server must still answer
 * {@code SELECT 1} correctly. The choices follow a fixed seed, printed;
 * {@code -Dchorm.fuzz.seed=N} replays another, {@code -Dchorm.fuzz.requests=N} sends more.
 */
class RequestFuzzTest {
    private static final long SEED = Long.getLong("chorm.fuzz.seed", 15_000_001L);
    private static final int REQUESTS = Integer.getInteger("chorm.fuzz.requests", 1200);
    private static final int SOCKET_TIMEOUT_MS = 2000;
    private static final long BUDGET_NANOS = 55_000_000_000L;
    private static final Pattern CLICKHOUSE_ERROR = Pattern.compile("Code: \\d+\\. DB::Exception");
    private static final String[] SQL_TOKENS = {"SELECT", "1", "42", "number", "FROM", "numbers(", "10", ")", "(", "'", "\"", "`",
        "$$", "$tag$", "--", "/*", "*/", "#", ";", ",", "+", "*", "FORMAT", "TSV", "JSONEachRow", "RowBinary", "Native",
        "INSERT INTO", "fuzz_t", "VALUES", "SETTINGS", "max_threads", "=", "WHERE", "ORDER BY", "LIMIT", "\\", "\n", "\n\n", "\0",
        "\u00fc\u2713", "toString(", "arrayJoin([1,2,3])", "system.one", "WITH", "AS", "x", "UNION ALL", "DESCRIBE", "SHOW TABLES",
        "EXISTS", "CREATE TEMPORARY TABLE", "fuzz_tmp", "(a UInt8)", "DROP TABLE IF EXISTS", "{p:UInt8}", "?", "NULL"};
    private static final String[] SETTING_NAMES = {"max_threads", "max_block_size", "output_format_json_quote_64bit_integers",
        "limit", "offset", "readonly", "max_result_rows", "result_overflow_mode", "session_timezone", "max_query_size",
        "max_execution_time", "no_such_setting_xyz", "log_comment", "wait_end_of_query", "send_progress_in_http_headers",
        "enable_http_compression", "http_zlib_compression_level", "max_rows_to_read", "extremes", "date_time_output_format"};
    private static final String[] SETTING_VALUES = {"0", "1", "2", "-1", "3", "18446744073709551616", "abc", "", "'x'", "UTC",
        "Asia/Tokyo", "throw", "break", "1e9", "%00", "simple"};
    private static final String[] PARAMS = {"query", "database", "default_format", "session_id", "session_timeout", "session_check",
        "compress", "decompress", "query_id", "user", "password", "param_p", "quota_key", "buffer_size", "role"};
    private static final String[] ENCODINGS = {"gzip", "deflate", "br", "zstd", "xz", "lz4", "snappy", "bz2", "identity",
        "gzip, deflate", "x-nonsense", "", "GZIP", "chunked", "compress"};

    private int port;
    private final List<String> violations = new ArrayList<>();
    private int answered;
    private int timedOut;
    private int closedSilently;
    private boolean sentZeroStep;

    @Test
    void malformedAndRandomRequestsGetCleanAnswersAndTheServerStaysUp(@TempDir Path dir) throws Exception {
        System.out.println("RequestFuzzTest seed " + SEED + " (replay with -Dchorm.fuzz.seed=" + SEED + ")");
        Random random = new Random(SEED);
        try (EmbeddedClickHouse engine = EmbeddedClickHouse.builder(dir).childProcess().start()) {
            port = engine.port();
            PlainHttp http = new PlainHttp(engine.httpUrl());
            http.post("CREATE TABLE fuzz_t (a UInt8, s String) ENGINE = MergeTree ORDER BY a");
            long started = System.nanoTime();
            int sent = 0;
            List<String> recent = new ArrayList<>();
            for (; sent < REQUESTS && System.nanoTime() - started < BUDGET_NANOS; sent++) {
                Request r = next(random, sent);
                recent.add(sent + ": " + r.description);
                exchange(r);
                if ((sent + 1) % 50 == 0 && !healthy(http, "after request " + sent, recent)) {
                    break;
                }
                if (recent.size() > 50) {
                    recent.remove(0);
                }
            }
            healthy(http, "at the end", recent);
            assertThat(engine.isAlive()).as("the engine process is alive").isTrue();
            System.out.printf("fuzz: %d requests in %.1f s: %d answered, %d timed out (%d ms), %d closed without an answer%n",
                    sent, (System.nanoTime() - started) / 1e9, answered, timedOut, SOCKET_TIMEOUT_MS, closedSilently);
            System.out.printf("fuzz: %d refused by the HTTP layer as invalid HTTP (400)%n", httpLayerRefusals);
            violations.stream().limit(40).forEach(v -> System.out.println("  violation: " + v));
            assertThat(violations).as("bad answers (seed %d)", SEED).isEmpty();
            assertThat(sent).as("requests sent within the time budget").isGreaterThanOrEqualTo(1000);
        }
    }

    private boolean healthy(PlainHttp http, String when, List<String> recent) {
        PlainHttp.Answer a = http.post("SELECT 1");
        if (a.status() == 200 && "1\n".equals(a.body())) {
            return true;
        }
        violations.add("SELECT 1 " + when + " answered " + a + "; the last requests were:\n    " + String.join("\n    ", recent));
        return a.status() != -1; // stop when the server no longer answers at all
    }

    private record Request(String description, byte[] bytes, boolean expectSelect, String expectedBody) {
    }

    /** Send one request on a fresh socket, read one answer, and judge it. */
    private void exchange(Request r) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(SOCKET_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(r.bytes);
                out.flush();
                if (!r.expectSelect) {
                    // Ends a malformed body the server may still wait for. Not for the known-answer
                    // queries: the client watch takes a half-closed client for gone, as ClickHouse's
                    // poll does, and would cancel one that outlives its 100 ms under load.
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // the server may close early on a request it refuses; read what it answered
            }
            byte[] answer = readAnswer(socket.getInputStream());
            if (answer.length == 0) {
                closedSilently++;
                return;
            }
            answered++;
            judge(r, answer);
        } catch (SocketTimeoutException e) {
            timedOut++;
        } catch (IOException e) {
            closedSilently++;
        }
    }

    /** One HTTP response: the head, then Content-Length bytes, chunks, or everything up to EOF. */
    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        int state = 0;
        while (state < 4 && (b = in.read()) >= 0) {
            buf.write(b);
            state = b == '\r' && (state == 0 || state == 2) ? state + 1 : b == '\n' && (state == 1 || state == 3) ? state + 1 : 0;
        }
        String head = buf.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        java.util.regex.Matcher length = Pattern.compile("\r\ncontent-length: *(\\d+)").matcher(head);
        if (length.find()) {
            byte[] body = in.readNBytes((int) Math.min(Long.parseLong(length.group(1)), 64 << 20));
            buf.write(body);
        } else if (head.contains("\r\ntransfer-encoding: chunked")) {
            while (true) {
                String size = readLine(in, buf);
                int n = size.isBlank() ? 0 : Integer.parseInt(size.strip().split(";")[0], 16);
                if (n == 0) {
                    readLine(in, buf);
                    break;
                }
                buf.write(in.readNBytes(n));
                readLine(in, buf);
            }
        } else if (state == 4 && !head.startsWith("http/1.1 204") && !head.startsWith("http/1.1 304")) {
            buf.write(in.readAllBytes());
        }
        return buf.toByteArray();
    }

    private static String readLine(InputStream in, ByteArrayOutputStream copy) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            copy.write(b);
            if (b != '\r') {
                line.append((char) b);
            }
        }
        copy.write('\n');
        return line.toString();
    }

    private int httpLayerRefusals;

    private void judge(Request r, byte[] answer) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher status = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(text);
        if (!status.find()) {
            violations.add(r.description + ": not an HTTP response: " + shorten(text));
            return;
        }
        int code = Integer.parseInt(status.group(1));
        int bodyStart = text.indexOf("\r\n\r\n");
        String body = bodyStart < 0 ? "" : new String(answer, bodyStart + 4, answer.length - bodyStart - 4, StandardCharsets.UTF_8);
        if (code == 200) {
            if (r.expectSelect && !body.equals(r.expectedBody)) {
                violations.add(r.description + ": 200 with " + shorten(body) + " instead of " + shorten(r.expectedBody));
            }
            return;
        }
        if (code < 400 || code > 599) {
            violations.add(r.description + ": status " + code + ", neither 200 nor 4xx/5xx");
        } else if (code == 400 && body.startsWith("<h1>400 Bad Request</h1>")) {
            // Not valid HTTP (a bad Content-Length, a broken header, an undecodable URL): the HTTP
            // layer answers before any ClickHouse semantics apply, as a server's HTTP layer does.
            httpLayerRefusals++;
        } else if (r.description.startsWith("method HEAD ") && errorCodeHeader(text) != null) {
            // A HEAD answer has no body by HTTP's rules; ClickHouse's error code travels in its header.
            // (Under load a HEAD SELECT 1 can outlive the 100 ms after which the client watch looks at
            // the socket, see this half-closed one as gone, as ClickHouse's own poll does, and cancel
            // it with 394: an error answer, with no body to carry it.)
            if (r.expectSelect) {
                violations.add(r.description + ": a valid query failed with code " + errorCodeHeader(text));
            }
        } else if (!CLICKHOUSE_ERROR.matcher(body).find()) {
            violations.add(r.description + ": status " + code + " without a ClickHouse error: " + shorten(text));
        } else if (r.expectSelect) {
            violations.add(r.description + ": a valid query failed: " + shorten(body));
        }
    }

    /** Return the value of the answer's {@code X-ClickHouse-Exception-Code} header, or null. */
    private static String errorCodeHeader(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        java.util.regex.Matcher header = Pattern.compile("(?im)^x-clickhouse-exception-code: *(\\d+)")
                .matcher(end < 0 ? answer : answer.substring(0, end));
        return header.find() ? header.group(1) : null;
    }

    // ---------------------------------------------------------------------------------------------
    // request generation
    // ---------------------------------------------------------------------------------------------

    private Request next(Random random, int i) {
        int kind = random.nextInt(12);
        return switch (kind) {
            case 0 -> garbage(random);
            case 1 -> truncatedHead(random);
            case 2 -> oversizedHead(random);
            case 3 -> badContentLength(random);
            case 4 -> brokenChunked(random);
            case 5, 6 -> compressedFrames(random);
            case 7 -> contentEncoding(random);
            case 8 -> randomParameters(random);
            case 9 -> randomSql(random);
            case 10 -> oddMethod(random);
            default -> valid(random, i);
        };
    }

    private static Request garbage(Random random) {
        byte[] b = new byte[random.nextInt(2000)];
        random.nextBytes(b);
        return new Request("garbage bytes (" + b.length + ")", b, false, null);
    }

    private Request truncatedHead(Random random) {
        byte[] full = http("POST", "/?query=" + enc("SELECT 1"), Map.of("Content-Length", "0"), new byte[0]);
        int cut = 1 + random.nextInt(full.length - 1);
        return new Request("head cut after " + cut + " bytes", java.util.Arrays.copyOf(full, cut), false, null);
    }

    private Request oversizedHead(Random random) {
        Map<String, String> headers = new LinkedHashMap<>();
        String what;
        if (random.nextBoolean()) {
            headers.put("X-Fuzz", "a".repeat(1 + random.nextInt(1 << 20)));
            what = "one header of " + headers.get("X-Fuzz").length() + " bytes";
        } else {
            int n = 100 + random.nextInt(5000);
            for (int h = 0; h < n; h++) {
                headers.put("X-Fuzz-" + h, "v" + h);
            }
            what = n + " headers";
        }
        String url = random.nextInt(4) == 0 ? "/?query=" + "1".repeat(1 + random.nextInt(200_000)) : "/?query=" + enc("SELECT 1");
        return new Request("oversized head: " + what + ", URL of " + url.length(), http("POST", url, headers, new byte[0]), false, null);
    }

    private Request badContentLength(Random random) {
        String[] lengths = {"-1", "-9999999999", "abc", "99999999999999999999", "2147483648", "1e3", " 5", "0x10", ""};
        byte[] body = "SELECT 1".getBytes(StandardCharsets.UTF_8);
        String length = random.nextInt(3) == 0 ? Integer.toString(body.length + 1 + random.nextInt(1 << 20))
                : lengths[random.nextInt(lengths.length)];
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Length", length);
        if (random.nextInt(4) == 0) {
            headers.put("content-length", Integer.toString(random.nextInt(100)));
        }
        return new Request("Content-Length " + headers, http("POST", "/", headers, body), false, null);
    }

    private Request brokenChunked(Random random) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String what;
        switch (random.nextInt(5)) {
            case 0 -> {
                what = "chunk size not hex";
                body.writeBytes("zz\r\nSELECT 1\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            case 1 -> {
                what = "chunk shorter than declared";
                body.writeBytes("ff\r\nSELECT 1\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            case 2 -> {
                what = "huge chunk size";
                body.writeBytes("7fffffffffffffff\r\nSELECT 1\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            case 3 -> {
                what = "no final chunk";
                body.writeBytes("8\r\nSELECT 1\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            default -> {
                what = "missing CRLF after chunk";
                body.writeBytes("8\r\nSELECT 10\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        return new Request("broken chunked encoding: " + what, http("POST", "/", Map.of("Transfer-Encoding", "chunked"),
                body.toByteArray()), false, null);
    }

    /** A ClickHouse compressed block of {@code data}, then spoiled in one of several ways. */
    private Request compressedFrames(Random random) {
        byte[] data = "SELECT 1".getBytes(StandardCharsets.UTF_8);
        byte[] block = new byte[25 + data.length];
        System.arraycopy(data, 0, block, 25, data.length);
        block[16] = 0x02;
        putInt(block, 17, data.length + 9);
        putInt(block, 21, data.length);
        String what;
        int spoil = random.nextInt(8);
        switch (spoil) {
            case 0 -> {
                what = "wrong checksum";
                putLong(block, 0, random.nextLong());
                putLong(block, 8, random.nextLong());
            }
            case 1 -> {
                what = "huge declared size";
                putInt(block, 17, 0x7fffff00);
                putInt(block, 21, 0x7fffff00);
                checksum(block);
            }
            case 2 -> {
                if (!sentZeroStep) {
                    // 16 + size == 0: a decoder that steps by the declared size never advances. Sent
                    // once per run: on a server that spins on it, each copy costs a core until the end.
                    sentZeroStep = true;
                    what = "declared size 0xfffffff0 (a step of zero), raw size 0";
                    putInt(block, 17, -16);
                    putInt(block, 21, 0);
                } else {
                    what = "negative declared sizes";
                    putInt(block, 17, -17 - random.nextInt(1000));
                    putInt(block, 21, -1);
                }
                checksum(block);
            }
            case 3 -> {
                what = "truncated block";
                checksum(block);
                block = java.util.Arrays.copyOf(block, 1 + random.nextInt(block.length - 1));
            }
            case 4 -> {
                what = "LZ4 method with garbage";
                block[16] = (byte) 0x82;
                random.nextBytes(data);
                System.arraycopy(data, 0, block, 25, data.length);
                checksum(block);
            }
            case 5 -> {
                what = "ZSTD method with garbage";
                block[16] = (byte) 0x90;
                checksum(block);
            }
            case 6 -> {
                what = "random method byte";
                block[16] = (byte) random.nextInt(256);
                checksum(block);
            }
            default -> {
                what = "raw size larger than the block";
                putInt(block, 21, data.length + 1 + random.nextInt(1 << 16));
                checksum(block);
            }
        }
        return new Request("decompress=1 frame: " + what, http("POST", "/?decompress=1", Map.of(), block), false, null);
    }

    private Request contentEncoding(Random random) {
        String encoding = ENCODINGS[random.nextInt(ENCODINGS.length)];
        byte[] body = "SELECT 1".getBytes(StandardCharsets.UTF_8);
        if (random.nextBoolean()) {
            body = new byte[1 + random.nextInt(300)];
            random.nextBytes(body);
        }
        return new Request("Content-Encoding '" + encoding + "'", http("POST", "/", Map.of("Content-Encoding", encoding), body), false, null);
    }

    private Request randomParameters(Random random) {
        StringBuilder url = new StringBuilder("/?");
        int n = 1 + random.nextInt(6);
        for (int p = 0; p < n; p++) {
            if (random.nextBoolean()) {
                url.append(enc(SETTING_NAMES[random.nextInt(SETTING_NAMES.length)])).append('=')
                        .append(enc(SETTING_VALUES[random.nextInt(SETTING_VALUES.length)]));
            } else {
                String name = PARAMS[random.nextInt(PARAMS.length)];
                String value = switch (random.nextInt(4)) {
                    case 0 -> SETTING_VALUES[random.nextInt(SETTING_VALUES.length)];
                    case 1 -> randomSqlText(random, 6);
                    case 2 -> "%zz%";
                    default -> "fuzz-" + random.nextInt(5);
                };
                url.append(enc(name)).append('=').append(value.equals("%zz%") ? value : enc(value));
            }
            url.append('&');
        }
        return new Request("URL parameters " + url, http(random.nextInt(4) == 0 ? "GET" : "POST", url.toString(), Map.of(),
                "SELECT 1".getBytes(StandardCharsets.UTF_8)), false, null);
    }

    private Request randomSql(Random random) {
        String sql = randomSqlText(random, 1 + random.nextInt(12));
        boolean inUrl = random.nextBoolean();
        byte[] body = (inUrl ? randomSqlText(random, random.nextInt(4)) : sql).getBytes(StandardCharsets.UTF_8);
        String url = inUrl ? "/?query=" + enc(sql) : "/";
        return new Request("SQL " + (inUrl ? "in URL" : "in body") + ": " + shorten(sql), http("POST", url, Map.of(), body), false, null);
    }

    private Request oddMethod(Random random) {
        String[] methods = {"PUT", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "FUZZ", "get", "POST"};
        String method = methods[random.nextInt(methods.length)];
        String[] versions = {"HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/9", "FOO"};
        String version = versions[random.nextInt(versions.length)];
        String head = method + " /?query=" + enc("SELECT 1") + " " + version + "\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        return new Request("method " + method + " " + version, head.getBytes(StandardCharsets.ISO_8859_1), false, null);
    }

    /** A query whose answer is known: the server must still give it between the fuzz requests. */
    private Request valid(Random random, int i) {
        long n = random.nextInt(1_000_000);
        boolean inUrl = random.nextBoolean();
        byte[] body = (inUrl ? "" : "SELECT " + n).getBytes(StandardCharsets.UTF_8);
        String url = inUrl ? "/?query=" + enc("SELECT " + n) : "/?default_format=TabSeparated";
        return new Request("valid SELECT " + n + " (#" + i + ")", http("POST", url, Map.of(), body), true, n + "\n");
    }

    private static String randomSqlText(Random random, int tokens) {
        StringBuilder sql = new StringBuilder();
        for (int t = 0; t < tokens; t++) {
            sql.append(SQL_TOKENS[random.nextInt(SQL_TOKENS.length)]).append(random.nextInt(3) == 0 ? "" : " ");
        }
        return sql.toString();
    }

    private static byte[] http(String method, String url, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(url).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        boolean hasLength = headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Content-Length") || h.equalsIgnoreCase("Transfer-Encoding"));
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (!hasLength) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    private static void checksum(byte[] block) {
        int size = Math.max(0, Math.min(block.length - 16, getInt(block, 17)));
        long[] hash = ClickHouseCityHash.cityHash128(block, 16, size);
        putLong(block, 0, hash[0]);
        putLong(block, 8, hash[1]);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int getInt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    private static void putInt(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private static void putLong(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private static String shorten(String s) {
        String one = s.replace("\r", "\\r").replace("\n", "\\n");
        return one.length() <= 200 ? one : one.substring(0, 197) + "...";
    }
}
