package dev.chorm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.data.ClickHouseCityHash;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code decompress=1} bodies: every block is checked before its data is used. */
class CompressedRequestTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static byte[] frame(String sql) {
        byte[] data = sql.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(25 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.position(16);
        b.put((byte) 0x02).putInt(data.length + 9).putInt(data.length).put(data);
        long[] hash = ClickHouseCityHash.cityHash128(b.array(), 16, data.length + 9);
        b.putLong(0, hash[0]).putLong(8, hash[1]);
        return b.array();
    }

    private static HttpResponse<String> post(byte[] body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(SharedEngine.get().httpUrl() + "/?decompress=1"))
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aValidFrameRunsAndEveryBrokenOneIsRefusedWithItsReason() throws Exception {
        assertThat(post(frame("SELECT 40 + 2")).body()).isEqualTo("42\n");
        byte[] wrongSum = frame("SELECT 1");
        wrongSum[3] ^= 1;
        assertThat(post(wrongSum).body()).startsWith("Code: 271.").contains("checksum");
        byte[] huge = frame("SELECT 1");
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(17, Integer.MAX_VALUE);
        assertThat(post(huge).body()).startsWith("Code: 271.").contains("declares 2147483647 bytes");
        byte[] zero = frame("SELECT 1");
        ByteBuffer.wrap(zero).order(ByteOrder.LITTLE_ENDIAN).putInt(17, 0);
        assertThat(post(zero).body()).startsWith("Code: 271.").contains("declares 0 bytes");
        byte[] cut = Arrays.copyOf(frame("SELECT 1"), 20);
        assertThat(post(cut).body()).startsWith("Code: 271.").contains("cut short");
        assertThat(post(frame("SELECT 7")).body()).isEqualTo("7\n");
    }
}
