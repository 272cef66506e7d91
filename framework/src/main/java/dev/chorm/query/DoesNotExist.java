package dev.chorm.query;

import dev.chorm.QueryException;

/** Signal that {@link QuerySet#get()} found no row; the message names the model. */
public class DoesNotExist extends QueryException {
    private static final long serialVersionUID = 1L;

    /** Create the exception for {@code model}. */
    public DoesNotExist(Class<?> model) {
        super(model.getSimpleName() + " matching query does not exist.");
    }
}
