package dev.chorm.query;

import java.util.List;

/**
 * Hold one page of rows, as infi's {@code paginate} returns it.
 *
 * @param objects the rows of this page
 * @param numberOfObjects the number of rows over all pages
 * @param pagesTotal the number of pages (at least 1)
 * @param number this page's number, 1-based
 * @param pageSize the rows per page
 * @param <T> the row type
 */
public record Page<T>(List<T> objects, long numberOfObjects, long pagesTotal, long number, int pageSize) {
    /** Return whether a later page exists. */
    public boolean hasNext() {
        return number < pagesTotal;
    }

    /** Return whether an earlier page exists. */
    public boolean hasPrevious() {
        return number > 1;
    }
}
