package dev.chorm.model;

import dev.chorm.types.DataType;
import java.util.List;

/**
 * Hold a SELECT as another statement embeds it ({@code CREATE [MATERIALIZED] VIEW ... AS},
 * {@code INSERT INTO t (...) SELECT ...}), with what is known of its result: the name and type of each
 * column (types null, or no columns at all, when only the engine can tell: SQL text) and the tables it
 * reads. A QuerySet gives one ({@code asSelect()}: values inlined as escaped literals, columns as
 * stored, without the forms reading rows back into Java needs); {@link ViewReader} makes one from a
 * view's SQL text.
 *
 * <pre>{@code
 * SelectText s = QuerySet.of(Event.class).values("port").annotate("n", Count.all()).selectText();
 * s.columns();   // [port UInt16, n UInt64]
 * s.sources();   // [event]
 * }</pre>
 *
 * @param sql the SELECT text, its values written as literals
 * @param columns the result columns in order
 * @param sources the tables the SELECT reads: the QuerySet's model first, then joined models
 */
public record SelectText(String sql, List<Column> columns, List<TableRef> sources) implements SelectQuery {
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
    public SelectText {
        columns = List.copyOf(columns);
        sources = List.copyOf(sources);
    }

    /** Return the names of the result columns, in order. */
    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /** Return this text. */
    @Override
    public SelectText selectText() {
        return this;
    }
}
