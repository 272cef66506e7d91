package dev.chorm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.data.ClickHouseFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Client-v2 RowBinary inserts of any content keep every row: the engine's own inline-data path
 * would cut the body at the first blank line ("\n\n") and silently drop the rest.
 */
class RowBinaryInsertTest {
    private static final int ROWS = 1_000_000;

    @Test
    void millionRowsWithEveryByteValueAndBlankLinesAllArrive() throws Exception {
        String db = SharedEngine.freshDatabase("rowbinary");
        try (Connection c = SharedEngine.connect(db, new Properties()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id UInt64, s String) ENGINE = MergeTree ORDER BY id");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(ROWS * 24);
        long crcSum = 0;
        long lengthSum = 0;
        for (int id = 0; id < ROWS; id++) {
            byte[] value = value(id);
            writeUInt64(body, id);
            body.write(value.length); // every value is shorter than 128 bytes: a one-byte LEB128 length
            body.write(value, 0, value.length);
            CRC32 crc = new CRC32();
            crc.update(value);
            crcSum += crc.getValue();
            lengthSum += value.length;
        }

        try (Client client = new Client.Builder().addEndpoint(SharedEngine.get().httpUrl())
                .setUsername("default").setPassword("").setDefaultDatabase(db).build()) {
            InsertResponse response = client.insert("t", new ByteArrayInputStream(body.toByteArray()),
                    ClickHouseFormat.RowBinary).get();
            assertThat(response.getWrittenRows()).isEqualTo(ROWS);
        }

        try (Connection c = SharedEngine.connect(db, new Properties()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(), sum(id), sum(length(s)), sum(crc32(s)),"
                     + " countIf(position(s, '\\n\\n') > 0) FROM t")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(ROWS);
            assertThat(rs.getLong(2)).isEqualTo((long) ROWS * (ROWS - 1) / 2);
            assertThat(rs.getLong(3)).isEqualTo(lengthSum);
            assertThat(rs.getLong(4)).isEqualTo(crcSum);
            assertThat(rs.getLong(5)).isEqualTo(ROWS / 3 + 1);
        }
    }

    /** Every byte value appears (id % 256 and its neighbours); every third value holds "\n\n". */
    private static byte[] value(int id) {
        int len = id % 17;
        byte[] v = new byte[len + (id % 3 == 0 ? 2 : 0)];
        for (int i = 0; i < len; i++) {
            v[i] = (byte) (id + i * 31);
        }
        if (id % 3 == 0) {
            v[len] = '\n';
            v[len + 1] = '\n';
        } else {
            for (int i = 0; i + 1 < len; i++) {
                if (v[i] == '\n' && v[i + 1] == '\n') {
                    v[i + 1] = 'x'; // keep the "\n\n" count exact
                }
            }
        }
        return v;
    }

    private static void writeUInt64(ByteArrayOutputStream out, long v) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (v >>> (8 * i)) & 0xff);
        }
    }
}
