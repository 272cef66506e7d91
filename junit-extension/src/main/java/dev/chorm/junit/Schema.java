package dev.chorm.junit;

/** Say where the tables of a test database come from. */
public enum Schema {
    /** Apply the project's migrations ({@code db/clickhouse/<app>/NNNN_name.json} on the classpath). */
    MIGRATIONS,
    /** Create the tables straight from the models, without migrations. */
    MODELS
}
