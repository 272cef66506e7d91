package dev.chorm.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The server's lexical look at request text, without an engine. */
class QueryTextTest {

    private static QueryText analyze(String sql) {
        byte[] bytes = sql.getBytes(StandardCharsets.UTF_8);
        return QueryText.analyze(bytes, bytes.length);
    }

    @Test
    void findsInlineDataAfterTheFormatNameAndRewritesToAFile() {
        QueryText q = analyze("INSERT INTO t (a, `b;c`) SETTINGS x = 1 FORMAT RowBinary\n\n\nrest");
        assertThat(q.kind()).isEqualTo(QueryText.Kind.INSERT);
        assertThat(q.hasInlineData()).isTrue();
        assertThat(q.formatName()).isEqualTo("RowBinary");
        assertThat(q.dataStart()).isEqualTo("INSERT INTO t (a, `b;c`) SETTINGS x = 1 FORMAT RowBinary\n".length());
        assertThat(new String(q.insertFromFile("/tmp/it's.bin", ""), StandardCharsets.UTF_8)).isEqualTo(
                "INSERT INTO t (a, `b;c`) FROM INFILE '/tmp/it\\'s.bin' COMPRESSION 'none' SETTINGS x = 1 FORMAT RowBinary");
        assertThat(analyze("INSERT INTO t VALUES ('FORMAT x')").hasInlineData()).isFalse();
        assertThat(analyze("INSERT INTO t SELECT 1 FORMAT TSV").hasInlineData()).isFalse();
    }

    @Test
    void findsTheLastStringAssignmentOutsideLiteralsAndComments() {
        assertThat(analyze("SELECT 1 SETTINGS session_timezone = 'Asia/Tokyo'").lastStringAssignment("session_timezone"))
                .isEqualTo("Asia/Tokyo");
        assertThat(analyze("SELECT 1 SETTINGS SESSION_TIMEZONE='UTC', session_timezone = 'Asia/Kolkata'")
                .lastStringAssignment("session_timezone")).isEqualTo("Asia/Kolkata");
        assertThat(analyze("SELECT 1 SETTINGS session_timezone = 'UTC' -- session_timezone = 'Asia/Tokyo'")
                .lastStringAssignment("session_timezone")).isEqualTo("UTC");
        assertThat(analyze("SELECT 'session_timezone = ''UTC''' /* session_timezone = 'UTC' */")
                .lastStringAssignment("session_timezone")).isNull();
        assertThat(analyze("SELECT 1 SETTINGS my_session_timezone = 'UTC'").lastStringAssignment("session_timezone")).isNull();
    }

    @Test
    void findsTheOutputFormatOfASelectButNotAColumnNamedFormat() {
        assertThat(analyze("SELECT 1 FORMAT JSONEachRow").outputFormat()).contains("JSONEachRow");
        assertThat(analyze("SELECT 1\nFORMAT `Parquet` SETTINGS max_threads = 1").outputFormat()).contains("Parquet");
        assertThat(analyze("SELECT (SELECT 1 FORMAT TSV) FORMAT CSV").outputFormat()).contains("CSV");
        assertThat(analyze("SELECT format FROM t").outputFormat()).isEmpty();
        assertThat(analyze("SELECT a AS format FROM t").outputFormat()).isEmpty();
        assertThat(analyze("SELECT a, format FROM t ORDER BY format").outputFormat()).isEmpty();
        assertThat(analyze("SELECT format('{}', 1) FROM t").outputFormat()).isEmpty();
        assertThat(analyze("SELECT 'FORMAT CSV' -- FORMAT XML").outputFormat()).isEmpty();
        assertThat(analyze("INSERT INTO t FORMAT CSV\n1").outputFormat()).isEmpty();
    }

    @Test
    void onlyATopLevelSemicolonStartsASecondStatement() {
        assertThat(analyze("SELECT 1; SELECT 2").hasSeveralStatements()).isTrue();
        assertThat(analyze("SELECT 1;  -- done\n").hasSeveralStatements()).isFalse();
        assertThat(analyze("SELECT ';', \";\", `;` /* a /* ; */ ; */").hasSeveralStatements()).isFalse();
        assertThat(analyze("SELECT $$a;b$$, $tag$ it's; $tag$").hasSeveralStatements()).isFalse();
    }

    @Test
    void dropsAFinalSyncAndKnowsTemporaryTablesAndSetNames() {
        assertThat(new String(analyze("DROP TABLE IF EXISTS t SYNC").withoutSync(), StandardCharsets.UTF_8))
                .isEqualTo("DROP TABLE IF EXISTS t ");
        assertThat(new String(analyze("DROP TABLE sync_log").withoutSync(), StandardCharsets.UTF_8)).isEqualTo("DROP TABLE sync_log");
        assertThat(analyze("CREATE TEMPORARY TABLE t (x UInt8)").touchesTemporaryTable()).isTrue();
        assertThat(analyze("drop temporary table t").touchesTemporaryTable()).isTrue();
        assertThat(analyze("CREATE TABLE temporary (x UInt8) ENGINE = Memory").touchesTemporaryTable()).isFalse();
        assertThat(analyze("SET max_threads = 2, Max_Block_Size = (1 + 2)").setAssignments()).containsExactly(
                java.util.Map.entry("max_threads", "2"), java.util.Map.entry("max_block_size", "(1 + 2)"));
    }
}
