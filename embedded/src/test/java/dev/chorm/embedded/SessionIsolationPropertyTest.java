package dev.chorm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions cannot leak: a property test over plain HTTP on a dedicated engine. Many sessions set
 * settings drawn at random from {@code system.settings} (legal values: the default, 0, 1, small
 * numbers, the values an enum setting lists), each {@code USE}s its own database and owns a
 * temporary table of the same name as everyone else's, while other sessions and session-less
 * observers run from several threads. Every probe of a session must give what the same probe gave
 * when that session ran alone (with only its own settings), and no observer ever sees another
 * session's setting, database or temporary table. Then the settings that a shared context makes
 * dangerous, one at a time, and the database of a failed request.
 *
 * <p>The random choices follow a fixed seed, printed; {@code -Dchorm.property.seed=N} replays another.
 */
class SessionIsolationPropertyTest {
    private static final long SEED = Long.getLong("chorm.property.seed", 20_261_202L);
    private static final int SESSIONS = 12;
    private static final int SETTINGS_PER_SESSION = 25;
    private static final int THREADS = 6;
    private static final Pattern ENUM_VALUES = Pattern.compile("Must be one of \\[([^\\]]*)\\]");
    private static final Set<String> NUMERIC = Set.of("UInt64", "Int64", "Int32", "NonZeroUInt64", "Milliseconds", "Seconds",
            "UInt64Auto", "MaxThreads", "Float", "Double", "FloatAuto", "UInt32");
    /** What every session runs after its SETs; results are compared as text or as the error code. */
    private static final List<String> PROBES = List.of(
            "SELECT number FROM numbers(12)",
            "SELECT toDateTime(1700000000) AS t, toDecimal64(1.5, 3) AS d, 1 / 3 AS f, toUInt64(18446744073709551615) AS u FORMAT JSONEachRow",
            "SELECT currentDatabase()",
            "SELECT x FROM scratch ORDER BY x",
            // values, not the 'changed' flag: SET x = <its default> and no SET compare equal
            "SELECT name, value FROM system.settings WHERE value != default ORDER BY name",
            "SELECT count() FROM (SELECT number FROM numbers(1000))");
    /** What a session-less observer sees; it must never change. */
    private static final List<String> OBSERVER_PROBES = List.of(
            "SELECT name, value FROM system.settings WHERE value != default ORDER BY name FORMAT TSV",
            "SELECT currentDatabase()",
            "SELECT name FROM system.tables WHERE is_temporary ORDER BY name",
            "SELECT number FROM numbers(12)",
            "SELECT toDateTime(1700000000), toUInt64(18446744073709551615) FORMAT JSONEachRow");

    /** Settings that make a query fail or pass by the machine's load or the clock (SERVER_OVERLOADED, timeouts). */
    private static final Pattern LOAD_DEPENDENT = Pattern.compile("os_cpu|overload|execution_time|timeout|sleep|_wait_|max_concurrent");

    private record Assignment(String name, String value) {
    }

