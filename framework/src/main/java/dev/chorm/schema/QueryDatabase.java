package dev.chorm.schema;

import com.clickhouse.client.api.Client;
import javax.sql.DataSource;

/**
 * The database a QuerySet, a raw query or a write runs on, as the query side needs it. It is an
 * interface so that the query floor stands below {@code dev.chorm.db}: {@code Database} implements
 * it and hands itself to {@link dev.chorm.query.QuerySet#of(QueryDatabase, Class)} from
 * {@code db.objects(...)}. It lives on the schema floor, below {@code query} and its
 * {@code internal} and {@code write} parts, so that every one of them can take it.
 */
public interface QueryDatabase {
    /** Return the connection pool that SELECTs run on. */
    DataSource dataSource();

    /** Return the client-v2 client that inserts stream through and mutations run on. */
    Client client();

    /** Return the storage profile {@code model}'s table is rendered for on this database. */
    StorageProfile profileOf(Class<?> model);
}
