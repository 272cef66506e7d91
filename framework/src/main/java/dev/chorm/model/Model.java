package dev.chorm.model;

/**
 * Give a model class a synthetic {@code id Int64} column whose value a Snowflake generator fills.
 *
 * <pre>{@code
 * @MergeTree(orderBy = {"timestamp", "id"})
 * public class Event extends Model { public Instant timestamp; }
 * }</pre>
 *
 * <p>The id is drawn lazily, the first time {@link #id()} is called (chorm's insert path calls it),
 * so rows read from the database keep their stored id and never consume a new one.
 */
public abstract class Model {
    /** The column of the synthetic id; 0 means "not drawn yet". */
    private long id;

    /** Create a model whose id is drawn on first use. */
    protected Model() {
    }

    /** Return the id, drawing it from {@link SnowflakeIdGenerator#defaultGenerator()} if it is not set yet. */
    public long id() {
        if (id == 0) {
            id = SnowflakeIdGenerator.defaultGenerator().nextId();
        }
        return id;
    }

    /** Set the id explicitly, for example to a value read from the database. */
    public void setId(long id) {
        this.id = id;
    }

    /** Return whether an id has been drawn or set. */
    public boolean hasId() {
        return id != 0;
    }
}
