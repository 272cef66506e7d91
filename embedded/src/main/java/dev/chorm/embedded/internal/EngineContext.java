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
 * ({@link EngineConfig}) keeps every setting that could stop such a statement from parsing
 * ({@code dialect}, parser limits) out of clients' reach, and {@code readonly} and
 * {@code allow_ddl} are never set in the global context ({@link StatementGuard} applies them,
 * the query's own SETTINGS carry readonly to the engine). (3) Database and temporary-table state change only after the statement
 * that changes them succeeded. Callers hold the engine lease for every method here.
 */
final class EngineContext {
    /** Settings the server applies itself (never in the engine's shared context, where they could not be undone). */
    static final java.util.Set<String> SERVER_HELD = java.util.Set.of("readonly", "allow_ddl");
    /** How {@link #assignmentList} puts {@code compatibility} back to its default. */
    private static final String RESET_COMPATIBILITY = "reset";
    /** Every setting's value at start-up. */
    private final Map<String, String> baseline;
    /** The settings whose start-up value differs from the engine's default (put back by value). */
    private final java.util.Set<String> baselineChanged;
    /** Settings in force on top of the baseline: name to the SQL literal applied. */
    private final Map<String, String> applied = new LinkedHashMap<>();
    /** The engine's current database, or null when a failed USE left it unknown. */
    private String database = "default";
    /** The session whose temporary tables are live in the engine, or null. */
    private Session owner;
    private final Path scratchDir;

    private EngineContext(Map<String, String> baseline, java.util.Set<String> baselineChanged, Path scratchDir) {
        this.baseline = baseline;
        this.baselineChanged = baselineChanged;
        this.scratchDir = scratchDir;
    }

    /** Capture the baseline settings of a freshly opened engine; temporary tables park in {@code scratchDir}. */
    static EngineContext capture(Engine.Lease engine, Path scratchDir) {
        Map<String, String> values = new HashMap<>();
        java.util.Set<String> changed = new java.util.HashSet<>();
        String out = engine.queryText("SELECT name, value, changed FROM system.settings", "TSV");
        for (String line : out.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length == 3) {
                values.put(f[0], Sql.unescapeTsv(f[1]));
                if (f[2].equals("1")) {
                    changed.add(f[0]);
                }
            }
        }
        return new EngineContext(values, changed, scratchDir);
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
     * {@code readonly} and {@code allow_ddl} are kept by the server; {@code name = DEFAULT} returns
     * to the baseline.
     */
    void set(Engine.Lease engine, Session session, Map<String, String> assignments) {
        Map<String, String> engineAssignments = new LinkedHashMap<>();
        assignments.forEach((name, literal) -> {
            if (name.startsWith("param_")) {
                throw new EngineException(115, "Code: 115. DB::Exception: SET " + name + " is not supported by the embedded"
                        + " server: pass query parameters as URL parameters (" + name + "=...). (UNKNOWN_SETTING)");
            }
            if (!SERVER_HELD.contains(name)) {
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
            } else if (name.equals("allow_ddl")) {
                session.allowDdl = StatementGuard.enabled(Sql.literalValue(literal), true);
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

    /**
     * Put every setting back to its baseline value: the state the server's own queries need. One
     * SET normally; should it fail, setting by setting, so that one value the engine will not
     * take back cannot keep the others in force.
     */
    void restoreBaseline(Engine.Lease engine) {
        if (applied.isEmpty()) {
            return;
        }
        Map<String, String> reset = new LinkedHashMap<>();
        applied.keySet().forEach(name -> reset.put(name, baselineLiteral(name)));
        try {
            engine.execute("SET " + assignmentList(reset));
            applied.clear();
        } catch (EngineException whole) {
            EngineException last = null;
            for (Map.Entry<String, String> e : reset.entrySet()) {
                try {
                    engine.execute("SET " + assignmentList(Map.of(e.getKey(), e.getValue())));
                    applied.remove(e.getKey());
                } catch (EngineException one) {
                    last = one;
                }
            }
            if (last != null) {
                throw new EngineException(last.code(), "Code: " + last.code() + ". DB::Exception: The embedded engine could"
                        + " not put settings " + applied.keySet() + " back to their defaults: " + last.getMessage());
            }
        }
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
        if (RESET_COMPATIBILITY.equals(compatibility)) {
            // '' undoes what it changed in other settings; DEFAULT then clears its own 'changed'
            parts.add("compatibility = '', compatibility = DEFAULT");
        } else if (compatibility != null) {
            parts.add("compatibility = " + compatibility);
        }
        assignments.forEach((name, literal) -> {
            if (!name.equals("compatibility")) {
                parts.add(Sql.quoteIdentifier(name) + " = " + literal);
            }
        });
        return String.join(", ", parts);
    }

    /**
     * Return how to put {@code name} back: {@code DEFAULT} for a setting that was at its default
     * (its displayed value, {@code 'auto(2)'} for max_threads say, need not parse back), the
     * start-up value otherwise. {@code compatibility} goes back by value: only an assignment
     * undoes what it changed in other settings.
     */
    private String baselineLiteral(String name) {
        String value = baseline.get(name);
        if (name.equals("compatibility") && !baselineChanged.contains(name)) {
            return RESET_COMPATIBILITY;
        }
        return value == null || !baselineChanged.contains(name) ? "DEFAULT" : Sql.quoteString(value);
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
}