    @Test
    void randomSettingsOfManySessionsNeverReachAnotherSession(@TempDir Path dir) throws Exception {
        System.out.println("SessionIsolationPropertyTest seed " + SEED + " (replay with -Dchorm.property.seed=" + SEED + ")");
        Random random = new Random(SEED);
        try (EmbeddedClickHouse engine = EmbeddedClickHouse.builder(dir).childProcess().start()) {
            PlainHttp http = new PlainHttp(engine.httpUrl());
            Map<String, List<String>> candidates = legalValues(http);
            System.out.println("settings with legal values to draw from: " + candidates.size());
            assertThat(candidates).as("changeable settings with known legal values").hasSizeGreaterThan(300);
            List<String> names = new ArrayList<>(candidates.keySet());
            Collections.sort(names);
            List<List<Assignment>> plans = new ArrayList<>();
            for (int s = 0; s < SESSIONS; s++) {
                List<Assignment> plan = new ArrayList<>();
                for (int k = 0; k < SETTINGS_PER_SESSION; k++) {
                    String name = names.get(random.nextInt(names.size()));
                    List<String> values = candidates.get(name);
                    plan.add(new Assignment(name, values.get(random.nextInt(values.size()))));
                }
                plans.add(plan);
                http.post("CREATE DATABASE IF NOT EXISTS prop_" + s);
            }
            Map<String, String> observerBaseline = observe(http);

            // alone: each session in turn, with only its own settings
            List<String> violations = Collections.synchronizedList(new ArrayList<>());
            List<List<String>> alone = new ArrayList<>();
            List<List<Boolean>> accepted = new ArrayList<>();
            for (int s = 0; s < SESSIONS; s++) {
                List<Boolean> ok = new ArrayList<>();
                alone.add(runSession(http, "alone-" + s + "-" + SEED, s, plans.get(s), ok, violations));
                accepted.add(ok);
                checkObserver(http, observerBaseline, "after session " + s + " ran alone", violations);
            }
            long acceptedCount = accepted.stream().flatMap(List::stream).filter(b -> b).count();
            System.out.printf("%d SETs, %d accepted by the engine, %d refused (skipped)%n",
                    SESSIONS * SETTINGS_PER_SESSION, acceptedCount, SESSIONS * SETTINGS_PER_SESSION - acceptedCount);

            // together: all sessions at once from several threads, observers in between
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            AtomicBoolean running = new AtomicBoolean(true);
            List<Future<List<String>>> together = new ArrayList<>();
            for (int s = 0; s < SESSIONS; s++) {
                int id = s;
                together.add(pool.submit(() -> runSession(http, "together-" + id + "-" + SEED, id, plans.get(id), new ArrayList<>(), violations)));
            }
            int[] observations = new int[1];
            Future<?> observer = pool.submit(() -> {
                while (running.get()) {
                    checkObserver(http, observerBaseline, "while the sessions ran together", violations);
                    observations[0]++;
                }
            });
            for (int s = 0; s < SESSIONS; s++) {
                List<String> got = together.get(s).get(120, TimeUnit.SECONDS);
                for (int p = 0; p < PROBES.size(); p++) {
                    if (!got.get(p).equals(alone.get(s).get(p))) {
                        violations.add(String.format("session %d, probe %s: alone %s, together %s (its settings: %s)", s,
                                PROBES.get(p), shorten(alone.get(s).get(p)), shorten(got.get(p)), plans.get(s)));
                    }
                }
            }
            running.set(false);
            observer.get(60, TimeUnit.SECONDS);
            pool.shutdownNow();
            checkObserver(http, observerBaseline, "after all sessions", violations);
            System.out.println("observer rounds while the sessions ran together: " + observations[0]);
            violations.stream().limit(40).forEach(v -> System.out.println("  violation: " + v));
            assertThat(violations).as("isolation violations (seed %d)", SEED).isEmpty();
        }
    }

