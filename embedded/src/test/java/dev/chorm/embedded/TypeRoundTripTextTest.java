package dev.chorm.embedded;

import static dev.chorm.embedded.TypeRoundTripTest.assertRoundTrip;
import static dev.chorm.embedded.TypeRoundTripTest.column;
import static dev.chorm.embedded.TypeRoundTripTest.quote;
import static dev.chorm.embedded.TypeRoundTripTest.v;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.embedded.TypeRoundTripTest.Column;
import dev.chorm.embedded.TypeRoundTripTest.Value;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * String-like types through the embedded engine and the official driver, with the harness of
 * {@link TypeRoundTripTest}: String (NUL bytes, {@code "\n\n"}, quotes, backslashes, tabs,
 * 4-byte UTF-8), FixedString with NUL padding, UUID, IPv4, IPv6, Enum8/Enum16 by label and by
 * value, LowCardinality, every byte value 0..255, and every ClickHouse string-literal syntax.
 */
class TypeRoundTripTextTest {
    private static final String ENUM8 = "Enum8('neg' = -128, 'zero' = 0, 'pos' = 127)";
    private static final String ENUM16 = "Enum16('lo' = -32768, 'it\\'s' = 1, 'hi' = 32767)";

    private static Connection connection;

    @BeforeAll
    static void open() throws SQLException {
        connection = SharedEngine.connect(SharedEngine.freshDatabase("text_types"), new Properties());
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    private static Value s(String value) {
        return v(quote(value), value);
    }

    /** A FixedString value: written short, read back padded with NUL bytes. */
    private static Value fixed(String written, String read) {
        return new Value(quote(written), written, read, read);
    }

    private static Value uuid(String text) {
        UUID u = UUID.fromString(text);
        return new Value(quote(text), u, u, u);
    }

    /**
     * An IP value: getObject gives the driver's InetAddress, getString the driver's text for it,
     * which is Java's (uncompressed for IPv6: {@code 2001:db8:0:0:0:ff00:42:8329}).
     */
    private static Value ip(String text) {
        try {
            InetAddress address = InetAddress.getByName(text);
            return new Value(quote(text), address, address, address.getHostAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An enum value: written by label or by number, read as the label, getInt gives the number. */
    private static Value enumValue(String literal, Object bind, String label, int number) {
        return new Value(literal, bind, label, number);
    }

    static Stream<Arguments> scalars() {
        return Stream.of(
                column("String", (ps, i, x) -> ps.setString(i, (String) x), ResultSet::getString,
                        s(""), s("a\0b"), s("\0"), s("\n\n"), s("\n\nx\n\n"), s("it's"), s("\"double\""),
                        s("back\\slash\\"), s("tab\there"), s("\r\n"), s("emoji 😀 and 𝄞"), s("ünïcödé ✓"),
                        s("'; SELECT 1; --"), s("FORMAT Values"), s("\\N"), s("NULL"), s("x".repeat(100_000)),
                        // the same kinds of characters written with escape sequences
                        new Value("'a\\0b\\n\\n\\t\\\\\\''", "a\0b\n\n\t\\'", "a\0b\n\n\t\\'", "a\0b\n\n\t\\'"),
                        new Value("'\\xF0\\x9F\\x98\\x80'", "😀", "😀", "😀")),
                column("FixedString(4)", (ps, i, x) -> ps.setString(i, (String) x), ResultSet::getString,
                        fixed("abcd", "abcd"), fixed("ab", "ab\0\0"), fixed("", "\0\0\0\0"), fixed("a\0\0b", "a\0\0b"),
                        fixed("😀", "😀"), fixed("\n\n", "\n\n\0\0")),
                column("FixedString(1)", (ps, i, x) -> ps.setString(i, (String) x), ResultSet::getString,
                        fixed("x", "x"), fixed("\0", "\0"), fixed("", "\0")),
                column("UUID", (ps, i, x) -> ps.setString(i, x.toString()), (rs, i) -> rs.getObject(i, UUID.class),
                        uuid("00000000-0000-0000-0000-000000000000"), uuid("ffffffff-ffff-ffff-ffff-ffffffffffff"),
                        uuid("123e4567-e89b-12d3-a456-426614174000")),
                column("IPv4", (ps, i, x) -> ps.setString(i, ((InetAddress) x).getHostAddress()), ResultSet::getString,
                        ip("0.0.0.0"), ip("255.255.255.255"), ip("10.1.2.3")),
                column("IPv6", (ps, i, x) -> ps.setString(i, ((InetAddress) x).getHostAddress()), ResultSet::getString,
                        ip("::"), ip("::1"), ip("2001:db8::ff00:42:8329"), ip("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")),
                column(ENUM8, TypeRoundTripTextTest::setEnum, ResultSet::getInt,
                        enumValue("'neg'", "neg", "neg", -128), enumValue("-128", -128, "neg", -128),
                        enumValue("'zero'", "zero", "zero", 0), enumValue("127", 127, "pos", 127)),
                column(ENUM16, TypeRoundTripTextTest::setEnum, ResultSet::getInt,
                        enumValue("'lo'", "lo", "lo", -32768), enumValue("32767", 32767, "hi", 32767),
                        enumValue("'it\\'s'", "it's", "it's", 1), enumValue("1", 1, "it's", 1))
        ).map(Column::arguments);
    }

    private static void setEnum(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Integer number) {
            ps.setInt(index, number);
        } else {
            ps.setString(index, (String) value);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scalars")
    void scalarsRoundTrip(String type, Column column) throws SQLException {
        assertRoundTrip(connection, column);
    }

    @ParameterizedTest(name = "Nullable({0})")
    @MethodSource("scalars")
    void nullableScalarsRoundTrip(String type, Column column) throws SQLException {
        assertRoundTrip(connection, column.nullable());
    }

    @Test
    void lowCardinalityStringsRoundTrip() throws SQLException {
        Value[] values = {s(""), s("a"), s("a"), s("😀"), s("\n\n"), s("a\0b")};
        assertRoundTrip(connection, column("LowCardinality(String)", (ps, i, x) -> ps.setString(i, (String) x),
                ResultSet::getString, values));
        Value[] withNull = Stream.concat(Stream.of(values), Stream.of(new Value("NULL", null, null, null))).toArray(Value[]::new);
        assertRoundTrip(connection, column("LowCardinality(Nullable(String))", (ps, i, x) -> ps.setString(i, (String) x),
                ResultSet::getString, withNull));
    }

    /**
     * Driver limitation: Java's InetAddress turns an IPv4-mapped IPv6 address into an
     * Inet4Address, so getObject cannot show that the column holds {@code ::ffff:1.2.3.4}; the
     * stored form is checked in SQL.
     */
    @Test
    void ipv4MappedIpv6IsStoredAsIpv6() throws SQLException, UnknownHostException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE mapped (id UInt8, v IPv6) ENGINE = MergeTree ORDER BY id");
            s.execute("INSERT INTO mapped VALUES (1, '::ffff:1.2.3.4')");
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO mapped VALUES (?, ?)")) {
                ps.setInt(1, 2);
                ps.setObject(2, InetAddress.getByName("::ffff:1.2.3.4")); // an Inet4Address, sent as '1.2.3.4'
                ps.executeUpdate();
            }
            try (ResultSet rs = s.executeQuery("SELECT id, v, toString(v) = '::ffff:1.2.3.4', v = toIPv6('1.2.3.4') FROM mapped ORDER BY id")) {
                for (int id = 1; id <= 2; id++) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getObject(2)).isEqualTo(InetAddress.getByName("1.2.3.4"));
                    assertThat(rs.getBoolean(3)).as("stored as ::ffff:1.2.3.4, row %d", id).isTrue();
                    assertThat(rs.getBoolean(4)).isTrue();
                }
            }
        }
    }

