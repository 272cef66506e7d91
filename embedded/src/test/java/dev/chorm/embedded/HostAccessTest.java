package dev.chorm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No client reaches host files, programs or the network through the embedded engine unless the
 * user opted in; every way in that the issue tracker saw is tried here.
 */
class HostAccessTest {
    private final Http http = Http.shared();

    private static String table() {
        return "host_" + UUID.randomUUID().toString().replace("-", "");
    }

    private void assertRefused(String sql, String because) {
        Http.Answer a = http.post("", sql);
        assertThat(a.status()).as(sql).isGreaterThanOrEqualTo(400);
        assertThat(a.code()).as(sql).isEqualTo("497");
        assertThat(a.body()).as(sql).startsWith("Code: 497. DB::Exception: ").contains(because).doesNotContain("root:");
    }

    @Test
    void hostFilesCannotBeReadOrWritten(@TempDir Path dir) {
        assertRefused("SELECT * FROM file('/etc/passwd', 'LineAsString')", "file() is refused");
        assertRefused("SELECT file('/etc/passwd')", "file() is refused");
        Path created = dir.resolve("new/dir/x");
        assertRefused("INSERT INTO FUNCTION file('" + created + "', 'TSV', 'x String') VALUES ('a')", "file() is refused");
        assertThat(created.getParent()).doesNotExist();
        Path outfile = dir.resolve("out.txt");
        assertRefused("SELECT 1 INTO OUTFILE '" + outfile + "' APPEND", "INTO OUTFILE is refused");
        assertThat(outfile).doesNotExist();
        String t = table();
        assertThat(http.post("", "CREATE TABLE " + t + " (s String) ENGINE = Memory").ok()).isTrue();
        assertRefused("INSERT INTO " + t + " FROM INFILE '/etc/passwd' FORMAT `LineAsString`", "FROM INFILE is refused");
        assertRefused("SELECT * FROM file('" + SharedEngine.get().dataDir().resolve("tmp_http") + "/insert-*.bin', 'RawBLOB')",
                "file() is refused");
        assertRefused("SELECT * FROM icebergLocal('/etc')", "READ ON FILE");
        assertThat(http.post("", "SELECT count() FROM " + t).body()).isEqualTo("0\n");
    }

    @Test
    void valuesRowsCannotCallFunctionsThatReadFiles() {
        String t = table();
        assertThat(http.post("", "CREATE TABLE " + t + " (s String) ENGINE = Memory").ok()).isTrue();
        Http.Answer a = http.post("", "INSERT INTO " + t + " FORMAT Values (file('/etc/hostname'))");
        assertThat(a.ok()).isFalse();
        assertThat(http.post("", "INSERT INTO " + t + " FORMAT Values ('plain')").ok()).isTrue();
        assertThat(http.post("", "SELECT s FROM " + t).body()).isEqualTo("plain\n");
    }

    @Test
    void tablesDatabasesAndDictionariesCannotPointAtTheHost() {
        assertRefused("CREATE TABLE " + table() + " (x String) ENGINE = File(TSV, '/etc/passwd')", "ENGINE = File is refused");
        assertRefused("CREATE TABLE " + table() + " (x String) ENGINE=URL('http://127.0.0.1:1/', TSV)", "ENGINE = URL is refused");
        assertRefused("CREATE TABLE " + table() + " (x String) ENGINE = Executable('x.sh', TSV)", "ENGINE = Executable is refused");
        assertRefused("CREATE DATABASE " + table() + " ENGINE = Filesystem('/etc')", "ENGINE = Filesystem is refused");
        assertRefused("CREATE DICTIONARY " + table() + " (x String) PRIMARY KEY x SOURCE(FILE(path '/etc/passwd' format 'TSV'))"
                + " LAYOUT(FLAT()) LIFETIME(0)", "SOURCE(FILE) is refused");
        assertRefused("BACKUP TABLE system.one TO File('/tmp/b.zip')", "BACKUP is refused");
    }

