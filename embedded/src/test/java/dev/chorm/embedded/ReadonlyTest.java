package dev.chorm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code readonly} as a ClickHouse server applies it, and one statement per request, always. */
class ReadonlyTest {
    private final Http http = Http.shared();

    @Test
    void readonlyFromTheUrlReachesTheEngineAndCannotBeLifted() {
        assertThat(http.post("readonly=1", "SELECT getSetting('readonly')").body()).isEqualTo("1\n");
        assertThat(http.post("readonly=1", "SELECT 1 SETTINGS readonly = 0").body())
                .startsWith("Code: 164. DB::Exception: Cannot modify 'readonly' setting in readonly mode.");
        assertThat(http.post("readonly=1", "SELECT 1 SETTINGS max_threads = 1").body())
                .startsWith("Code: 164. DB::Exception: Cannot modify 'max_threads' setting in readonly mode.");
        assertThat(http.post("readonly=1", "SHOW SETTINGS LIKE 'max_threads'").body()).startsWith("max_threads\t");
        assertThat(http.post("readonly=2", "SELECT * FROM (SELECT 1 AS readonly SETTINGS max_threads = 1) WHERE readonly = 1").body())
                .as("a subquery's SETTINGS ends with the subquery").isEqualTo("1\n");
        assertThat(http.post("readonly=1", "CREATE TABLE ro_probe (x UInt8) ENGINE = Memory").code()).isEqualTo("164");
        assertThat(http.post("readonly=1", "SELECT 1 INTO OUTFILE '/tmp/ro_probe'").code()).isEqualTo("497");
        assertThat(http.post("readonly=2", "SELECT getSetting('readonly'), getSetting('max_threads') SETTINGS max_threads = 1").body())
                .isEqualTo("2\t1\n");
        assertThat(http.post("readonly=2", "SELECT 1 SETTINGS readonly = 0").code()).isEqualTo("164");
    }

    @Test
    void getIsReadonlyAsOnAServer() {
        String table = "get_" + UUID.randomUUID().toString().replace("-", "");
        Http.Answer create = http.get("", "CREATE TABLE " + table + " (x UInt8) ENGINE = Memory");
        assertThat(create.code()).isEqualTo("164");
        assertThat(create.body()).contains("method GET implies readonly");
        assertThat(http.post("", "EXISTS TABLE " + table).body()).isEqualTo("0\n");
        assertThat(http.get("", "SELECT getSetting('readonly')").body()).isEqualTo("2\n");
        assertThat(http.get("", "SHOW DATABASES LIKE 'system'").body()).isEqualTo("system\n");
    }

    @Test
    void severalStatementsAreRefusedHoweverTheSemicolonIsHidden() {
        String table = "multi_" + UUID.randomUUID().toString().replace("-", "");
        assertThat(http.post("", "CREATE TABLE " + table + " (x UInt8) ENGINE = Memory").ok()).isTrue();
        for (String sql : new String[] {"SELECT 1; DROP TABLE " + table, "SELECT $a$ ; DROP TABLE " + table,
                "SELECT 1 /* ; */ ; DROP TABLE " + table, "SELECT '; ' ; DROP TABLE " + table}) {
            assertThat(http.post("", sql).code()).as(sql).isEqualTo("62");
            assertThat(http.post("readonly=1", sql).code()).as(sql).isEqualTo("62");
        }
        assertThat(http.post("", "SELECT 'unterminated").body()).startsWith("Code: 62.").contains("is not closed");
        assertThat(http.post("", "SELECT $x$ a ; b $x$").body()).as("a closed heredoc is one literal").isEqualTo(" a ; b \n");
        assertThat(http.post("", "EXISTS TABLE " + table).body()).isEqualTo("1\n");
    }
}
