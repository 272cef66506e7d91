package dev.chorm.embedded;

import static dev.chorm.embedded.TypeRoundTripTest.assertRoundTrip;
import static dev.chorm.embedded.TypeRoundTripTest.quote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.embedded.TypeRoundTripTest.Column;
import dev.chorm.embedded.TypeRoundTripTest.Value;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Date, Date32, DateTime and DateTime64(0..9) with and without a column time zone, through the
 * harness of {@link TypeRoundTripTest}, at the edges of their ranges and at full sub-second
 * precision. {@code getObject} gives a {@link Timestamp} (or {@link java.sql.Date}) holding the
 * wall-clock time in the column's zone; the typed getter is {@code getObject(i, ZonedDateTime.class)},
 * which must give the exact instant in the column's zone (the server's zone for zone-less columns).
 */
class TypeRoundTripTemporalTest {
    private static final String KOLKATA = "Asia/Kolkata";
    /** The last instant the driver can send as {@code fromUnixTimestamp64Nano(<Int64>)}. */
    private static final Instant LAST_INT64_NANO = Instant.ofEpochSecond(0, Long.MAX_VALUE);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static Connection connection;
    private static ZoneId serverZone;

    @BeforeAll
    static void open() throws SQLException {
        connection = SharedEngine.connect(SharedEngine.freshDatabase("temporal_types"), new Properties());
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT serverTimezone()")) {
            rs.next();
            serverZone = ZoneId.of(rs.getString(1));
        }
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    private static Value date(String text) {
        LocalDate d = LocalDate.parse(text);
        return new Value(quote(text), d, java.sql.Date.valueOf(d), d);
    }

    private static Column dates(String type, String... texts) {
        return TypeRoundTripTest.column(type, (ps, i, x) -> ps.setDate(i, java.sql.Date.valueOf((LocalDate) x)),
                (rs, i) -> rs.getObject(i, LocalDate.class), Stream.of(texts).map(TypeRoundTripTemporalTest::date).toArray(Value[]::new));
    }

    /**
     * A DateTime[64] value given by its wall-clock time in {@code zone}, written as a string literal
     * (read in the column's zone), and bound as an instant with setObject(ZonedDateTime) and with
     * setTimestamp(Timestamp.from(instant)). Driver limitation: the driver sends
     * instants (ZonedDateTime, Instant, LocalDateTime, Timestamp) as
     * {@code fromUnixTimestamp64Nano(n)}, which cannot hold instants after
     * 2262-04-11T23:47:16.854775807Z: such a value is silently stored wrong (2299-12-31 23:59:59
     * comes back as 1715-06-13). Those values are bound as their wall-clock text with setString.
     */
    private static Value wallClock(LocalDateTime wall, ZoneId zone, int precision) {
        ZonedDateTime at = wall.atZone(zone);
        String text = SECONDS.format(wall) + (precision == 0 ? "" : "." + String.format("%09d", wall.getNano()).substring(0, precision));
        Object bind = at.toInstant().isAfter(LAST_INT64_NANO) ? text : at;
        return new Value(quote(text), bind, Timestamp.valueOf(wall), at);
    }

