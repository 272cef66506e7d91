package dev.chorm.query.write;

import dev.chorm.db.Database;
import dev.chorm.model.ModelField;
import dev.chorm.model.ModelMeta;
import dev.chorm.sql.SqlLiterals;
import dev.chorm.testing.TestEngine;
import dev.chorm.types.ValueReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Open test databases on the shared engine and read model rows back through plain JDBC. */
final class WriteTesting {
    private WriteTesting() {
    }

    /** Open a fresh database named after {@code prefix} with {@code settings}, creating the tables of {@code models}. */
    static Database open(String prefix, Map<String, String> settings, Class<?>... models) {
        String name = TestEngine.freshDatabase(prefix);
        Database db = Database.open("test", TestEngine.shared().jdbcUrl(name), TestEngine.shared().jdbcProperties(),
                settings);
        db.createTables(models);
        return db;
    }

    /** Return every row of {@code model}'s table ordered by {@code orderBy}, built through {@link ValueReader}s. */
    static <T> List<T> readAll(Database db, Class<T> model, String orderBy) {
        ModelMeta meta = ModelMeta.of(model);
        List<ModelField> fields = meta.fields();
        String columns = fields.stream().map(f -> SqlLiterals.quoteIdentifier(f.columnName()))
                .collect(Collectors.joining(", "));
        List<ValueReader> readers = fields.stream().map(f -> ValueReader.of(f.column().type(), f.annotatedType(),
                f.element(), model.getSimpleName() + "." + f.javaName())).toList();
        String sql = "SELECT " + columns + " FROM " + SqlLiterals.quoteIdentifier(meta.table().name())
                + " ORDER BY " + orderBy;
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                Object[] values = new Object[fields.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = readers.get(i).read(rs, i + 1);
                }
                out.add(model.cast(meta.newInstance(values)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Return the single number {@code sql} selects. */
    static long number(Database db, String sql) {
        return ((Number) db.query(sql).get(0).values().iterator().next()).longValue();
    }
}
