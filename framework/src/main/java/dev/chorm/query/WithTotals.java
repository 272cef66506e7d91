package dev.chorm.query;

import java.util.List;

/**
 * Hold the rows of a grouped query and its totals row: the same aggregates over all matching rows,
 * with the grouping values NULL (what ClickHouse's {@code WITH TOTALS} computes).
 *
 * @param rows the rows, as the query's order and limits give them
 * @param totals the totals row, or null when the query matched nothing
 * @param <T> the row type
 */
public record WithTotals<T>(List<T> rows, T totals) {
}
