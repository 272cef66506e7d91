package dev.chorm.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import dev.chorm.testing.TestEngine;
import dev.chorm.wire.NativeBlock;
import dev.chorm.wire.NativeBlockReader;
import dev.chorm.wire.NativeValues;
import dev.chorm.wire.NativeColumn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Round-trip every type chorm supports except JSON (which inserts as RowBinary) through the Native
 * codec and the real engine: rows of edge values encoded by {@link NativeBlock} in blocks of one and
 * two rows (so LowCardinality dictionaries, array offsets and null maps restart mid-stream), posted
 * as {@code FORMAT Native}, read back by JDBC and {@link ValueReader}, compared with what was written;
 * then read back as Native by {@link NativeBlockReader} through the same readers, compared with both.
 */
class NativeRoundTripEngineTest {
    /** The AllTypes columns that Native reads leave to JDBC: none (add one here when a type stops being decodable). */
    private static final String[] UNDECODED = {};

    @Test
    void everyTypeRoundTripsThroughNativeBlocks() throws Exception {
        String db = TestEngine.freshDatabase("native_types");
        List<Field> fields = TypeRoundTripEngineTest.fields(AllTypes.class).stream()
                .filter(f -> !f.getName().equals("json")).toList();
        List<DataType> types = new ArrayList<>();
        StringBuilder ddl = new StringBuilder("CREATE TABLE native_types (row Int32");
        for (Field f : fields) {
            DataType t = TypeMapper.map(f, "AllTypes." + f.getName());
            types.add(t);
            ddl.append(", `").append(f.getName()).append("` ").append(t.sql());
        }
        ddl.append(") ENGINE = MergeTree ORDER BY row");
        try (Connection c = TestEngine.connect(db); Statement s = c.createStatement()) {
            s.execute(ddl.toString());
        }
        List<AllTypes> rows = new ArrayList<>(AllTypes.rows());
        rows.addAll(AllTypes.rows());

        List<String> names = new ArrayList<>(List.of("row"));
        List<NativeColumn> columns = new ArrayList<>(List.of(NativeColumn.of(DataType.int32())));
        for (int i = 0; i < fields.size(); i++) {
            names.add(fields.get(i).getName());
            columns.add(NativeColumn.of(types.get(i)));
        }
        NativeBlock block = new NativeBlock(names, columns);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RowBinaryWriter w = new RowBinaryWriter(bytes)) {
            for (int r = 0; r < rows.size(); r++) {
                block.column(0).add(r);
                for (int i = 0; i < fields.size(); i++) {
                    block.column(i + 1).add(fields.get(i).get(rows.get(r)));
                }
                block.endRow();
                if (r == 0 || r == 2 || r == 4) { // blocks of 1, 2, 2 and 1 rows
                    block.writeTo(w);
                }
            }
            block.writeTo(w);
        }
        try (Client client = TestEngine.client(db)) {
            client.insert("native_types", new ByteArrayInputStream(bytes.toByteArray()), ClickHouseFormat.Native,
                    new InsertSettings()).get(60, TimeUnit.SECONDS).close();
        }

        List<ValueReader> readers = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            readers.add(ValueReader.of(types.get(i), f.getAnnotatedType(), f, "AllTypes." + f.getName()));
        }
        List<Object[]> viaJdbc = new ArrayList<>();
        try (Connection c = TestEngine.connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM native_types ORDER BY row")) {
            int r = 0;
            while (rs.next()) {
                assertThat(rs.getInt(1)).isEqualTo(r);
                Object[] values = new Object[fields.size()];
                for (int i = 0; i < fields.size(); i++) {
                    values[i] = readers.get(i).read(rs, i + 2);
                    assertThat(values[i]).as("row %d, %s %s", r, fields.get(i).getName(), types.get(i))
                            .usingRecursiveComparison()
                            .withEqualsForType(Double::equals, Double.class)
                            .withEqualsForType(Float::equals, Float.class)
                            .isEqualTo(fields.get(i).get(rows.get(r)));
                }
                viaJdbc.add(values);
                r++;
            }
            assertThat(r).isEqualTo(rows.size());
        }

        // The Native read path: the same rows decoded by NativeBlockReader, through the same converters,
        // in blocks of two rows, must give the objects the JDBC path gave (and that were written). Reads
        // of the types the decoder leaves to JDBC (queries fall back for them) are listed, so that a type
        // that stops being decodable fails here.
        List<Integer> decoded = new ArrayList<>();
        List<String> leftToJdbc = new ArrayList<>();
        StringBuilder select = new StringBuilder("SELECT row");
        for (int i = 0; i < fields.size(); i++) {
            if (NativeBlockReader.decodable(types.get(i))) {
                decoded.add(i);
                select.append(", `").append(fields.get(i).getName()).append('`');
            } else {
                leftToJdbc.add(types.get(i).sql());
            }
        }
        assertThat(leftToJdbc).as("types Native reads leave to JDBC").containsExactlyInAnyOrder(UNDECODED);
        QuerySettings settings = new QuerySettings().setFormat(ClickHouseFormat.Native);
        try (Client client = TestEngine.client(db);
             QueryResponse response = client.query(select + " FROM native_types ORDER BY row"
                     + " SETTINGS max_block_size = 2", settings).get(60, TimeUnit.SECONDS)) {
            NativeBlockReader reader = new NativeBlockReader(response.getInputStream());
            int r = 0;
            while (reader.next()) {
                for (int row = 0; row < reader.rows(); row++, r++) {
                    assertThat(reader.column(0).getLong(row)).isEqualTo(r);
                    for (int c = 0; c < decoded.size(); c++) {
                        int i = decoded.get(c);
                        NativeValues column = reader.column(c + 1);
                        Object read = readers.get(i).convert(column.value(row));
                        assertThat(read).as("Native row %d, %s %s", r, fields.get(i).getName(), column.type())
                                .usingRecursiveComparison()
                                .withEqualsForType(Double::equals, Double.class)
                                .withEqualsForType(Float::equals, Float.class)
                                .isEqualTo(viaJdbc.get(r)[i])
                                .isEqualTo(fields.get(i).get(rows.get(r)));
                    }
                }
            }
            assertThat(r).isEqualTo(rows.size());
        }
    }
}
