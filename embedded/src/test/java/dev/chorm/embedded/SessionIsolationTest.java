package dev.chorm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One session's state never reaches another request: not its settings (also those that shape
 * results or lock the server out of its own bookkeeping), not its database, not its temporary
 * tables. Each test is a problem the server once had.
 */
class SessionIsolationTest {
    private final Http http = Http.shared();

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void resultShapingSettingsOfOneSessionCutNoOtherQuery() {
        String hostile = id();
        for (String set : new String[] {"SET offset = 10", "SET limit = 5", "SET max_result_rows = 1, result_overflow_mode = 'break'",
                "SET max_rows_to_read = 3"}) {
            assertThat(http.session(hostile, set).ok()).as(set).isTrue();
        }
        // The server's own bookkeeping (temporary-table list, restore of settings) runs in between.
        assertThat(http.session(hostile, "CREATE TEMPORARY TABLE hostile_tmp (x UInt8)").ok()).isTrue();
        assertThat(http.post("", "SELECT number FROM numbers(12)").body().lines().count()).isEqualTo(12);
        String other = id();
        assertThat(http.session(other, "SELECT count() FROM numbers(100)").body()).isEqualTo("100\n");
        assertThat(Long.parseLong(http.session(other, "SELECT count() FROM system.settings").body().strip())).isGreaterThan(500);
        assertThat(http.session(other, "SELECT getSetting('offset'), getSetting('limit')").body()).isEqualTo("0\t0\n");
        // The hostile session itself keeps what it set.
        assertThat(http.session(hostile, "SELECT number FROM numbers(12)").code()).as("its own max_rows_to_read").isEqualTo("158");
    }

    @Test
    void readonlyInOneSessionLocksOnlyThatSession() {
        String locked = id();
        assertThat(http.session(locked, "SET readonly = 1").ok()).isTrue();
        Http.Answer refused = http.session(locked, "CREATE TABLE readonly_probe (x UInt8) ENGINE = Memory");
        assertThat(refused.code()).isEqualTo("164");
        assertThat(http.session(locked, "SET readonly = 0").body()).contains("Cannot modify 'readonly' setting in readonly mode");
        assertThat(http.session(locked, "SELECT getSetting('readonly')").body()).as("the engine gets readonly").isEqualTo("1\n");
        String table = "free_" + UUID.randomUUID().toString().replace("-", "");
        assertThat(http.post("", "CREATE TABLE " + table + " (x UInt8) ENGINE = Memory").ok()).isTrue();
        assertThat(http.session(id(), "INSERT INTO " + table + " VALUES (1)").ok()).isTrue();
        assertThat(http.post("", "DROP TABLE " + table).ok()).isTrue();
    }

    @Test
    void aFailedDatabaseChoiceLeavesNoRequestInAnotherDatabase() {
        String db = "iso_db_" + UUID.randomUUID().toString().replace("-", "");
        assertThat(http.post("", "CREATE DATABASE " + db).ok()).isTrue();
        assertThat(http.post("database=" + db, "CREATE TABLE t (x UInt8) ENGINE = Memory").ok()).isTrue();
        assertThat(http.post("database=no_such_database_here", "SELECT 1").code()).isEqualTo("81");
        assertThat(http.post("", "SELECT currentDatabase()").body()).isEqualTo("default\n");
        String s = id();
        assertThat(http.session(s, "USE " + db).ok()).isTrue();
        assertThat(http.session(s, "USE no_such_database_here").code()).isEqualTo("81");
        assertThat(http.session(s, "SELECT currentDatabase()").body()).as("a failed USE changes nothing").isEqualTo(db + "\n");
        assertThat(http.post("", "SELECT currentDatabase()").body()).isEqualTo("default\n");
    }

    @Test
    void temporaryTablesOfSessionsWhoseIdsHashAlikeStayApart() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        String a = "Aa" + id();
        String b = "BB" + id();
        // Same length and hash: the ids differ only where String.hashCode cannot tell.
        String hashA = "Aa" + b.substring(2);
        String hashB = b;
        for (String s : new String[] {hashA, hashB}) {
            assertThat(http.session(s, "CREATE TEMPORARY TABLE tmp (s String)").ok()).isTrue();
            assertThat(http.session(s, "INSERT INTO tmp VALUES ('" + s + "')").ok()).isTrue();
        }
        assertThat(http.session(a, "SELECT 1").ok()).isTrue();
        assertThat(http.session(hashA, "SELECT s FROM tmp").body()).isEqualTo(hashA + "\n");
        assertThat(http.session(hashB, "SELECT s FROM tmp").body()).isEqualTo(hashB + "\n");
        assertThat(http.post("", "SELECT * FROM tmp").code()).isEqualTo("60");
        assertThat(http.post("", "SELECT count() FROM system.databases WHERE name LIKE '%chorm%'").body())
                .as("parked tables live in no database a client can read").isEqualTo("0\n");
    }

    @Test
    void settingsThatCouldNotBeUndoneActOnTheirSessionOrAreRefused() {
        String s = id();
        assertThat(http.session(s, "SET max_query_size = 10").code()).isEqualTo("452");
        assertThat(http.session(s, "SET dialect = 'kusto'").code()).isEqualTo("452");
        String noDdl = id();
        assertThat(http.session(noDdl, "SET allow_ddl = 0").ok()).isTrue();
        assertThat(http.session(noDdl, "CREATE TABLE no_ddl_probe (x UInt8) ENGINE = Memory").code()).isEqualTo("392");
        assertThat(http.session(noDdl, "SET allow_ddl = 1").code()).as("cannot be turned back, as on a server").isEqualTo("392");
        assertThat(http.session(noDdl, "SET allow_ddl = 1;").code()).as("nor with a final semicolon").isEqualTo("392");
        assertThat(http.session(noDdl, "CREATE TABLE no_ddl_probe (x UInt8) ENGINE = Memory").code()).isEqualTo("392");
        assertThat(http.post("", "SELECT getSetting('allow_ddl')").body()).isEqualTo("true\n");
        assertThat(http.session(s, "SELECT 1").body()).isEqualTo("1\n");
        assertThat(http.session(s, "SET param_x = 1").body()).contains("pass query parameters as URL parameters");
    }

    @Test
    void aSetWithABadValueLeavesEveryoneAtTheBaseline() {
        String s = id();
        assertThat(http.session(s, "SET max_threads = 3").ok()).isTrue();
        assertThat(http.session(s, "SET max_block_size = 77, max_threads = 'many'").ok()).isFalse();
        assertThat(http.session(s, "SELECT getSetting('max_threads'), getSetting('max_block_size')").body())
                .as("the failed SET changed nothing in the session").isEqualTo("3\t65409\n");
        assertThat(http.post("", "SELECT getSetting('max_block_size')").body()).isEqualTo("65409\n");
    }
}