    /**
     * The settings that a context shared by all clients turns against everyone, one at a time: a
     * session sets it, then a fresh session and a session-less request must see exactly what they
     * saw before (same probe outputs, same value of that setting), and writes must still work. After
     * a leak the engine is restarted, so that each case is judged on a clean engine.
     */
    @Test
    void dangerousSettingsActOnTheirOwnSessionOnly(@TempDir Path dir) {
        List<Assignment> hostile = List.of(
                new Assignment("limit", "5"), new Assignment("offset", "10"), new Assignment("max_rows_to_read", "5"),
                new Assignment("max_result_rows", "3"), new Assignment("result_overflow_mode", "'break'"),
                new Assignment("readonly", "1"), new Assignment("readonly", "2"), new Assignment("allow_ddl", "0"),
                new Assignment("compatibility", "'22.3'"), new Assignment("session_timezone", "'Asia/Tokyo'"),
                new Assignment("max_query_size", "40"), new Assignment("output_format_json_quote_64bit_integers", "1"),
                new Assignment("output_format_tsv_crlf_end_of_line", "1"), new Assignment("output_format_decimal_trailing_zeros", "1"),
                new Assignment("max_block_size", "1"), new Assignment("max_execution_time", "1"));
        List<String> violations = new ArrayList<>();
        int restarts = 0;
        EmbeddedClickHouse engine = EmbeddedClickHouse.builder(dir.resolve("e0")).childProcess().start();
        try {
            for (Assignment a : hostile) {
                PlainHttp http = new PlainHttp(engine.httpUrl());
                String db = "hostile_" + restarts;
                http.post("CREATE DATABASE IF NOT EXISTS " + db);
                String valueOf = "SELECT value FROM system.settings WHERE name = '" + a.name + "'";
                Map<String, String> before = observe(http);
                String valueBefore = http.post(valueOf).outcome();
                String sessionId = "hostile-" + a.name + "-" + System.nanoTime();
                Map<String, String> session = Map.of("session_id", sessionId);
                PlainHttp.Answer set = http.post("SET " + a.name + " = " + a.value, session);
                List<String> found = new ArrayList<>();
                // max_query_size would lock the server out of its own statements: the
                // engine refuses them for everyone (SETTING_CONSTRAINT_VIOLATION), which is no leak.
                boolean refusedByDesign = Set.of("max_query_size").contains(a.name) && set.body().contains("(SETTING_CONSTRAINT_VIOLATION)");
                if (!set.ok() && !refusedByDesign) {
                    found.add("the session's own SET failed: " + shorten(set.body()));
                }
                Map<String, String> fresh = Map.of("session_id", "fresh-" + System.nanoTime());
                for (Map<String, String> other : List.of(Map.<String, String>of(), fresh)) {
                    String who = other.isEmpty() ? "a session-less request" : "a fresh session";
                    String value = http.post(valueOf, other).outcome();
                    if (!value.equals(valueBefore)) {
                        found.add(who + " saw " + a.name + " = " + shorten(value) + " instead of " + shorten(valueBefore));
                    }
                    for (String probe : OBSERVER_PROBES) {
                        String got = http.post(probe, other).outcome();
                        if (!got.equals(before.get(probe))) {
                            found.add(who + ": " + probe + " gave " + shorten(got) + " instead of " + shorten(before.get(probe)));
                        }
                    }
                    String table = db + ".t_" + Math.abs(other.hashCode()) + "_" + System.nanoTime();
                    PlainHttp.Answer create = http.post("CREATE TABLE " + table + " (x UInt8) ENGINE = Memory", other);
                    PlainHttp.Answer insert = http.post("INSERT INTO " + table + " SELECT number FROM numbers(20)", other);
                    PlainHttp.Answer count = http.post("SELECT count() FROM " + table, other);
                    if (!create.ok() || !insert.ok() || !"20\n".equals(count.outcome())) {
                        found.add(who + " could not create, fill and count a table: " + shorten(create.outcome()) + " / "
                                + shorten(insert.outcome()) + " / " + shorten(count.outcome()));
                    }
                }
                if (!found.isEmpty()) {
                    violations.add("SET " + a.name + " = " + a.value + " in one session: " + String.join("; ", found));
                    engine.close();
                    engine = EmbeddedClickHouse.builder(dir.resolve("e" + ++restarts)).childProcess().start();
                }
            }
        } finally {
            engine.close();
        }
        violations.forEach(v -> System.out.println("  leak: " + v));
        assertThat(violations).as("settings of one session that other requests saw").isEmpty();
    }

    /**
     * A request naming a database that does not exist fails with code 81 and changes nothing: the
     * next request without a database runs in {@code default} (an INSERT must not land elsewhere),
     * and a session keeps the database it chose with USE.
     */
    @Test
    void aFailedDatabaseChoiceLeavesTheNextRequestInDefault(@TempDir Path dir) {
        try (EmbeddedClickHouse engine = EmbeddedClickHouse.builder(dir).childProcess().start()) {
            PlainHttp http = new PlainHttp(engine.httpUrl());
            assertThat(http.post("CREATE DATABASE elsewhere").ok()).isTrue();
            assertThat(http.post("CREATE TABLE elsewhere.t (x UInt8) ENGINE = Memory").ok()).isTrue();
            assertThat(http.post("SELECT currentDatabase()", Map.of("database", "elsewhere")).body()).isEqualTo("elsewhere\n");
            PlainHttp.Answer missing = http.post("SELECT 1", Map.of("database", "no_such_database_here"));
            assertThat(missing.exceptionCode()).isEqualTo("81");
            assertThat(http.post("SELECT currentDatabase()").outcome()).isEqualTo("default\n");
            PlainHttp.Answer insert = http.post("INSERT INTO t VALUES (1)");
            assertThat(insert.exceptionCode()).as("INSERT INTO t without a database: default has no t").isEqualTo("60");
            assertThat(http.post("SELECT count() FROM elsewhere.t").outcome()).as("nothing landed in elsewhere.t").isEqualTo("0\n");

            Map<String, String> session = Map.of("session_id", "db-choice-" + System.nanoTime());
            assertThat(http.post("USE elsewhere", session).ok()).isTrue();
            assertThat(http.post("SELECT 1", Map.of("session_id", session.get("session_id"), "database", "no_such_database_here"))
                    .exceptionCode()).isEqualTo("81");
            assertThat(http.post("SELECT currentDatabase()", session).outcome()).isEqualTo("elsewhere\n");
            assertThat(http.post("USE no_such_database_here", session).exceptionCode()).isEqualTo("81");
            assertThat(http.post("SELECT currentDatabase()", session).outcome()).as("a failed USE keeps the session's database")
                    .isEqualTo("elsewhere\n");
            assertThat(http.post("SELECT currentDatabase()").outcome()).isEqualTo("default\n");
        }
    }