    /**
     * setTimestamp with the value's instant. Driver limitation: setTimestamp(i, ts, calendar)
     * ignores the calendar (it sends {@code ts.toInstant()}, the wall clock read in the JVM's
     * zone), so a wall-clock time in the column's zone cannot be bound as a Timestamp.
     */
    private static void setTimestamp(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof String text) {
            ps.setString(index, text);
        } else {
            ps.setTimestamp(index, Timestamp.from(((ZonedDateTime) value).toInstant()));
        }
    }

    private static Column dateTimes(String type, ZoneId zone, int precision, List<LocalDateTime> walls) {
        List<Value> values = walls.stream().map(w -> wallClock(w, zone, precision)).toList();
        return new Column(type, values, TypeRoundTripTemporalTest::setTimestamp, (rs, i) -> rs.getObject(i, ZonedDateTime.class));
    }

    /** DateTime: from the epoch to 2106-02-07T06:28:15Z, shown in the column's zone. */
    private static Column dateTime(String zoneName) {
        ZoneId zone = zoneName == null ? serverZone : ZoneId.of(zoneName);
        String type = zoneName == null ? "DateTime" : "DateTime('" + zoneName + "')";
        List<LocalDateTime> walls = Stream.of(Instant.EPOCH, Instant.ofEpochSecond(4294967295L),
                        Instant.parse("2024-02-29T12:34:56Z"), Instant.parse("2000-01-01T00:00:00Z"))
                .map(i -> LocalDateTime.ofInstant(i, zone)).toList();
        return dateTimes(type, zone, 0, walls);
    }

    /** DateTime64(p): 1900-01-01 to 2299-12-31 (p = 9: to the last Int64 nanosecond), at full precision. */
    private static Column dateTime64(int precision, String zoneName) {
        ZoneId zone = zoneName == null ? serverZone : ZoneId.of(zoneName);
        String type = zoneName == null ? "DateTime64(" + precision + ")" : "DateTime64(" + precision + ", '" + zoneName + "')";
        LocalDateTime max = precision == 9 ? LocalDateTime.ofInstant(LAST_INT64_NANO, zone)
                : LocalDateTime.parse("2299-12-31T23:59:59.999999999");
        List<LocalDateTime> walls = new ArrayList<>();
        walls.add(LocalDateTime.parse("1900-01-01T00:00:00"));
        walls.add(max);
        walls.add(LocalDateTime.parse("2024-02-29T12:34:56.123456789"));
        walls.add(LocalDateTime.parse("1969-12-31T23:59:59.999999999"));
        walls.add(LocalDateTime.parse("1970-01-01T00:00:00.000000001"));
        long unit = (long) Math.pow(10, 9 - precision);
        return dateTimes(type, zone, precision, walls.stream().map(w -> w.withNano((int) (w.getNano() / unit * unit))).toList());
    }

    static Stream<Arguments> temporals() {
        Stream<Column> fixed = Stream.of(
                dates("Date", "1970-01-01", "2149-06-06", "2024-02-29", "2000-01-01"),
                dates("Date32", "1900-01-01", "2299-12-31", "1969-12-31", "1970-01-01", "2024-02-29"),
                dateTime(null),
                dateTime(KOLKATA),
                dateTime("UTC"));
        Stream<Column> precise = IntStream.rangeClosed(0, 9).boxed()
                .flatMap(p -> Stream.of(dateTime64(p, null), dateTime64(p, KOLKATA)));
        return Stream.concat(fixed, precise).map(Column::arguments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("temporals")
    void temporalsRoundTrip(String type, Column column) throws SQLException {
        assertRoundTrip(connection, column);
    }

    @ParameterizedTest(name = "Nullable({0})")
    @MethodSource("temporals")
    void nullableTemporalsRoundTrip(String type, Column column) throws SQLException {
        assertRoundTrip(connection, column.nullable());
    }

    /** Sub-second digits beyond the column's precision are cut, as ClickHouse does, on every path. */
    @Test
    void extraFractionDigitsAreTruncated() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE truncated (id UInt8, v DateTime64(3, 'UTC')) ENGINE = MergeTree ORDER BY id");
            s.execute("INSERT INTO truncated VALUES (1, '2024-02-29 12:34:56.123999999')");
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO truncated VALUES (?, ?)")) {
                ps.setInt(1, 2);
                ps.setObject(2, Instant.parse("2024-02-29T12:34:56.123999999Z"));
                ps.executeUpdate();
            }
            try (ResultSet rs = s.executeQuery("SELECT v FROM truncated ORDER BY id")) {
                for (int row = 1; row <= 2; row++) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getObject(1, Instant.class)).isEqualTo(Instant.parse("2024-02-29T12:34:56.123Z"));
                }
            }
        }
    }

    /**
     * session_timezone changes the zone of zone-less DateTime values. A ClickHouse server reports
     * the query's effective zone in X-ClickHouse-Timezone (executeQuery sets it from
     * DateLUT::instance() after applying the query's settings), and the driver decodes zone-less
     * values in that zone.
     */
    @Test
    void sessionTimezoneSettingDecidesTheZoneOfZonelessValues() throws SQLException {
        Properties settings = new Properties();
        settings.setProperty("clickhouse_setting_session_timezone", KOLKATA);
        ZonedDateTime expected = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneId.of(KOLKATA));
        try (Connection c = SharedEngine.connect(SharedEngine.freshDatabase("session_tz"), settings);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (v DateTime, w DateTime64(3)) ENGINE = MergeTree ORDER BY v");
            s.execute("INSERT INTO t VALUES ('2020-01-01 00:00:00', '2020-01-01 00:00:00.5')");
            try (ResultSet rs = s.executeQuery("SELECT v, w, timezone(), toString(v) FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(3)).isEqualTo(KOLKATA);
                assertThat(rs.getString(4)).isEqualTo("2020-01-01 00:00:00");
                // (Object) casts: AssertJ compares ZonedDateTimes by instant only; the zone matters here.
                assertThat((Object) rs.getObject(1, ZonedDateTime.class)).isEqualTo(expected);
                assertThat((Object) rs.getObject(2, ZonedDateTime.class)).isEqualTo(expected.withNano(500_000_000));
                assertThat(rs.getObject(1)).isEqualTo(Timestamp.valueOf("2020-01-01 00:00:00"));
            }
        }
    }

    @Test
    void sessionTimezoneInASettingsClauseDecidesTheZoneOfZonelessValues() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT toDateTime('2020-01-01 00:00:00') AS v SETTINGS session_timezone = 'Asia/Kolkata'")) {
            assertThat(rs.next()).isTrue();
            assertThat((Object) rs.getObject(1, ZonedDateTime.class)).isEqualTo(ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneId.of(KOLKATA)));
        }
    }
}
