package dev.chorm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * 100,000 rows of {@code (id UInt64, s String)} in one JDBC {@code executeBatch}, where every
 * {@code s} holds every byte value 0..255 (rotated by the id) followed by {@code "\n\n"} and the
 * id. Even rows are bound with setString (chars U+0000..U+00FF, so the SQL text carries raw NUL,
 * CR, LF, quotes and backslashes, and UTF-8 for U+0080..U+00FF); odd rows with setBytes (the
 * driver sends {@code unhex('...')}, so the stored bytes are exactly 0x00..0xFF). The result is
 * checked in SQL (count, total length, CRC-32 sum, equality with the value rebuilt in SQL) against
 * the same figures computed in Java, and every row is read back through the driver.
 */
class TypeRoundTripBulkTest {
    private static final int ROWS = 100_000;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    /** Text of an even row: chars (b + id) mod 256 for b in 0..255, then "\n\n" and the id. */
    private static String text(long id) {
        StringBuilder sb = new StringBuilder(270);
        for (int b = 0; b < 256; b++) {
            sb.append((char) ((b + id) % 256));
        }
        return sb.append("\n\n").append(id).toString();
    }

    /** Bytes of an odd row: bytes (b + id) mod 256 for b in 0..255, then "\n\n" and the id. */
    private static byte[] bytes(long id) {
        byte[] suffix = ("\n\n" + id).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[256 + suffix.length];
        for (int b = 0; b < 256; b++) {
            out[b] = (byte) ((b + id) % 256);
        }
        System.arraycopy(suffix, 0, out, 256, suffix.length);
        return out;
    }

    /** The stored bytes of row {@code id}. */
    private static byte[] stored(long id) {
        return id % 2 == 0 ? text(id).getBytes(StandardCharsets.UTF_8) : bytes(id);
    }

    /** The same value rebuilt in SQL from the id alone. */
    private static final String EXPECTED_IN_SQL = """
            concat(arrayStringConcat(arrayMap(b -> if(id % 2 = 0 AND b >= 128, char(192 + intDiv(b, 64), 128 + b % 64), char(b)),
                                              arrayMap(x -> (x + id) % 256, range(256)))),
                   '\\n\\n', toString(id))""";

    @Test
    void hundredThousandRowsWithEveryByteValueSurviveExecuteBatch() throws SQLException {
        String db = SharedEngine.freshDatabase("bulk");
        long javaLength = 0;
        long javaCrc = 0;
        try (Connection c = SharedEngine.connect(db, new Properties()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id UInt64, s String) ENGINE = MergeTree ORDER BY id");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, s) VALUES (?, ?)")) {
                for (long id = 0; id < ROWS; id++) {
                    ps.setLong(1, id);
                    if (id % 2 == 0) {
                        ps.setString(2, text(id));
                    } else {
                        ps.setBytes(2, bytes(id));
                    }
                    ps.addBatch();
                    byte[] value = stored(id);
                    javaLength += value.length;
                    CRC32 crc = new CRC32();
                    crc.update(value);
                    javaCrc += crc.getValue();
                }
                assertThat(ps.executeBatch()).hasSize(ROWS);
            }

            try (ResultSet rs = s.executeQuery("SELECT count(), sum(length(s)), sum(crc32(s)), countIf(s = "
                    + EXPECTED_IN_SQL + "), uniqExact(s) FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("count()").isEqualTo(ROWS);
                assertThat(rs.getLong(2)).as("sum(length(s))").isEqualTo(javaLength);
                assertThat(rs.getLong(3)).as("sum(crc32(s))").isEqualTo(javaCrc);
                assertThat(rs.getLong(4)).as("rows equal to the value rebuilt in SQL").isEqualTo(ROWS);
                assertThat(rs.getLong(5)).as("distinct values").isEqualTo(ROWS);
            }

            // Every row back through the driver: text rows as strings, byte rows as hex (the
            // driver decodes String columns as UTF-8, which 0x80..0xFF alone are not).
            try (ResultSet rs = s.executeQuery("SELECT id, if(id % 2 = 0, s, hex(s)) FROM t ORDER BY id")) {
                long expectedId = 0;
                while (rs.next()) {
                    long id = rs.getLong(1);
                    assertThat(id).isEqualTo(expectedId++);
                    String expected = id % 2 == 0 ? text(id) : HEX.formatHex(bytes(id));
                    String actual = rs.getString(2);
                    if (!expected.equals(actual)) {
                        assertThat(actual).as("row %d", id).isEqualTo(expected);
                    }
                }
                assertThat(expectedId).isEqualTo(ROWS);
            }
        }
    }
}
