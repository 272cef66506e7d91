package dev.chorm.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.data.ClickHouseFormat;
import dev.chorm.testing.TestEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Round-trip every type through the real engine: DDL from {@link TypeMapper}, rows written by
 * {@link RowBinaryWriter} through client-v2, read back by JDBC and {@link ValueReader}.
 */
class TypeRoundTripEngineTest {
    private static String db;

    @BeforeAll
    static void createDatabase() {
        db = TestEngine.freshDatabase("types");
    }

    @Test
    void roundTripsEdgeValuesOfEveryType() throws Exception {
        List<AllTypes> rows = AllTypes.rows();
        List<Field> fields = fields(AllTypes.class);
        roundTrip("all_types", AllTypes.class, fields, rows);
    }

    @Test
    void typesReadBackFromSystemColumnsEqualTheMappedOnes() throws Exception {
        List<Field> fields = fields(AllTypes.class);
        Map<String, DataType> expected = createTable("columns_check", fields);
        try (Connection c = TestEngine.connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, type FROM system.columns WHERE database = '" + db
                     + "' AND table = 'columns_check' AND name != 'row' ORDER BY position")) {
            Map<String, DataType> actual = new LinkedHashMap<>();
            while (rs.next()) {
                actual.put(rs.getString(1), DataType.parse(rs.getString(2)));
                assertThat(DataType.parse(rs.getString(2)).sql()).isEqualTo(rs.getString(2));
            }
            expected.forEach((name, type) -> assertThat(actual.get(name)).as(name).isEqualTo(type));
            assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        }
    }

    static <T> void roundTrip(String table, Class<T> type, List<Field> fields, List<T> rows) throws Exception {
        Map<String, DataType> columns = createTable(table, fields);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<ValueEncoder> encoders = new ArrayList<>();
        columns.values().forEach(t -> encoders.add(RowBinaryWriter.encoder(t)));
        try (RowBinaryWriter w = new RowBinaryWriter(bytes)) {
            for (int r = 0; r < rows.size(); r++) {
                w.writeInt32(r);
                for (int i = 0; i < fields.size(); i++) {
                    encoders.get(i).encode(w, fields.get(i).get(rows.get(r)));
                }
            }
        }
        try (Client client = TestEngine.client(db)) {
            InsertSettings settings = new InsertSettings().serverSetting("input_format_binary_read_json_as_string", "1");
            client.insert(table, new ByteArrayInputStream(bytes.toByteArray()), ClickHouseFormat.RowBinary, settings)
                    .get(60, TimeUnit.SECONDS).close();
        }
        List<ValueReader> readers = new ArrayList<>();
        List<DataType> types = new ArrayList<>(columns.values());
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            readers.add(ValueReader.of(types.get(i), f.getAnnotatedType(), f, type.getSimpleName() + "." + f.getName()));
        }
        try (Connection c = TestEngine.connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY row")) {
            int r = 0;
            while (rs.next()) {
                for (int i = 0; i < fields.size(); i++) {
                    Object read = readers.get(i).read(rs, i + 2);
                    Object written = fields.get(i).get(rows.get(r));
                    assertThat(read).as("row %d, %s %s", r, fields.get(i).getName(), types.get(i))
                            .usingRecursiveComparison()
                            .withEqualsForType(Double::equals, Double.class)
                            .withEqualsForType(Float::equals, Float.class)
                            .isEqualTo(written);
                }
                r++;
            }
            assertThat(r).isEqualTo(rows.size());
        }
    }

    static Map<String, DataType> createTable(String table, List<Field> fields) throws Exception {
        Map<String, DataType> columns = new LinkedHashMap<>();
        StringBuilder ddl = new StringBuilder("CREATE TABLE " + table + " (row Int32");
        for (Field f : fields) {
            DataType t = TypeMapper.map(f, "AllTypes." + f.getName());
            columns.put(f.getName(), t);
            ddl.append(", `").append(f.getName()).append("` ").append(t.sql());
        }
        ddl.append(") ENGINE = MergeTree ORDER BY row");
        try (Connection c = TestEngine.connect(db); Statement s = c.createStatement()) {
            s.execute(ddl.toString());
        }
        return columns;
    }

    static List<Field> fields(Class<?> type) {
        List<Field> out = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                f.setAccessible(true);
                out.add(f);
            }
        }
        return out;
    }
}
