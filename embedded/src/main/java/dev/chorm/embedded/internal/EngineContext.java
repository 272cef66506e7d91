package dev.chorm.embedded.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's one global context (settings, current database, temporary tables) and the work of
 * switching it between requests, so that every request runs with exactly the baseline captured
 * at start-up plus its session's settings plus its own URL settings.
 *
 * <p>Isolation rests on three rules. (1) The server's own queries (the temporary-table list, the
 * DDL of a temporary table, its rows) run only after {@link #restoreBaseline}, so no session's
 * {@code limit}, {@code offset}, {@code max_*} or output setting can shape them. (2) Settings
 * are put back with one {@code SET name = baseline, ...}; the engine's configuration
 * ({@link EngineConfig}) keeps every setting that could stop such a statement from parsing or
 * running ({@code allow_ddl}, {@code dialect}, parser limits) out of clients' reach, and
 * {@code readonly} is never set in the global context ({@link StatementGuard} and the query's
 * own SETTINGS carry it). (3) Database and temporary-table state change only after the statement
 * that changes them succeeded. Callers hold the engine lease for every method here.
 */
final class EngineContext {
    private final Map<String, String> baseline;
    /** Settings in force on top of the baseline: name to the SQL literal applied. */
    private final Map<String, String> applied = new LinkedHashMap<>();
    /** The engine's current database, or null when a failed USE left it unknown. */
    private String database = "default";
    /** The session whose temporary tables are live in the engine, or null. */
    private Session owner;
    private final Path scratchDir;

    private EngineContext(Map<String, String> baseline, Path scratchDir) {
        this.baseline = baseline;
        this.scratchDir = scratchDir;
    }

    /** Capture the baseline settings of a freshly opened engine; temporary tables park in {@code scratchDir}. */
    static EngineContext capture(Engine.Lease engine, Path scratchDir) {
        return new EngineContext(readSettings(engine), scratchDir);
    }

    /** Make the engine run with {@code session}'s state (null for none) plus {@code requestSettings}. */
    void enter(Engine.Lease engine, Session session, Map<String, String> requestSettings, String requestDatabase) {
        if (owner != session) {
            switchTemporaryTables(engine, session);
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        if (session != null) {
            wanted.putAll(session.settings);
        }
        requestSettings.forEach((name, value) -> wanted.put(name, Sql.quoteString(value)));
        apply(engine, wanted);
        String db = requestDatabase != null ? requestDatabase
                : session != null && session.database != null ? session.database : "default";
        if (!db.equals(database)) {
            database = null; // if USE fails, the next request must not trust the engine's database
            engine.execute("USE " + Sql.quoteIdentifier(db));
            database = db;
        }
    }

    /** Return the {@code session_timezone} in force, if one is set. */
    Optional<String> sessionTimezone() {
        String zone = Sql.literalValue(applied.get("session_timezone"));
        return zone == null || zone.isEmpty() ? Optional.empty() : Optional.of(zone);
    }

    /**
     * Run a {@code SET} for {@code session} (null: for this request only) and record it.
     * {@code readonly} is kept by the server; {@code name = DEFAULT} returns to the baseline.
     */
    void set(Engine.Lease engine, Session session, Map<String, String> assignments) {
        Map<String, String> engineAssignments = new LinkedHashMap<>();
        assignments.forEach((name, literal) -> {
            if (name.startsWith("param_")) {
                throw new EngineException(115, "Code: 115. DB::Exception: SET " + name + " is not supported by the embedded"
                        + " server: pass query parameters as URL parameters (" + name + "=...). (UNKNOWN_SETTING)");
            }
            if (!name.equals("readonly")) {
                engineAssignments.put(name, literal.equalsIgnoreCase("DEFAULT") ? baselineLiteral(name) : literal);
            }
        });
        if (!engineAssignments.isEmpty()) {
            runSet(engine, engineAssignments);
            applied.putAll(engineAssignments);
        }
        if (session == null) {
            return;
        }
        assignments.forEach((name, literal) -> {
            if (name.equals("readonly")) {
                session.readonly = StatementGuard.readonlyLevel(Sql.literalValue(literal));
            } else if (literal.equalsIgnoreCase("DEFAULT")) {
                session.settings.remove(name);
            } else {
                session.settings.remove(name);
                session.settings.put(name, literal);
            }
        });
    }

    /** Record the database that a successful {@code USE} chose. */
    void afterUse(Session session, String chosen) {
        database = chosen;
        if (session != null) {
            session.database = chosen;
        }
    }

    /** Record the temporary tables that exist after a statement that may have created some. */
    void afterTemporaryTableChange(Engine.Lease engine, Session session) {
        restoreBaseline(engine);
        List<String> names = temporaryTableNames(engine);
        if (session != null) {
            session.temporaryTables.clear();
            session.temporaryTables.addAll(names);
        } else {
            // Without a session a temporary table lives for its query only, as on a server.
            names.forEach(name -> engine.execute("DROP TEMPORARY TABLE IF EXISTS " + Sql.quoteIdentifier(name)));
        }
    }

    /** Forget an expired session; drop its temporary tables wherever they are. */
    void discard(Engine.Lease engine, Session session) {
        if (owner == session) {
            session.temporaryTables.forEach(name -> engine.execute("DROP TEMPORARY TABLE IF EXISTS " + Sql.quoteIdentifier(name)));
            owner = null;
        }
        session.parkedTables.values().forEach(p -> deleteQuietly(p.rows()));
        session.parkedTables.clear();
    }

    /** Put every setting back to its baseline value: the state the server's own queries need. */
    void restoreBaseline(Engine.Lease engine) {
        if (applied.isEmpty()) {
            return;
        }
        Map<String, String> reset = new LinkedHashMap<>();
        applied.keySet().forEach(name -> reset.put(name, baselineLiteral(name)));
        applied.clear();
        engine.execute("SET " + assignmentList(reset));
    }

    /** Change the engine from the applied settings to {@code wanted} with one SET. */
    private void apply(Engine.Lease engine, Map<String, String> wanted) {
        Map<String, String> changes = new LinkedHashMap<>();
        applied.keySet().forEach(name -> {
            if (!wanted.containsKey(name)) {
                changes.put(name, baselineLiteral(name));
            }
        });
        wanted.forEach((name, literal) -> {
            if (!literal.equals(applied.get(name))) {
                changes.put(name, literal);
            }
        });
        if (changes.isEmpty()) {
            return;
        }
        runSet(engine, changes);
        applied.clear();
        applied.putAll(wanted);
    }

    /** Run {@code SET changes}; when it fails, the engine is put back to the baseline first. */
    private void runSet(Engine.Lease engine, Map<String, String> changes) {
        try {
            engine.execute("SET " + assignmentList(changes));
        } catch (EngineException e) {
            // A SET may have applied part of its list before a bad value stopped it.
            changes.keySet().forEach(name -> applied.putIfAbsent(name, ""));
            applied.keySet().removeIf(name -> !baseline.containsKey(name));
            restoreBaseline(engine);
            throw e;
        }
    }

    /**
     * Return {@code a = x, b = y}, with {@code compatibility} first: it changes many settings at
     * once, and settings named after it must win over what it changed.
     */
    private static String assignmentList(Map<String, String> assignments) {
        List<String> parts = new ArrayList<>();
        String compatibility = assignments.get("compatibility");
        if (compatibility != null) {
            parts.add("compatibility = " + compatibility);
        }
        assignments.forEach((name, literal) -> {
            if (!name.equals("compatibility")) {
                parts.add(Sql.quoteIdentifier(name) + " = " + literal);
            }
        });
        return String.join(", ", parts);
    }

    private String baselineLiteral(String name) {
        String value = baseline.get(name);
        return value == null ? "DEFAULT" : Sql.quoteString(value);
    }

    /** Park the live temporary tables of the current owner and bring back {@code next}'s. */
    private void switchTemporaryTables(Engine.Lease engine, Session next) {
        boolean park = owner != null && !owner.temporaryTables.isEmpty();
        boolean unpark = next != null && !next.parkedTables.isEmpty();
        if (park || unpark) {
            restoreBaseline(engine);
        }
        if (park) {
            parkTemporaryTables(engine, owner);
        }
        owner = next;
        if (unpark) {
            restoreTemporaryTables(engine, next);
        }
    }

    /**
     * Move {@code session}'s live temporary tables out of the engine: their DDL to the session,
     * their rows (Native, exact for every type) to a private file of the server's scratch folder,
     * which no client can read (the engine has no file access for clients).
     */
    private void parkTemporaryTables(Engine.Lease engine, Session session) {
        for (String name : temporaryTableNames(engine)) {
            if (!session.temporaryTables.contains(name)) {
                continue;
            }
            String ddl = engine.queryText("SHOW CREATE TEMPORARY TABLE " + Sql.quoteIdentifier(name), "TSVRaw").strip();
            Path rows;
            try (EngineResult result = engine.query(("SELECT * FROM " + Sql.quoteIdentifier(name))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), "Native", Map.of())) {
                rows = Files.createTempFile(scratchDir, "parked-", ".native");
                try (OutputStream out = Files.newOutputStream(rows)) {
                    result.writeTo(out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot park temporary table " + name + " of session " + session.id, e);
            }
            engine.execute("DROP TEMPORARY TABLE " + Sql.quoteIdentifier(name));
            session.parkedTables.put(name, new Session.Parked(ddl, rows));
        }
        session.temporaryTables.clear();
    }

    private void restoreTemporaryTables(Engine.Lease engine, Session session) {
        session.parkedTables.forEach((name, parked) -> {
            engine.execute(parked.createStatement());
            engine.execute("INSERT INTO " + Sql.quoteIdentifier(name) + " FROM INFILE "
                    + Sql.quoteString(parked.rows().toAbsolutePath().toString()) + " COMPRESSION 'none' FORMAT Native");
            deleteQuietly(parked.rows());
            session.temporaryTables.add(name);
        });
        session.parkedTables.clear();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The scratch folder is emptied at the next start.
        }
    }

    private static List<String> temporaryTableNames(Engine.Lease engine) {
        String out = engine.queryText("SELECT name FROM system.tables WHERE is_temporary ORDER BY name", "TSVRaw");
        return out.lines().filter(l -> !l.isEmpty()).toList();
    }

    private static Map<String, String> readSettings(Engine.Lease engine) {
        Map<String, String> settings = new HashMap<>();
        String out = engine.queryText("SELECT name, value FROM system.settings", "TSV");
        for (String line : out.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                settings.put(line.substring(0, tab), Sql.unescapeTsv(line.substring(tab + 1)));
            }
        }
        return settings;
    }
}