    /**
     * Every byte value 0..255, in String and FixedString(256), written with setBytes (the driver
     * sends {@code unhex('...')}), with {@code '\xNN'} escapes and with raw bytes in the SQL text.
     * Driver limitation: getString and getBytes decode String columns as UTF-8, so the 128 bytes
     * 0x80..0xFF come back as U+FFFD; the stored bytes are checked with {@code hex()} in SQL.
     */
    @Test
    void everyByteValueIsStoredExactly() throws SQLException {
        byte[] all = new byte[256];
        StringBuilder escaped = new StringBuilder("'");
        for (int b = 0; b < 256; b++) {
            all[b] = (byte) b;
            escaped.append(String.format("\\x%02X", b));
        }
        escaped.append('\'');
        String hex = HexFormat.of().withUpperCase().formatHex(all);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE all_bytes (id UInt8, v String, f FixedString(256)) ENGINE = MergeTree ORDER BY id");
            s.execute("INSERT INTO all_bytes VALUES (1, " + escaped + ", " + escaped + ")");
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO all_bytes VALUES (?, ?, ?)")) {
                ps.setInt(1, 2);
                ps.setBytes(2, all);
                ps.setBytes(3, all);
                ps.executeUpdate();
                ps.setInt(1, 3);
                ps.setBytes(2, all);
                ps.setBytes(3, all);
                ps.addBatch();
                ps.executeBatch();
            }
            try (ResultSet rs = s.executeQuery("SELECT id, hex(v), length(v), hex(f), v = f FROM all_bytes ORDER BY id")) {
                for (int id = 1; id <= 3; id++) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(2)).as("hex(v) of row %d", id).isEqualTo(hex);
                    assertThat(rs.getLong(3)).isEqualTo(256);
                    assertThat(rs.getString(4)).as("hex(f) of row %d", id).isEqualTo(hex);
                    assertThat(rs.getBoolean(5)).isTrue();
                }
                assertThat(rs.next()).isFalse();
            }
        }
    }

    /**
     * Each of ClickHouse's string-literal syntaxes must reach the engine as one statement and read
     * back as written, both in a SELECT and in an INSERT.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stringLiterals")
    void everyStringLiteralSyntaxRoundTrips(String literal, String expected) throws SQLException {
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT " + literal + " AS v")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("String");
                assertThat(rs.getString(1)).isEqualTo(expected);
            }
            String table = "literal_" + Integer.toHexString(literal.hashCode());
            s.execute("CREATE TABLE " + table + " (v String) ENGINE = MergeTree ORDER BY tuple()");
            s.execute("INSERT INTO " + table + " VALUES (" + literal + ")");
            try (ResultSet rs = s.executeQuery("SELECT v FROM " + table)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(expected);
            }
        }
    }

    static Stream<Arguments> stringLiterals() {
        return Stream.of(
                Arguments.of("'it''s'", "it's"),
                Arguments.of("'it\\'s'", "it's"),
                Arguments.of("'\\x41\\x42'", "AB"),
                Arguments.of("'a\\0b'", "a\0b"),
                Arguments.of("'semi; colon'", "semi; colon"),
                Arguments.of("'-- not a comment; x'", "-- not a comment; x"),
                Arguments.of("'/* not a comment */; x'", "/* not a comment */; x"),
                Arguments.of("'ends with a backslash \\\\'", "ends with a backslash \\"),
                Arguments.of("x'4142'", "AB"),
                Arguments.of("b'0100000101000010'", "AB"),
                // ClickHouse comments nest: the ';' below is inside the outer comment.
                Arguments.of("/* outer /* inner */ ; */ 'after nested comments'", "after nested comments"),
                // Heredoc literals: $$...$$ and $tag$...$tag$.
                Arguments.of("$$heredoc; with a semicolon$$", "heredoc; with a semicolon"),
                Arguments.of("$tag$x; 'quoted' \\n$tag$", "x; 'quoted' \\n"),
                Arguments.of("$$don't$$", "don't"));
    }
}
