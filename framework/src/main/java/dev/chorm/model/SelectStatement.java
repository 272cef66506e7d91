package dev.chorm.model;

import dev.chorm.types.DataType;
import java.util.List;

/**
 * Hold a SELECT (a QuerySet's, see {@link SelectQuery}) as text to embed in another statement (a view's query, an
 * {@code INSERT ... SELECT}), with what the compiler knows about its result: the name and type of
 * each column, and the tables it reads.
 *
 * <pre>{@code
 * SelectStatement s = QuerySet.of(Event.class).values("port").annotate("n", Count.all()).toSelectStatement();
 * s.sql();       // SELECT `event`.`port`, count() AS `n` FROM `event` GROUP BY `event`.`port`
 * s.columns();   // [port UInt16, n UInt64]
 * }</pre>
 *
 * @param sql the SELECT text, its values written as literals
 * @param columns the result columns in order
 * @param sources the tables the SELECT reads: the QuerySet's model first, then joined models
 */
public record SelectStatement(String sql, List<Column> columns, List<TableRef> sources) implements SelectQuery {
    /**
     * One result column.
     *
     * @param name the column's name in the result
     * @param type its ClickHouse type, or null where the compiler cannot tell (raw SQL, an unknown function)
     */
    public record Column(String name, DataType type) {
        @Override
        public String toString() {
            return name + " " + (type == null ? "?" : type.sql());
        }
    }

    /** Copy the lists. */
    public SelectStatement {
        columns = List.copyOf(columns);
        sources = List.copyOf(sources);
    }

    /** Return this statement. */
    @Override
    public SelectStatement toSelectStatement() {
        return this;
    }
}