    @Test
    void aClickHouseDictionarySourceReadsOnlyThisEngine() {
        // Measured before the guard: with a HOST the engine connected out (UNEXPECTED_PACKET_FROM_SERVER from
        // whatever answered on 10.255.255.1:9000); no grant covers a dictionary's connection.
        String refusal = " is refused: a ClickHouse dictionary source with a host, port or named collection connects to"
                + " another server, and the embedded engine reaches no network. Leave HOST, PORT and NAME out: the"
                + " dictionary then reads this engine's own tables.";
        String columns = " (id UInt64, x String) PRIMARY KEY id ";
        assertRefused("CREATE DICTIONARY " + table() + columns + "SOURCE(CLICKHOUSE(HOST '10.255.255.1' PORT 9000"
                + " TABLE 't')) LAYOUT(FLAT()) LIFETIME(0)", "SOURCE(CLICKHOUSE(HOST ...))" + refusal);
        assertRefused("CREATE DICTIONARY " + table() + columns + "SOURCE(clickhouse(port 9000 table 't'))"
                + " LAYOUT(FLAT()) LIFETIME(0)", "SOURCE(CLICKHOUSE(PORT ...))" + refusal);
        assertRefused("CREATE OR REPLACE DICTIONARY " + table() + columns + "SOURCE(CLICKHOUSE(NAME remote_collection))"
                + " LAYOUT(FLAT()) LIFETIME(0)", "SOURCE(CLICKHOUSE(NAME ...))" + refusal);
        String source = table();
        String local = table();
        assertThat(http.post("", "CREATE TABLE " + source + " (id UInt64, x String) ENGINE = Memory").ok()).isTrue();
        assertThat(http.post("", "INSERT INTO " + source + " VALUES (1, 'here')").ok()).isTrue();
        assertThat(http.post("", "CREATE DICTIONARY " + local + columns + "SOURCE(CLICKHOUSE(TABLE '" + source + "'))"
                + " LAYOUT(FLAT()) LIFETIME(0)").ok()).isTrue();
        assertThat(http.post("", "SELECT dictGet('" + local + "', 'x', toUInt64(1))").body()).isEqualTo("here\n");
        String named = table(); // the words inside a query literal are no source arguments
        assertThat(http.post("", "CREATE DICTIONARY " + named + columns + "SOURCE(CLICKHOUSE(QUERY 'SELECT id, x AS host"
                + " FROM " + source + " WHERE x != \\'PORT\\'')) LAYOUT(FLAT()) LIFETIME(0)").ok()).isTrue();
        assertThat(http.post("", "SELECT dictGet('" + named + "', 'x', toUInt64(1))").body()).isEqualTo("here\n");
    }

    @Test
    void aDictionarySourceQueryRunsWithTheClientsRights() {
        // A source QUERY is a string literal the statement guard does not look into; the engine runs it when
        // the dictionary loads, as the connecting user, whose grants refuse the table functions that reach
        // host files or the network.
        String self = "127.0.0.1:" + SharedEngine.get().port();
        String[][] sources = {
                {"SELECT toUInt64(1) AS id, line AS x FROM file(\\'/etc/passwd\\', \\'LineAsString\\')", "FILE"},
                {"SELECT toUInt64(1) AS id, line AS x FROM url(\\'http://" + self + "/?query=SELECT+1\\', \\'LineAsString\\')", "URL"},
                {"SELECT toUInt64(dummy + 1) AS id, \\'r\\' AS x FROM remote(\\'" + self + "\\', system.one)", "REMOTE"}};
        for (String[] source : sources) {
            String dictionary = table();
            assertThat(http.post("", "CREATE DICTIONARY " + dictionary + " (id UInt64, x String) PRIMARY KEY id"
                    + " SOURCE(CLICKHOUSE(QUERY '" + source[0] + "')) LAYOUT(FLAT()) LIFETIME(0)").ok()).as(source[0]).isTrue();
            Http.Answer read = http.post("", "SELECT dictGet('" + dictionary + "', 'x', toUInt64(1))");
            assertThat(read.ok()).as(source[0]).isFalse();
            assertThat(read.body()).as(source[0]).contains("READ ON " + source[1]).doesNotContain("root:");
        }
    }

    @Test
    void theNetworkIsOutOfReachAlsoTheServerItself() {
        String self = "127.0.0.1:" + SharedEngine.get().port();
        assertRefused("SELECT * FROM url('http://" + self + "/?query=SELECT+1', 'LineAsString')", "READ ON URL");
        assertRefused("SELECT * FROM remote('" + self + "', system.one)", "READ ON REMOTE");
        assertRefused("SELECT * FROM mysql('127.0.0.1:1', 'd', 't', 'u', 'p')", "READ ON MYSQL");
        assertThat(http.post("", "SELECT 1").body()).isEqualTo("1\n");
    }

    @Test
    void theEngineCannotBeStoppedOrControlledByAClient() {
        assertRefused("SYSTEM SHUTDOWN", "SYSTEM SHUTDOWN");
        assertRefused("SYSTEM KILL", "SYSTEM SHUTDOWN");
        assertRefused("SYSTEM ENABLE FAILPOINT dummy_failpoint", "SYSTEM FAILPOINT");
        assertThat(http.post("", "SELECT 1").body()).isEqualTo("1\n");
        assertThat(SharedEngine.get().isAlive()).isTrue();
    }

    @Test
    void fileAccessIsOneDirectoryTheUserNames(@TempDir Path data, @TempDir Path files) throws IOException {
        Files.writeString(files.resolve("in.tsv"), "a\nb\n", StandardCharsets.UTF_8);
        try (EmbeddedClickHouse engine = EmbeddedClickHouse.builder(data).fileAccess(files).start()) {
            Http own = Http.of(engine);
            assertThat(own.post("", "SELECT count() FROM file('in.tsv', 'LineAsString')").body()).isEqualTo("2\n");
            assertThat(own.post("", "INSERT INTO FUNCTION file('out.tsv', 'TSV', 'x String') VALUES ('c')").ok()).isTrue();
            assertThat(files.resolve("out.tsv")).hasContent("c");
            for (String path : new String[] {"/etc/passwd", "../in.tsv", "sub/../../x"}) {
                Http.Answer a = own.post("", "SELECT * FROM file('" + path + "', 'LineAsString')");
                assertThat(a.body()).as(path).contains("file() may only name a path relative to " + files);
            }
            assertThat(own.post("", "SELECT * FROM url('http://127.0.0.1:1/', 'LineAsString')").code()).isEqualTo("497");
        }
    }
}
