package dev.chorm.junit.internal;

import dev.chorm.db.Database;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test databases of one test class, one per alias, in creation order. Closing it (when JUnit
 * closes the class's store) closes the connections and drops the databases the class created,
 * unless they are kept because a test failed.
 */
@SuppressWarnings("deprecation") // CloseableResource: still the one type every JUnit 5 version closes
final class ClassDatabases implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    /**
     * One alias's test database.
     *
     * @param alias the alias
     * @param server where it lives
     * @param admin the server's administrative connection
     * @param database the database name
     * @param db the connection pool on it, with the test settings
     * @param managed whether this class created it (else it belongs to the managed alias)
     * @param cluster the test cluster; empty for a single node
     */
    record Entry(String alias, Server server, Database admin, String database, Database db, boolean managed, String cluster) {
    }

    private final TestSetup setup;
    private final Map<String, Entry> entries = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile boolean failed;
    private volatile boolean kept;
    private volatile boolean methodRan;

    ClassDatabases(TestSetup setup) {
        this.setup = setup;
    }

    /** Return the setup that made these databases. */
    TestSetup setup() {
        return setup;
    }

    void add(Entry entry) {
        entries.put(entry.alias(), entry);
    }

    /** Return the entry of {@code alias}, or null when the class does not use it. */
    Entry entry(String alias) {
        return entries.get(alias);
    }

    /** Return the entries in creation order. */
    List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries.values());
        }
    }

    /** Return the database of {@code alias}, or fail naming the aliases the class has. */
    Database database(String alias, String where) {
        Entry e = entries.get(alias);
        if (e == null) {
            throw new SetupException(("%s asks for alias '%s', which %s does not use (it uses %s)."
                    + " Add it: @ClickhouseTest(databases = {...,\"%s\"}).")
                    .formatted(where, alias, setup.testClass().getSimpleName(), entries.keySet(), alias));
        }
        return e.db();
    }

    /** Remember that a test failed, so that the databases are kept if the user asked for it. */
    void markFailed() {
        failed = true;
    }

    /** Return whether a test method of the class ran already (the first one finds the tables empty). */
    boolean startMethod() {
        boolean ran = methodRan;
        methodRan = true;
        return ran;
    }

    /** Remove every row of every table of the managed databases (the tables stay). */
    void flush() {
        for (Entry e : entries()) {
            if (!e.managed()) {
                continue;
            }
            var editor = e.admin().schemaEditor();
            List<Tables.Table> tables = e.cluster().isEmpty() ? Tables.withRows(e.admin(), e.database())
                    : Tables.of(e.admin(), e.database()).stream().filter(Tables.Table::holdsRows).toList();
            for (Tables.Table t : tables) {
                editor.truncateTable(e.database(), t.name(), t.clusterWide() ? e.cluster() : "");
            }
        }
    }

    /** If a test failed and the user asked for it, keep the databases and return how to reach each; else empty. */
    List<String> keepIfFailed() {
        if (!failed || !setup.keepOnFailure()) {
            return List.of();
        }
        kept = true;
        List<String> out = new ArrayList<>();
        for (Entry e : entries()) {
            if (e.managed()) {
                out.add("Kept test database %s of alias '%s' because a test of %s failed: %s"
                        .formatted(e.database(), e.alias(), setup.testClass().getSimpleName(), e.server().connectHint(e.database())));
            }
        }
        return out;
    }

    @Override
    public void close() {
        List<Entry> reversed = new ArrayList<>(entries());
        Collections.reverse(reversed);
        RuntimeException failure = null;
        for (Entry e : reversed) {
            try {
                e.db().close();
                if (e.managed() && !kept) {
                    // SYNC on a cluster frees the replicas' Keeper paths at once; the embedded engine can stall on it.
                    e.admin().execute(e.admin().schemaEditor().renderer().dropDatabase(e.database(), e.cluster(),
                            !e.cluster().isEmpty()));
                }
            } catch (RuntimeException ex) {
                if (failure == null) {
                    failure = ex;
                } else {
                    failure.addSuppressed(ex);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
