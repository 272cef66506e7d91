package dev.chorm.embedded;

import static dev.chorm.embedded.TypeRoundTripTest.assertRoundTrip;
import static dev.chorm.embedded.TypeRoundTripTest.column;
import static dev.chorm.embedded.TypeRoundTripTest.normalize;
import static dev.chorm.embedded.TypeRoundTripTest.quote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.embedded.TypeRoundTripTest.Column;
import dev.chorm.embedded.TypeRoundTripTest.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Array (3 deep, Nullable elements, empty arrays), Tuple (plain, named, nested), Map and the
 * native JSON type through the harness of {@link TypeRoundTripTest}. The driver gives arrays as
 * {@code java.sql.Array}, tuples as {@code Object[]}, maps as {@code LinkedHashMap} and JSON as
 * a {@code Map} from dotted paths to values; results are compared after
 * {@link TypeRoundTripTest#normalize} turns arrays into lists.
 */
class TypeRoundTripCompositeTest {
    private static Connection connection;

    @BeforeAll
    static void open() throws SQLException {
        connection = SharedEngine.connect(SharedEngine.freshDatabase("composite_types"), new Properties());
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    /** A value bound as {@code bind} whose getObject and typed results equal {@code expected}. */
    private static Value c(String literal, Object bind, Object expected) {
        return new Value(literal, bind, expected, expected);
    }

    /** A map entry that may hold null (Map.entry may not). */
    private static <K, V> Map.Entry<K, V> e(K key, V value) {
        return new AbstractMap.SimpleEntry<>(key, value);
    }

    @SafeVarargs
    private static <K, V> Map<K, V> map(Map.Entry<K, V>... entries) {
        Map<K, V> m = new LinkedHashMap<>();
        for (Map.Entry<K, V> e : entries) {
            m.put(e.getKey(), e.getValue());
        }
        return m;
    }

    private static java.sql.Struct struct(String type, Object... attributes) {
        try {
            return connection.createStruct(type, attributes);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An array column, bound with setArray(createArrayOf(elementType, ...)) and read with getArray. */
    private static Column array(String type, String elementType, Value... values) {
        return column(type, (ps, i, x) -> ps.setArray(i, ps.getConnection().createArrayOf(elementType, (Object[]) x)),
                ResultSet::getArray, values);
    }

    /** An array value: bound as the Java array {@code elements}, read back as the same elements. */
    private static Value a(String literal, Object[] elements) {
        return c(literal, elements, elements);
    }

    private static Stream<Column> arrays() {
        return Stream.of(
                array("Array(Array(Array(Nullable(Int32))))", "Array(Array(Nullable(Int32)))",
                        a("[[[1, NULL], []], [[NULL]], []]", new Integer[][][] {{{1, null}, {}}, {{null}}, {}}),
                        a("[]", new Integer[0][][]),
                        a("[[[]]]", new Integer[][][] {{{}}}),
                        a("[[[-2147483648, 2147483647, 0]]]", new Integer[][][] {{{Integer.MIN_VALUE, Integer.MAX_VALUE, 0}}})),
                array("Array(Nullable(String))", "Nullable(String)",
                        a("['a\\'b', NULL, '\\n\\n', '😀', '', 'a\\0b']", new String[] {"a'b", null, "\n\n", "😀", "", "a\0b"}),
                        a("[]", new String[0])),
                array("Array(Decimal(38, 10))", "Decimal(38, 10)",
                        a("[-1.5, 9999999999999999999999999999.9999999999]",
                                new BigDecimal[] {new BigDecimal("-1.5000000000"), new BigDecimal("9999999999999999999999999999.9999999999")})));
    }

    /** A tuple column, bound with setObject(Struct) and read as Object[]. */
    private static Column tuple(String type, Value... values) {
        return column(type, PreparedStatement::setObject, ResultSet::getObject, values);
    }

    private static Stream<Column> tuples() {
        String plain = "Tuple(Int8, String, IPv4)";
        String named = "Tuple(a Int8, b String)";
        String deep = "Tuple(a Nullable(String), b Array(UInt8), c Tuple(d Decimal(9, 2), e Bool))";
        String inner = "Tuple(d Decimal(9, 2), e Bool)";
        return Stream.of(
                tuple(plain,
                        c("(-128, 'x', '1.2.3.4')", struct(plain, (byte) -128, "x", ip("1.2.3.4")), List.of((byte) -128, "x", ip("1.2.3.4"))),
                        c("(127, '', '255.255.255.255')", struct(plain, (byte) 127, "", ip("255.255.255.255")),
                                List.of((byte) 127, "", ip("255.255.255.255")))),
                tuple(named,
                        c("(1, 'it\\'s\\n\\n')", struct(named, (byte) 1, "it's\n\n"), List.of((byte) 1, "it's\n\n"))),
                tuple(deep,
                        c("(NULL, [0, 255], (-1.5, true))",
                                struct(deep, null, new Short[] {0, 255}, struct(inner, new BigDecimal("-1.50"), true)),
                                Arrays.asList(null, List.of((short) 0, (short) 255), List.of(new BigDecimal("-1.50"), true))),
                        c("('😀', [], (9999999.99, false))",
                                struct(deep, "😀", new Short[0], struct(inner, new BigDecimal("9999999.99"), false)),
                                List.of("😀", List.of(), List.of(new BigDecimal("9999999.99"), false)))));
    }

    /** A map column, bound with setObject(Map) and read with getObject(i, Map.class). */
    private static Column mapColumn(String type, Value... values) {
        return column(type, PreparedStatement::setObject, (rs, i) -> rs.getObject(i, Map.class), values);
    }

    private static Stream<Column> maps() {
        Map<String, BigInteger> unsigned = map(e("a", new BigInteger("18446744073709551615")), e("", BigInteger.ZERO), e("it's", BigInteger.ONE));
        Map<String, Long> nullable = map(e("null", null), e("min", Long.MIN_VALUE));
        return Stream.of(
                mapColumn("Map(String, UInt64)",
                        c("{'a': 18446744073709551615, '': 0, 'it\\'s': 1}", unsigned, unsigned),
                        c("{}", Map.of(), Map.of())),
                // UInt8 keys are bound as Integer and read back as Short.
                mapColumn("Map(UInt8, Array(String))",
                        c("{1: ['x', 'y'], 255: [], 0: ['\\n\\n', '']}",
                                map(e(1, List.of("x", "y")), e(255, List.of()), e(0, List.of("\n\n", ""))),
                                map(e((short) 1, List.of("x", "y")), e((short) 255, List.of()), e((short) 0, List.of("\n\n", ""))))),
                mapColumn("Map(String, Nullable(Int64))",
                        c("{'null': NULL, 'min': -9223372036854775808}", nullable, nullable)));
    }

    static Stream<Arguments> composites() {
        return Stream.of(arrays(), tuples(), maps()).flatMap(c -> c).map(Column::arguments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("composites")
    void compositesRoundTrip(String type, Column column) throws SQLException {
        assertRoundTrip(connection, column);
    }

    private static final String JSON_NESTED = "{\"a\": {\"b\": 42, \"c\": [1, 2, 3]}, \"s\": \"x\\ny 'q' \\\\ \\u00e9😀\","
            + " \"f\": 1.5, \"t\": true, \"n\": null}";
    private static final String JSON_DEEP = "{\"a\": {\"b\": {\"c\": -1.5, \"d\": \"x\"}}, \"arr\": [{\"c\": 1}, {\"d\": \"two\"}],"
            + " \"big\": 18446744073709551615, \"neg\": -9223372036854775808, \"e\": []}";

    private static Value json(String text, Map<String, Object> expected) {
        return new Value(quote(text), text, expected, expected);
    }

    /**
     * The native JSON type. getObject gives a Map whose keys are the dotted paths of the leaves
     * (nested objects are flattened, {@code null} leaves are absent); arrays of objects keep their
     * objects as maps.
     */
    @Test
    void jsonRoundTripsAsPathsAndValues() throws SQLException {
        Map<String, Object> nested = map(e("a.b", 42L), e("a.c", List.of(1L, 2L, 3L)),
                e("s", "x\ny 'q' \\ é😀"), e("f", 1.5d), e("t", true));
        Map<String, Object> deep = map(e("a.b.c", -1.5d), e("a.b.d", "x"),
                e("arr", List.of(Map.of("c", 1L), Map.of("d", "two"))),
                e("big", new BigInteger("18446744073709551615")), e("neg", Long.MIN_VALUE), e("e", List.of()));
        assertRoundTrip(connection, column("JSON", (ps, i, x) -> ps.setString(i, (String) x), (rs, i) -> rs.getObject(i, Map.class),
                json(JSON_NESTED, nested), json(JSON_DEEP, deep), json("{}", Map.of())));
    }

    /** The stored JSON as ClickHouse prints it, and typed access to its paths. */
    @Test
    void jsonIsStoredAsWritten() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE json_text (id UInt8, j JSON) ENGINE = MergeTree ORDER BY id");
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO json_text VALUES (?, ?)")) {
                ps.setInt(1, 1);
                ps.setString(2, JSON_NESTED);
                ps.executeUpdate();
            }
            try (ResultSet rs = s.executeQuery("SELECT toString(j), j.a.b, j.a.c, j.s, dynamicType(j.a.b), j.^a FROM json_text")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("{\"a\":{\"b\":42,\"c\":[1,2,3]},\"f\":1.5,\"s\":\"x\\ny 'q' \\\\ é😀\",\"t\":true}");
                assertThat(rs.getMetaData().getColumnTypeName(2)).isEqualTo("Dynamic");
                assertThat(rs.getObject(2)).isEqualTo(42L);
                assertThat(normalize(rs.getObject(3))).isEqualTo(List.of(1L, 2L, 3L));
                assertThat(rs.getObject(4)).isEqualTo("x\ny 'q' \\ é😀");
                assertThat(rs.getString(5)).isEqualTo("Int64");
                assertThat(normalize(rs.getObject(6))).isEqualTo(Map.of("b", 42L, "c", List.of(1L, 2L, 3L)));
            }
        }
    }
}
