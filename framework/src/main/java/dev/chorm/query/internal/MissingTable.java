package dev.chorm.query.internal;

import dev.chorm.model.ModelMeta;
import dev.chorm.QueryException;

/**
 * The likely fix of ClickHouse's "unknown table" (code 60) on a model's statement: the migrations
 * have not been applied to this database yet, which a bare code 60 does not say. Reads
 * ({@link QueryRunner}) and writes ({@code query.write}) add the same text, written here once.
 */
public final class MissingTable {
    /** ClickHouse's code for a table (or database) that does not exist. */
    public static final int CODE = 60;

    private MissingTable() {
    }

    /**
     * Return the line to add to the message of a code-60 failure of {@code statement} ("query",
     * "insert", "update", "delete") on {@code model}'s table, which it {@code verb}s ("reads", "writes").
     */
    public static String hint(ModelMeta model, String statement, String verb) {
        String table = model.table().database().isEmpty() ? model.table().name()
                : model.table().database() + "." + model.table().name();
        return "\nA table that this " + statement + " of model " + model.modelClass().getName() + " (table " + table
                + ") " + verb + " does not exist: apply the migrations first with `mvn clickhouse:migrate`,"
                + " or Migrations.builder(config, db, loader, directory).build().migrate(MigrateOptions.latest()) in code.";
    }

    /** Return {@code e} with the {@link #hint} added when it is a code-60 failure, else {@code e} itself. */
    public static QueryException hinted(QueryException e, ModelMeta model, String statement, String verb) {
        return e.errorCode() != CODE ? e
                : new QueryException(e.getMessage() + hint(model, statement, verb), e.errorCode(), e.getCause());
    }
}
