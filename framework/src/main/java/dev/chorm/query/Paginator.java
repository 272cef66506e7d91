package dev.chorm.query;

import dev.chorm.QueryException;

/**
 * Split the rows of a QuerySet into pages of a fixed size, counting them once.
 *
 * <pre>{@code
 * Paginator<Person> pages = people.orderBy("lastName", "firstName").paginate(10);
 * Page<Person> first = pages.page(1);      // LIMIT 10
 * Page<Person> last = pages.page(-1);      // the last page
 * }</pre>
 *
 * @param <T> the row type
 */
public final class Paginator<T> {
    private final QuerySet<T> rows;
    private final int pageSize;
    private Long count;

    Paginator(QuerySet<T> rows, int pageSize) {
        if (pageSize <= 0) {
            throw new QueryException("A page size must be positive, got " + pageSize + ".");
        }
        this.rows = rows;
        this.pageSize = pageSize;
    }

    /** Return the number of rows over all pages (counted on first use). */
    public long count() {
        if (count == null) {
            count = rows.count();
        }
        return count;
    }

    /** Return the number of pages; an empty result still has one (empty) page. */
    public long numPages() {
        return Math.max(1, (count() + pageSize - 1) / pageSize);
    }

    /** Return page {@code number}: 1-based, {@code -1} for the last page. */
    public Page<T> page(long number) {
        long pages = numPages();
        long n = number == -1 ? pages : number;
        if (n < 1 || n > pages) {
            throw new QueryException("Page " + number + " does not exist; there " + (pages == 1 ? "is 1 page" : "are "
                    + pages + " pages") + ".");
        }
        return new Page<>(rows.slice((n - 1) * pageSize, n * pageSize).fetch(), count(), pages, n, pageSize);
    }
}
