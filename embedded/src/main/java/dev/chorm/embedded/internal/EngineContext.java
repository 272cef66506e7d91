package dev.chorm.embedded.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's one global context (settings, current database, temporary tables) and the work of
 * switching it between requests. A request runs with its session's state plus its URL settings;
 * everything else runs with the baseline captured at start-up. Settings are restored to their
 * baseline values explicitly (not {@code = DEFAULT}), because a setting such as
 * {@code compatibility} changes many others, and chDB's defaults are not a server's.
 * Callers hold the engine lease for every method here.
 */
final class EngineContext {
    private static final String PARKING_DATABASE = "_chorm_sessions";

    private final Map<String, String> baseline;
    private final Map<String, String> applied = new HashMap<>();
    private String database = "default";
    /** The session whose temporary tables are live in the engine, or null. */
    private Session owner;

    private EngineContext(Map<String, String> baseline) {
        this.baseline = baseline;
    }

    /** Capture the baseline settings of a freshly opened engine. */
    static EngineContext capture(Engine.Lease engine) {
        return new EngineContext(readSettings(engine));
    }

    /** Make the engine run with {@code session}'s state (null for none) plus {@code requestSettings}. */
    void enter(Engine.Lease engine, Session session, Map<String, String> requestSettings, String requestDatabase) {
        if (owner != session) {
            parkTemporaryTables(engine);
            restoreTemporaryTables(engine, session);
            owner = session;
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        if (session != null) {
            wanted.putAll(session.settings);
        }
        wanted.putAll(requestSettings);
        applySettings(engine, wanted);
        String db = requestDatabase != null ? requestDatabase
                : session != null && session.database != null ? session.database : "default";
        if (!db.equals(database)) {
            database = "default";
            engine.execute("USE " + Sql.quoteIdentifier(db));
            database = db;
        }
    }

    /** Return the {@code session_timezone} in force, if one is set. */
    java.util.Optional<String> sessionTimezone() {
        String zone = applied.get("session_timezone");
        return zone == null || zone.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(zone);
    }

    /** Record what a successful {@code SET} changed, for the session (if any) that ran it. */
    void afterSet(Engine.Lease engine, Session session, List<String> assigned, Map<String, String> requestSettings) {
        resync(engine);
        if (session != null) {
            session.settings.clear();
            applied.forEach((name, value) -> {
                if (!requestSettings.containsKey(name) || assigned.contains(name)) {
                    session.settings.put(name, value);
                }
            });
        }
    }

    /** Record the database a {@code USE} chose. */
    void afterUse(Engine.Lease engine, Session session) {
        database = engine.queryText("SELECT currentDatabase()", "TSVRaw").strip();
        if (session != null) {
            session.database = database;
        }
    }

    /** Record the temporary tables that exist after a statement that may have created some. */
    void afterTemporaryTableChange(Engine.Lease engine, Session session) {
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
        session.parkedTables.keySet().forEach(name -> engine.execute("DROP TABLE IF EXISTS " + parked(session, name)));
        session.parkedTables.clear();
    }

    private void resync(Engine.Lease engine) {
        applied.clear();
        readSettings(engine).forEach((name, value) -> {
            if (!Objects.equals(baseline.get(name), value)) {
                applied.put(name, value);
            }
        });
    }

    private void applySettings(Engine.Lease engine, Map<String, String> wanted) {
        StringBuilder set = new StringBuilder();
        for (String name : applied.keySet()) {
            if (!wanted.containsKey(name)) {
                append(set, name, baseline.get(name));
            }
        }
        wanted.forEach((name, value) -> {
            if (!Objects.equals(applied.get(name), value)) {
                append(set, name, value);
            }
        });
        if (set.length() > 0) {
            try {
                engine.execute("SET " + set);
            } catch (EngineException e) {
                // An unknown setting or a bad value: learn what the engine holds now, then report.
                resync(engine);
                throw e;
            }
            applied.clear();
            applied.putAll(wanted);
        }
    }

    private static void append(StringBuilder set, String name, String value) {
        set.append(set.length() > 0 ? ", " : "").append(Sql.quoteIdentifier(name)).append(" = ").append(Sql.quoteString(value));
    }

    /** Move the live temporary tables of the current owner into ordinary tables. */
    private void parkTemporaryTables(Engine.Lease engine) {
        if (owner == null || owner.temporaryTables.isEmpty()) {
            return;
        }
        engine.execute("CREATE DATABASE IF NOT EXISTS " + PARKING_DATABASE + " ENGINE = Memory");
        for (String name : temporaryTableNames(engine)) {
            if (!owner.temporaryTables.contains(name)) {
                continue;
            }
            String ddl = engine.queryText("SHOW CREATE TEMPORARY TABLE " + Sql.quoteIdentifier(name), "TSVRaw").strip();
            engine.execute("CREATE TABLE " + parked(owner, name) + " ENGINE = Memory AS SELECT * FROM " + Sql.quoteIdentifier(name));
            engine.execute("DROP TEMPORARY TABLE " + Sql.quoteIdentifier(name));
            owner.parkedTables.put(name, ddl);
        }
        owner.temporaryTables.clear();
    }

    private void restoreTemporaryTables(Engine.Lease engine, Session session) {
        if (session == null || session.parkedTables.isEmpty()) {
            return;
        }
        session.parkedTables.forEach((name, ddl) -> {
            engine.execute(ddl);
            engine.execute("INSERT INTO " + Sql.quoteIdentifier(name) + " SELECT * FROM " + parked(session, name));
            engine.execute("DROP TABLE " + parked(session, name));
            session.temporaryTables.add(name);
        });
        session.parkedTables.clear();
    }

    private static String parked(Session session, String table) {
        return PARKING_DATABASE + "." + Sql.quoteIdentifier(Integer.toHexString(session.id.hashCode()) + "_" + session.id.length() + "_" + table);
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
