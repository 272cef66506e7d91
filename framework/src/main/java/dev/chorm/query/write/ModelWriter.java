package dev.chorm.query.write;

import dev.chorm.QueryException;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.SelectText;
import dev.chorm.query.internal.MissingTable;
import dev.chorm.schema.QueryDatabase;
import dev.chorm.sql.QueryPart;
import dev.chorm.sql.Settings;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Insert, save, update and delete objects of one model: the write half of a QuerySet, usable on its own.
 *
 * <pre>{@code
 * ModelWriter<Event> events = ModelWriter.of(db, Event.class);
 * events.create(new Event());
 * long n = events.withSettings(Map.of("async_insert", 1)).bulkCreate(list, 100_000);
 * }</pre>
 * Rows travel as Native blocks (column-wise; RowBinary for models with JSON columns or nullable
 * DEFAULT fields) through client-v2's streaming insert ({@link QueryDatabase#client()}), one
 * {@code INSERT} per batch, encoded while the request is sent: memory stays bounded by one block
 * ({@link #withBlockSize(int)}) whatever the number of rows. Models extending {@code Model} get their Snowflake id before they are sent;
 * MATERIALIZED and ALIAS columns are left to the server. Instances are immutable and thread-safe.
 */
public final class ModelWriter<T> {
    /** The rows per INSERT when no batch size is given: ClickHouse's own {@code max_insert_block_size}. */
    public static final int DEFAULT_BATCH_SIZE = 1_048_576;
    /**
     * The rows per Native block inside one INSERT when no block size is given: ClickHouse's own
     * {@code max_block_size}. Encoding memory is about one block of encoded rows.
     */
    public static final int DEFAULT_BLOCK_SIZE = 65_536;

    private final QueryDatabase db;
    private final Class<T> model;
    private final Settings settings;
    private final int blockSize;

    private ModelWriter(QueryDatabase db, Class<T> model, Settings settings, int blockSize) {
        this.db = Objects.requireNonNull(db, "db == null");
        this.model = Objects.requireNonNull(model, "model == null");
        this.settings = settings;
        this.blockSize = blockSize;
    }

    /** Return a writer for objects of {@code model} in {@code db}. */
    public static <T> ModelWriter<T> of(QueryDatabase db, Class<T> model) {
        // The model is checked now; what only inserting objects needs (no aggregation state field, an
        // insertable column) when objects are inserted, so that a rollup's writer still updates,
        // deletes and inserts from a QuerySet.
        ModelMeta.of(model);
        return new ModelWriter<>(db, model, Settings.empty(), DEFAULT_BLOCK_SIZE);
    }

    /** Return a copy that sends {@code settings} (added to the database's own) with every statement. */
    public ModelWriter<T> withSettings(Map<String, ?> settings) {
        return withSettings(this.settings.withAll(settings));
    }

    /** Return a copy that sends {@code settings} (instead of this writer's) with every statement. */
    public ModelWriter<T> withSettings(Settings settings) {
        return new ModelWriter<>(db, model, Objects.requireNonNull(settings, "settings == null"), blockSize);
    }

    /**
     * Return a copy that sends Native inserts in blocks of at most {@code rows} rows (default
     * {@link #DEFAULT_BLOCK_SIZE}): the encoder holds one block of encoded values, so this bounds
     * its memory. Models written as RowBinary (JSON columns, nullable DEFAULT fields) ignore it.
     */
    public ModelWriter<T> withBlockSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("the block size must be at least 1 row, got " + rows);
        }
        return new ModelWriter<>(db, model, settings, rows);
    }

    /** Return the settings sent with every statement of this writer. */
    public Settings settings() {
        return settings;
    }

    /** Insert {@code obj} and return it (with its id drawn, if it has a Snowflake id). */
    public T create(T obj) {
        Objects.requireNonNull(obj, "obj == null");
        bulkCreate(List.of(obj), 1);
        return obj;
    }

    /** Insert {@code rows} in batches of {@link #DEFAULT_BATCH_SIZE}; return the number of rows. */
    public long bulkCreate(Iterable<? extends T> rows) {
        return bulkCreate(rows, DEFAULT_BATCH_SIZE);
    }

    /** Insert {@code rows}, one INSERT per {@code batchSize} rows; return the number of rows inserted. */
    public long bulkCreate(Iterable<? extends T> rows, int batchSize) {
        Objects.requireNonNull(rows, "rows == null");
        return insert(rows.iterator(), batchSize);
    }

    /**
     * Insert the rows of {@code rows}, one INSERT per {@code batchSize} rows, consuming the stream
     * lazily (it is not closed); return the number of rows inserted.
     */
    public long bulkCreate(Stream<? extends T> rows, int batchSize) {
        Objects.requireNonNull(rows, "rows == null");
        return insert(rows.iterator(), batchSize);
    }

    /**
     * Save {@code obj}: insert it when its row does not exist yet, else update its row's other columns
     * with a mutation ({@link MutationMode#DEFAULT}). The row is found by the Snowflake id of a
     * {@code Model} (an object whose id was never drawn is always new), or else by the plain columns
     * of the table's sorting key. {@code @AutoNow} fields are set to now. Return {@code obj}.
     */
    public T save(T obj) {
        Objects.requireNonNull(obj, "obj == null");
        new Saver(db, InsertPlan.of(model), settings).save(obj);
        return obj;
    }

    /**
     * Insert the rows of {@code select} with one {@code INSERT INTO table (columns) SELECT ...}, run by
     * the server: each column it selects fills the column of this model with the same name (column or
     * Java field name; a QuerySet names values with {@code values(...)} and {@code annotate(...)}).
     * Settings belong in the SELECT, whose SETTINGS clause the statement ends with ({@code
     * QuerySet.insertFrom} puts the target QuerySet's there); a writer with settings refuses.
     * Return the rows written, as the server counts them.
     *
     * @param select the SELECT, such as a QuerySet's {@code asSelect()}
     * @param sourceModel the model the rows come from, as error messages name it
     * @throws QueryException before any SQL, naming the columns and the fix, when a selected
     *                        name is no insertable column of this model
     */
    public long insertFrom(SelectText select, String sourceModel) {
        Objects.requireNonNull(select, "select == null");
        if (!settings.isEmpty()) {
            throw new QueryException("Cannot insert into " + model.getSimpleName() + " from a QuerySet of " + sourceModel
                    + " with a ModelWriter that has settings " + settings.asMap() + ": the settings of INSERT ... SELECT are the SELECT's; set them on the source QuerySet"
                    + " (source.settings(...)) and call insertFrom on a writer without settings.");
        }
        ModelMeta meta = ModelMeta.of(model);
        String sql = InsertSelect.sql(meta, select, sourceModel);
        try {
            return MutationRunner.executeInsert(db, sql);
        } catch (QueryException e) {
            throw MissingTable.hinted(e, meta, "insert", "writes");
        }
    }

    /**
     * Set {@code values} on the rows matching {@code where} (null: every row): keys are field names,
     * values are Java values (escaped as literals of the column type) or expressions such as
     * {@code F.of("n").plus(1)}. Runs a lightweight {@code UPDATE} where the table supports it, else
     * {@code ALTER TABLE ... UPDATE}; waits as {@code mutations_sync} says.
     */
    public void update(QueryPart where, Map<String, ?> values) {
        update(where, values, MutationMode.DEFAULT);
    }

    /** Set {@code values} on the rows matching {@code where} (null: every row) with the statement {@code mode} picks. */
    public void update(QueryPart where, Map<String, ?> values, MutationMode mode) {
        Objects.requireNonNull(values, "values == null");
        new MutationExecutor(db, ModelMeta.of(model), settings).update(where, values, mode);
    }

    /** Delete the rows matching {@code where} (null: every row) with a lightweight {@code DELETE FROM}. */
    public void delete(QueryPart where) {
        delete(where, MutationMode.DEFAULT);
    }

    /** Delete the rows matching {@code where} (null: every row) with the statement {@code mode} picks. */
    public void delete(QueryPart where, MutationMode mode) {
        new MutationExecutor(db, ModelMeta.of(model), settings).delete(where, Objects.requireNonNull(mode));
    }

    private long insert(Iterator<? extends T> rows, int batchSize) {
        return new BatchInserter(db.client(), InsertPlan.of(model), settings, blockSize).insertAll(rows, batchSize);
    }
}
