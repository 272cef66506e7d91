package dev.chorm.junit.internal;

import dev.chorm.db.Database;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A database migrated once per JVM for one alias, whose tables each test class copies (structure
 * only, CREATE TABLE ... AS) so that a class costs a few statements instead of a migration run.
 *
 * <p>As embedded-PostgreSQL test libraries do, the copy for the next class is made in the
 * background while the current class runs ({@link #take}), so that a class usually finds its
 * database ready; a spare copy left at the end is dropped with the template.
 */
final class Template {
    /** Background copies wait on the server; daemon threads, so that they never hold the JVM. */
    private static final ExecutorService COPIES = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "chorm-junit-copy");
        t.setDaemon(true);
        return t;
    });

    private final Database admin;
    private final String database;
    private final List<Tables.Table> tables;
    private CompletableFuture<String> next;

    Template(Database admin, String database, List<Tables.Table> tables) {
        this.admin = admin;
        this.database = database;
        this.tables = List.copyOf(tables);
    }

    /** Return whether every table can be copied; if not, classes are migrated directly. */
    boolean copyable() {
        return tables.stream().allMatch(Tables.Table::copyable);
    }

    /**
     * Return the name of a new database holding empty copies of the tables, named by {@code names}:
     * the one prepared in the background if there is one (else made now), and start preparing the next.
     */
    String take(Supplier<String> names) {
        CompletableFuture<String> mine;
        synchronized (this) {
            mine = next != null ? next : CompletableFuture.completedFuture(null);
            next = CompletableFuture.supplyAsync(() -> copy(names.get()), COPIES);
        }
        try {
            String ready = mine.join();
            return ready != null ? ready : copy(names.get());
        } catch (CompletionException e) {
            // The background copy failed: make this class's copy in its own thread, so that it reports the error.
            return copy(names.get());
        }
    }

    private String copy(String target) {
        var editor = admin.schemaEditor();
        editor.createDatabase(target, "");
        try {
            for (Tables.Table t : tables) {
                editor.createTableAs(target, t.name(), database, t.name(), "");
            }
            return target;
        } catch (RuntimeException e) {
            dropDatabase(target);
            throw e;
        }
    }

    /** Drop the template and the spare copy, if one was made. */
    void drop() {
        CompletableFuture<String> spare;
        synchronized (this) {
            spare = next;
            next = null;
        }
        if (spare != null) {
            try {
                dropDatabase(spare.join());
            } catch (CompletionException e) {
                // Nothing was made, or it failed half-way under a name no class took: the run id keeps it apart.
            }
        }
        dropDatabase(database);
    }

    private void dropDatabase(String name) {
        admin.execute(admin.schemaEditor().renderer().dropDatabase(name, "", false));
    }
}
