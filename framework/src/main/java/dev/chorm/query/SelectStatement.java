package dev.chorm.query;

import dev.chorm.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * Hold the SELECT of a {@link QuerySet} as another statement embeds it: {@code INSERT INTO t (...)
 * SELECT ...} ({@link QuerySet#insertFrom}) or {@code CREATE [MATERIALIZED] VIEW ... AS SELECT ...}.
 *
 * <p>Values are inlined as escaped literals (chorm binds no parameters), and columns are selected as
 * stored, without the forms that reading rows back into Java needs ({@code hex(...)} of a
 * {@code byte[]} field), so the statement's column types are the table's:
 * <pre>{@code
 * SelectStatement s = db.objects(Event.class).values("minute").annotate("hits", Count.all().state()).asSelect();
 * s.sql();        // SELECT `minute`, countState() AS `hits` FROM `event` GROUP BY `minute`
 * s.names();      // [minute, hits]
 * }</pre>
 *
 * @param sql the SELECT statement, with its SETTINGS clause if the QuerySet has settings
 * @param columns the selected columns in order
 */
public record SelectStatement(String sql, List<Column> columns) {
    /**
     * Name one selected column.
     *
     * @param name the name the column has in the result: its alias, or the column it selects as it is
     * @param type its ClickHouse type, or null when chorm cannot tell (the engine then decides)
     */
    public record Column(String name, DataType type) {
        /** Check the name. */
        public Column {
            Objects.requireNonNull(name, "name == null");
        }
    }

    /** Copy the columns. */
    public SelectStatement {
        Objects.requireNonNull(sql, "sql == null");
        columns = List.copyOf(columns);
    }

    /** Return the names of the selected columns, in order. */
    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }
}
