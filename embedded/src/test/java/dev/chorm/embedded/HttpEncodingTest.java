package dev.chorm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import com.aayushatharva.brotli4j.encoder.BrotliOutputStream;
import io.airlift.compress.snappy.SnappyHadoopStreams;
import io.airlift.compress.zstd.ZstdInputStream;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * The HTTP transport as other clients than clickhouse-jdbc use it, through plain HTTP: request
 * bodies in every Content-Encoding a server reads, compressed responses, progress headers,
 * Content-Type per format, and the text of errors.
 */
class HttpEncodingTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<byte[]> send(String params, byte[] body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(SharedEngine.get().httpUrl() + "/?" + params))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String sql(String sql) throws Exception {
        HttpResponse<byte[]> r = send("", sql.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        return text(r);
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static String q(String sql) {
        return "query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8);
    }

    private static String version() throws Exception {
        return sql("SELECT version()").strip();
    }

    static byte[] encode(String method, byte[] data) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream out = switch (method) {
            case "gzip" -> new GZIPOutputStream(buffer);
            case "deflate" -> new DeflaterOutputStream(buffer);
            case "br" -> {
                Brotli4jLoader.ensureAvailability();
                yield new BrotliOutputStream(buffer);
            }
            case "zstd" -> new ZstdOutputStream(buffer);
            case "lz4" -> new FramedLZ4CompressorOutputStream(buffer,
                    new FramedLZ4CompressorOutputStream.Parameters(FramedLZ4CompressorOutputStream.BlockSize.K64, true, true, true));
            case "xz" -> new XZOutputStream(buffer, new LZMA2Options());
            case "bz2" -> new BZip2CompressorOutputStream(buffer);
            case "snappy" -> new SnappyHadoopStreams().createOutputStream(buffer);
            default -> throw new IllegalArgumentException(method);
        }) {
            out.write(data);
        }
        return buffer.toByteArray();
    }

    static byte[] decode(String method, byte[] data) throws IOException {
        InputStream in = new ByteArrayInputStream(data);
        try (InputStream decoded = switch (method) {
            case "gzip" -> new GZIPInputStream(in);
            case "deflate" -> new InflaterInputStream(in);
            case "br" -> {
                Brotli4jLoader.ensureAvailability();
                yield new BrotliInputStream(in);
            }
            case "zstd" -> new ZstdInputStream(in);
            case "lz4" -> new FramedLZ4CompressorInputStream(in);
            case "xz" -> new XZInputStream(in);
            case "bz2" -> new BZip2CompressorInputStream(in);
            default -> throw new IllegalArgumentException(method);
        }) {
            return decoded.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "deflate", "br", "zstd", "lz4", "xz", "bz2", "snappy"})
    void requestBodiesInEveryEncodingAServerReadsAreDecoded(String method) throws Exception {
        String db = SharedEngine.freshDatabase("enc_" + method);
        sql("CREATE TABLE " + db + ".t (a UInt32, s String) ENGINE = MergeTree ORDER BY a");
        // The whole statement and its rows in the encoded body; a blank line inside the data too.
        String insert = "INSERT INTO " + db + ".t FORMAT CSV\n1,\"x\n\ny\"\n2,two\n";
        HttpResponse<byte[]> r = send("", encode(method, insert.getBytes(StandardCharsets.UTF_8)), "Content-Encoding", method);
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("X-ClickHouse-Summary").orElseThrow()).contains("\"written_rows\":\"2\"");
        // The statement in query=, only the rows encoded, as clickhouse-connect sends them.
        r = send(q("INSERT INTO " + db + ".t FORMAT TSV"), encode(method, "3\tthree\n".getBytes(StandardCharsets.UTF_8)),
                "Content-Encoding", method.toUpperCase(java.util.Locale.ROOT));
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(sql("SELECT a, s FROM " + db + ".t ORDER BY a")).isEqualTo("1\tx\\n\\ny\n2\ttwo\n3\tthree\n");
        // A query in an encoded body runs, and answers.
        r = send("", encode(method, "SELECT count() FROM ".concat(db).concat(".t").getBytes(StandardCharsets.UTF_8)),
                "Content-Encoding", method);
        assertThat(text(r)).isEqualTo("3\n");
    }

    @Test
    void anEncodingTheServerCannotReadIsRefusedAndNothingRuns() throws Exception {
        String db = SharedEngine.freshDatabase("enc_refused");
        HttpResponse<byte[]> r = send("", ("CREATE TABLE " + db + ".never (a UInt8) ENGINE = Memory").getBytes(StandardCharsets.UTF_8),
                "Content-Encoding", "compress");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.headers().firstValue("X-ClickHouse-Exception-Code")).contains("48");
        assertThat(text(r)).isEqualTo("Code: 48. DB::Exception: Unknown compression method 'compress'. Only 'auto', 'none',"
                + " 'gzip', 'deflate', 'br', 'xz', 'zstd', 'lz4', 'bz2', 'snappy' are supported as compression methods."
                + " (NOT_IMPLEMENTED) (version " + version() + ")\n");
        assertThat(sql("EXISTS TABLE " + db + ".never")).isEqualTo("0\n");
    }

    @Test
    void aBodyThatIsNotValidInItsEncodingIsRefused() throws Exception {
        String db = SharedEngine.freshDatabase("enc_corrupt");
        HttpResponse<byte[]> r = send("", ("CREATE TABLE " + db + ".never (a UInt8) ENGINE = Memory").getBytes(StandardCharsets.UTF_8),
                "Content-Encoding", "gzip");
        assertThat(r.headers().firstValue("X-ClickHouse-Exception-Code")).contains("354");
        assertThat(text(r)).isEqualTo("Code: 354. DB::Exception: Cannot decode the request body as Content-Encoding 'gzip':"
                + " Not in GZIP format. (ZLIB_INFLATE_FAILED) (version " + version() + ")\n");
        byte[] cut = encode("zstd", ("INSERT INTO " + db + ".t FORMAT TSV\n" + "1\n".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
        r = send("", java.util.Arrays.copyOf(cut, cut.length / 2), "Content-Encoding", "zstd");
        assertThat(r.headers().firstValue("X-ClickHouse-Exception-Code")).contains("561");
        assertThat(sql("EXISTS TABLE " + db + ".never")).isEqualTo("0\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "deflate", "br", "zstd", "lz4", "xz", "bz2"})
    void responsesAreCompressedPerAcceptEncodingWhenAsked(String method) throws Exception {
        HttpResponse<byte[]> r = send(q("SELECT number FROM numbers(200000)") + "&enable_http_compression=1",
                new byte[0], "Accept-Encoding", method);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Encoding")).contains(method);
        assertThat(r.headers().firstValue("Content-Length")).as("streamed in chunks").isEmpty();
        String body = new String(decode(method, r.body()), StandardCharsets.UTF_8);
        assertThat(body.lines().count()).isEqualTo(200_000);
        assertThat(body).startsWith("0\n1\n2\n").endsWith("\n199999\n");
        assertThat(r.body().length).isLessThan(body.length());
    }

    @Test
    void responsesStayPlainUnlessEnabledAndTheServersPreferenceDecides() throws Exception {
        HttpResponse<byte[]> plain = send(q("SELECT 1"), new byte[0], "Accept-Encoding", "gzip");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(text(plain)).isEqualTo("1\n");
        HttpResponse<byte[]> r = send(q("SELECT 2") + "&enable_http_compression=1", new byte[0],
                "Accept-Encoding", "gzip, deflate, br, zstd");
        assertThat(r.headers().firstValue("Content-Encoding")).contains("zstd");
        assertThat(new String(decode("zstd", r.body()), StandardCharsets.UTF_8)).isEqualTo("2\n");
        HttpResponse<byte[]> unknown = send(q("SELECT 3") + "&enable_http_compression=1", new byte[0], "Accept-Encoding", "identity");
        assertThat(unknown.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(text(unknown)).isEqualTo("3\n");
        // ClickHouse's block framing inside, HTTP compression outside, as a server does.
        HttpResponse<byte[]> both = send(q("SELECT 4") + "&compress=1&enable_http_compression=1", new byte[0], "Accept-Encoding", "gzip");
        byte[] framed = decode("gzip", both.body());
        assertThat(framed.length).isEqualTo(16 + 9 + 2);
        assertThat(new String(framed, 25, 2, StandardCharsets.UTF_8)).isEqualTo("4\n");
    }

    @Test
    void progressHeadersWhenAsked() throws Exception {
        String db = SharedEngine.freshDatabase("enc_progress");
        sql("CREATE TABLE " + db + ".t (a UInt64) ENGINE = MergeTree ORDER BY a");
        sql("INSERT INTO " + db + ".t SELECT number FROM numbers(1000)");
        HttpResponse<byte[]> r = send(q("SELECT sum(a) FROM " + db + ".t") + "&send_progress_in_http_headers=1"
                + "&http_headers_progress_interval_ms=10", new byte[0]);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().allValues("X-ClickHouse-Progress")).hasSize(1);
        // The engine gives its counters once, at the end: the one progress header carries them.
        assertThat(r.headers().firstValue("X-ClickHouse-Progress")).isEqualTo(r.headers().firstValue("X-ClickHouse-Summary"));
        assertThat(r.headers().firstValue("X-ClickHouse-Progress").orElseThrow())
                .matches("\\{\"read_rows\":\"[1-9]\\d*\",\"read_bytes\":\"[1-9]\\d*\",\"written_rows\":\"0\",.*\"elapsed_ns\":\"\\d+\"}");
        assertThat(text(r)).isEqualTo("499500\n");
        assertThat(send(q("SELECT 1"), new byte[0]).headers().firstValue("X-ClickHouse-Progress")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "TabSeparated|text/tab-separated-values; charset=UTF-8",
        "TSVWithNames|text/tab-separated-values; charset=UTF-8",
        "CSV|text/csv; charset=UTF-8; header=absent",
        "CSVWithNames|text/csv; charset=UTF-8; header=present",
        "JSON|application/json; charset=UTF-8",
        "JSONCompact|application/json; charset=UTF-8",
        "JSONEachRow|application/x-ndjson; charset=UTF-8",
        "XML|application/xml; charset=UTF-8",
        "Arrow|application/octet-stream",
        "ArrowStream|application/octet-stream",
        "Parquet|application/octet-stream",
        "ORC|application/octet-stream",
        "Native|application/octet-stream",
        "RowBinaryWithNamesAndTypes|application/octet-stream",
        "Markdown|text/markdown; charset=UTF-8",
        "Pretty|text/plain; charset=UTF-8",
        "Values|text/plain; charset=UTF-8",
    })
    void contentTypeFollowsTheFormat(String format, String contentType) throws Exception {
        HttpResponse<byte[]> byParameter = send(q("SELECT 1 AS x") + "&default_format=" + format, new byte[0]);
        assertThat(byParameter.statusCode()).as(text(byParameter)).isEqualTo(200);
        assertThat(byParameter.headers().firstValue("Content-Type")).contains(contentType);
        HttpResponse<byte[]> byClause = send("", ("SELECT 1 AS x FORMAT " + format).getBytes(StandardCharsets.UTF_8));
        assertThat(byClause.headers().firstValue("Content-Type")).contains(contentType);
        assertThat(byClause.headers().firstValue("X-ClickHouse-Format")).contains(format);
    }

    @Test
    void jsonEachRowAsAnArrayIsJson() throws Exception {
        HttpResponse<byte[]> r = send(q("SELECT 1 AS x FORMAT JSONEachRow") + "&output_format_json_array_of_rows=1", new byte[0]);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json; charset=UTF-8");
    }

    @Test
    void aFailingInlineInsertHasOneErrorTextAndNoInternalPath() throws Exception {
        String db = SharedEngine.freshDatabase("enc_insert_error");
        sql("CREATE TABLE " + db + ".t (a UInt8) ENGINE = Memory");
        HttpResponse<byte[]> r = send(q("INSERT INTO " + db + ".t FORMAT TSV"), "1\n2\nzz\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.headers().firstValue("X-ClickHouse-Exception-Code")).contains("27");
        assertThat(text(r)).isEqualTo("Code: 27. DB::Exception: Cannot parse input: expected '\\n' before: 'zz\\n': (at row 3)\n"
                + ": \nRow 2:\nColumn 0,   name: a, type: UInt8, parsed text: \"2\"\n\n"
                + "Row 3:\nColumn 0,   name: a, type: UInt8, ERROR: text \"zz<LINE FEED>\" is not like UInt8\n\n"
                + ": While executing ParallelParsingBlockInputFormat: data for INSERT was parsed from query."
                + " (CANNOT_PARSE_INPUT_ASSERTION_FAILED) (version " + version() + ")\n");
        HttpResponse<byte[]> parquet = send("", ("INSERT INTO " + db + ".t FORMAT Parquet\ngarbage").getBytes(StandardCharsets.UTF_8));
        assertThat(text(parquet)).isEqualTo("Code: 117. DB::Exception: Parquet file too short: 7 bytes: While executing"
                + " ParquetV3BlockInputFormat: data for INSERT was parsed from query. (INCORRECT_DATA) (version " + version() + ")\n");
        HttpResponse<byte[]> setting = send(q("SELECT 1 SETTINGS no_such_setting_here = 1"), new byte[0]);
        assertThat(text(setting)).isEqualTo("Code: 115. DB::Exception: Unknown setting 'no_such_setting_here'."
                + " (UNKNOWN_SETTING) (version " + version() + ")\n");
        assertThat(text(r) + text(parquet)).doesNotContain("tmp_http").doesNotContain(SharedEngine.get().dataDir().toString());
    }

    @Test
    void nativeOutputKeepsDateTimeZonesForTheClientRevisionItNames() throws Exception {
        String db = SharedEngine.freshDatabase("enc_native");
        sql("CREATE TABLE " + db + ".t (id UInt64, d DateTime('Europe/Berlin'), l LowCardinality(String),"
                + " a Array(Nullable(DateTime('Asia/Tokyo'))), m Map(String, UInt8)) ENGINE = MergeTree ORDER BY id");
        sql("INSERT INTO " + db + ".t SELECT number, toDateTime(number, 'Europe/Berlin'), toString(number % 7),"
                + " [toDateTime(number, 'Asia/Tokyo'), NULL], map('k', number % 5) FROM numbers(50000)");
        String select = q("SELECT id, d, l, a, m FROM " + db + ".t ORDER BY id") + "&max_block_size=4096&default_format=Native";
        // As clickhouse-connect asks: block info before every block, the zone in the type name.
        HttpResponse<byte[]> r = send(select + "&client_protocol_version=54405", new byte[0]);
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        NativeBlocks blocks = NativeBlocks.read(r.body(), true);
        assertThat(blocks.types).containsExactly("UInt64", "DateTime('Europe/Berlin')", "LowCardinality(String)",
                "Array(Nullable(DateTime('Asia/Tokyo')))", "Map(String, UInt8)");
        assertThat(blocks.rows).isEqualTo(50_000);
        assertThat(blocks.count).isGreaterThan(1);
        assertThat(blocks.firstIds).startsWith(0L, 1L, 2L);
        // Without a revision a server, too, writes a top-level DateTime('zone') as DateTime.
        NativeBlocks plain = NativeBlocks.read(send(select, new byte[0]).body(), false);
        assertThat(plain.types.get(1)).isEqualTo("DateTime");
        assertThat(plain.rows).isEqualTo(50_000);
        // The same bytes of data either way.
        assertThat(blocks.dataBytes).isEqualTo(plain.dataBytes);
    }

    @Test
    void nativeForARevisionRefusesTypesItCannotWalk() throws Exception {
        HttpResponse<byte[]> r = send(q("SELECT 1::Dynamic AS x") + "&default_format=Native&client_protocol_version=54405", new byte[0]);
        assertThat(r.headers().firstValue("X-ClickHouse-Exception-Code")).contains("48");
        assertThat(text(r)).isEqualTo("Code: 48. DB::Exception: The embedded server cannot write a column of this type"
                + " (binary type code 0x2b: Dynamic, JSON, Variant, aggregate function states and the like) in Native for"
                + " client_protocol_version > 0. Read it without client_protocol_version, or in another format."
                + " (NOT_IMPLEMENTED) (version " + version() + ")\n");
    }

    /** Reads Native blocks of the columns above (UInt64, DateTime, LowCardinality(String), Array(Nullable(DateTime)), Map). */
    private static final class NativeBlocks {
        final java.util.List<String> types = new java.util.ArrayList<>();
        final java.util.List<Long> firstIds = new java.util.ArrayList<>();
        long rows;
        int count;
        long dataBytes;
        private final java.nio.ByteBuffer in;

        private NativeBlocks(byte[] body) {
            in = java.nio.ByteBuffer.wrap(body).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        }

        static NativeBlocks read(byte[] body, boolean blockInfo) {
            NativeBlocks b = new NativeBlocks(body);
            while (b.in.hasRemaining()) {
                if (blockInfo) {
                    byte[] info = new byte[8];
                    b.in.get(info);
                    assertThat(info).containsExactly(1, 0, 2, -1, -1, -1, -1, 0);
                }
                long columns = b.varUInt();
                long n = b.varUInt();
                for (int c = 0; c < columns; c++) {
                    b.string();
                    String type = b.string();
                    if (b.count == 0) {
                        b.types.add(type);
                    }
                    int start = b.in.position();
                    b.skipColumn(c, n);
                    b.dataBytes += b.in.position() - start;
                }
                b.rows += n;
                b.count++;
            }
            return b;
        }

        private void skipColumn(int column, long n) {
            switch (column) {
                case 0 -> {
                    for (long i = 0; i < n; i++) {
                        long id = in.getLong();
                        if (count == 0 && i < 3) {
                            firstIds.add(id);
                        }
                    }
                }
                case 1 -> in.position(in.position() + (int) (4 * n));
                case 2 -> {
                    in.getLong(); // key version
                    long flags = in.getLong();
                    long keys = in.getLong();
                    for (long i = 0; i < keys; i++) {
                        string();
                    }
                    long indexes = in.getLong();
                    in.position(in.position() + (int) (indexes << (flags & 0xff)));
                }
                case 3 -> {
                    long last = 0;
                    for (long i = 0; i < n; i++) {
                        last = in.getLong();
                    }
                    in.position(in.position() + (int) (last + 4 * last));
                }
                default -> {
                    long last = 0;
                    for (long i = 0; i < n; i++) {
                        last = in.getLong();
                    }
                    for (long i = 0; i < last; i++) {
                        string();
                    }
                    in.position(in.position() + (int) last);
                }
            }
        }

        private long varUInt() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                int b = in.get() & 0xff;
                v |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
        }

        private String string() {
            byte[] b = new byte[(int) varUInt()];
            in.get(b);
            return new String(b, StandardCharsets.UTF_8);
        }
    }
}
