package dev.chorm.query;

import dev.chorm.QueryException;

/** Signal that {@link QuerySet#get()} found more than one row; the message says how many (at most 21 are counted). */
public class MultipleObjectsReturned extends QueryException {
    private static final long serialVersionUID = 1L;

    /** Create the exception for {@code model} and the number of rows found ({@code 21} means "21 or more"). */
    public MultipleObjectsReturned(Class<?> model, int found) {
        super("get() returned more than one " + model.getSimpleName() + " -- it returned "
                + (found > 20 ? "more than 20" : String.valueOf(found)) + "!");
    }
}