    /**
     * One session: its own database and a temporary table {@code scratch} holding its number, then
     * its SETs one by one (a refused SET is skipped), then the probes. Returns the probes' outcomes.
     */
    private static List<String> runSession(PlainHttp http, String sessionId, int s, List<Assignment> plan, List<Boolean> accepted,
            List<String> violations) {
        Map<String, String> session = Map.of("session_id", sessionId);
        require(http.post("USE prop_" + s, session), sessionId + ": USE", violations);
        require(http.post("CREATE TEMPORARY TABLE scratch (x UInt32)", session), sessionId + ": CREATE TEMPORARY TABLE", violations);
        require(http.post("INSERT INTO scratch VALUES (" + s + ")", session), sessionId + ": INSERT", violations);
        for (Assignment a : plan) {
            boolean ok = http.post("SET " + a.name + " = " + a.value, session).ok();
            accepted.add(ok);
        }
        List<String> outcomes = new ArrayList<>();
        for (String probe : PROBES) {
            outcomes.add(http.post(probe, session).outcome());
        }
        return outcomes;
    }

    /** A session's set-up runs before its own SETs: if it fails, another session's state reached it. */
    private static void require(PlainHttp.Answer a, String what, List<String> violations) {
        if (!a.ok()) {
            violations.add(what + " failed before any SET of the session: " + shorten(a.body()));
        }
    }

    private static Map<String, String> observe(PlainHttp http) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String probe : OBSERVER_PROBES) {
            seen.put(probe, http.post(probe).outcome());
        }
        return seen;
    }

    private static void checkObserver(PlainHttp http, Map<String, String> baseline, String when, List<String> violations) {
        observe(http).forEach((probe, got) -> {
            if (!got.equals(baseline.get(probe))) {
                violations.add("a session-less request " + when + ": " + probe + " gave " + shorten(got) + " instead of "
                        + shorten(baseline.get(probe)));
            }
        });
    }

    /**
     * Every changeable setting with its legal values: the default, 0, 1 and small numbers for
     * numbers, 0/1 for booleans, the values an enum lists when given a wrong one, a few zones.
     */
    private static Map<String, List<String>> legalValues(PlainHttp http) {
        String rows = http.post("SELECT name, type, default FROM system.settings WHERE readonly = 0 AND NOT is_obsolete"
                + " AND alias_for = '' FORMAT TSVRaw").body();
        Map<String, List<String>> enumValues = new HashMap<>();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String line : rows.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length < 3) {
                continue;
            }
            String name = f[0];
            String type = f[1];
            String dflt = f[2];
            if (LOAD_DEPENDENT.matcher(name).find()) {
                continue; // results would depend on the machine's load, not on isolation
            }
            List<String> values = new ArrayList<>();
            if (type.equals("Bool") || type.equals("BoolAuto")) {
                values.addAll(List.of("0", "1"));
            } else if (NUMERIC.contains(type)) {
                if (dflt.matches("-?\\d+(\\.\\d+)?")) {
                    values.add(dflt);
                }
                values.addAll(List.of("0", "1", "2", "3", "7", "100"));
            } else if (type.equals("Timezone")) {
                values.addAll(List.of("'UTC'", "'Asia/Tokyo'", "'America/New_York'"));
            } else if (type.equals("String") || type.equals("Char") || type.equals("Map") || type.equals("URI")) {
                continue; // free text: no list of legal values to draw from
            } else {
                List<String> listed = enumValues.computeIfAbsent(type, t -> listedValues(http, name));
                listed.forEach(v -> values.add("'" + v + "'"));
            }
            if (!values.isEmpty()) {
                out.put(name, values);
            }
        }
        return out;
    }

    /** The values an enum setting lists in its error for a value it does not know. */
    private static List<String> listedValues(PlainHttp http, String name) {
        String error = http.post("SELECT 1 SETTINGS " + name + " = '__no_such_value__'").body();
        Matcher m = ENUM_VALUES.matcher(error);
        List<String> values = new ArrayList<>();
        if (m.find()) {
            for (String v : m.group(1).split(",")) {
                String t = v.strip();
                if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
                    values.add(t.substring(1, t.length() - 1));
                }
            }
        }
        return values;
    }

    private static String shorten(String s) {
        String one = s == null ? "null" : s.replace("\n", "\\n");
        return one.length() <= 160 ? one : one.substring(0, 157) + "...";
    }
}
