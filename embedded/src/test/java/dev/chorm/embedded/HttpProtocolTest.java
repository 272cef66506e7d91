package dev.chorm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.data.ClickHouseCityHash;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** ClickHouse's HTTP interface as any HTTP client sees it, beyond what the driver exercises. */
class HttpProtocolTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<byte[]> post(String params, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SharedEngine.get().httpUrl() + "/?" + params))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String q(String sql) {
        return "query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8);
    }

    @Test
    void pingAnswersOk() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(SharedEngine.get().httpUrl() + "/ping")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("Ok.\n");
    }

    @Test
    void queryInUrlOrBodyWithFormatsAndTheServerHeaders() throws Exception {
        HttpResponse<byte[]> r = post(q("SELECT 1 AS a, 'x' AS b") + "&default_format=JSONEachRow", "");
        assertThat(text(r)).isEqualTo("{\"a\":1,\"b\":\"x\"}\n");
        assertThat(r.headers().firstValue("X-ClickHouse-Timezone")).isPresent();
        assertThat(r.headers().firstValue("X-ClickHouse-Query-Id")).isPresent();
        assertThat(r.headers().firstValue("X-ClickHouse-Summary").orElseThrow()).contains("\"read_rows\"");
        assertThat(text(post("", "SELECT 2"))).isEqualTo("2\n");
        assertThat(text(post(q("SELECT 3 +"), " 4"))).as("query= then a newline then the body").isEqualTo("7\n");
    }

    @Test
    void queryParametersAreBoundByTheEngine() throws Exception {
        String value = URLEncoder.encode("it's {x} ? \\ \u00fc\u2713", StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = post(q("SELECT {v:String}, {n:UInt8} + 1") + "&param_v=" + value + "&param_n=41", "");
        assertThat(text(r)).isEqualTo("it\\'s {x} ? \\\\ \u00fc\u2713\t42\n");
    }

    @Test
    void databaseHeaderAndParameterChooseTheDatabase() throws Exception {
        String db = SharedEngine.freshDatabase("http_db");
        HttpRequest request = HttpRequest.newBuilder(URI.create(SharedEngine.get().httpUrl() + "/?" + q("SELECT currentDatabase()")))
                .header("X-ClickHouse-Database", db).POST(HttpRequest.BodyPublishers.noBody()).build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo(db + "\n");
        assertThat(text(post(q("SELECT currentDatabase()") + "&database=" + db, ""))).isEqualTo(db + "\n");
        assertThat(text(post(q("SELECT currentDatabase()"), ""))).isEqualTo("default\n");
    }

    @Test
    void errorsCarryCodeHeaderStatusAndServerText() throws Exception {
        HttpResponse<byte[]> unknown = post(q("SELECT * FROM nowhere_at_all"), "");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("X-ClickHouse-Exception-Code")).contains("60");
        assertThat(text(unknown)).startsWith("Code: 60. DB::Exception: ");

        HttpResponse<byte[]> syntax = post(q("SELEC 1"), "");
        assertThat(syntax.statusCode()).isEqualTo(400);
        assertThat(syntax.headers().firstValue("X-ClickHouse-Exception-Code")).contains("62");

        HttpResponse<byte[]> setting = post(q("SELECT 1") + "&no_such_setting_anywhere=1", "");
        assertThat(setting.statusCode()).isEqualTo(500);
        assertThat(setting.headers().firstValue("X-ClickHouse-Exception-Code")).contains("115");
        assertThat(text(post(q("SELECT 5"), ""))).as("a failed request leaves nothing behind").isEqualTo("5\n");
    }

    @Test
    void readonlyRefusesWritesAndUnknownSessionsAreReported() throws Exception {
        HttpResponse<byte[]> write = post(q("CREATE TABLE ro_attempt (x UInt8) ENGINE = Memory") + "&readonly=1", "");
        assertThat(write.headers().firstValue("X-ClickHouse-Exception-Code")).contains("164");
        assertThat(text(post(q("SELECT 1") + "&readonly=1", ""))).isEqualTo("1\n");
        HttpResponse<byte[]> session = post(q("SELECT 1") + "&session_id=never-seen&session_check=1", "");
        assertThat(session.headers().firstValue("X-ClickHouse-Exception-Code")).contains("372");
    }

    @Test
    void compressedResponsesAreValidClickHouseBlocks() throws Exception {
        HttpResponse<byte[]> r = post(q("SELECT number FROM numbers(300000)") + "&compress=1&default_format=RowBinary", "");
        ByteBuffer body = ByteBuffer.wrap(r.body()).order(ByteOrder.LITTLE_ENDIAN);
        long rows = 0;
        int blocks = 0;
        while (body.hasRemaining()) {
            long low = body.getLong();
            long high = body.getLong();
            int start = body.position();
            byte method = body.get();
            int size = body.getInt();
            int raw = body.getInt();
            assertThat(method).isEqualTo((byte) 0x02);
            assertThat(size).isEqualTo(raw + 9);
            long[] hash = ClickHouseCityHash.cityHash128(r.body(), start, size);
            assertThat(new long[] {low, high}).isEqualTo(hash);
            ByteBuffer data = ByteBuffer.wrap(Arrays.copyOfRange(r.body(), start + 9, start + size)).order(ByteOrder.LITTLE_ENDIAN);
            while (data.hasRemaining()) {
                assertThat(data.getLong()).isEqualTo(rows++);
            }
            body.position(start + size);
            blocks++;
        }
        assertThat(rows).isEqualTo(300_000);
        assertThat(blocks).isGreaterThan(1);
    }

    @Test
    void insertDataInTheBodyAfterTheFormatName() throws Exception {
        String db = SharedEngine.freshDatabase("http_insert");
        assertThat(post(q("CREATE TABLE " + db + ".t (a UInt32, s String) ENGINE = MergeTree ORDER BY a"), "").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> r = post("", "INSERT INTO " + db + ".t FORMAT CSV\n1,\"one\n\nline\"\n2,two\n");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-ClickHouse-Summary").orElseThrow()).contains("\"written_rows\":\"2\"");
        assertThat(text(post(q("SELECT a, s FROM " + db + ".t ORDER BY a"), ""))).isEqualTo("1\tone\\n\\nline\n2\ttwo\n");
    }
}
