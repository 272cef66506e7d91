package dev.chorm.embedded.stateless;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The multi-query splitter of the stateless runner, as pure logic. */
class StatementSplitterTest {

    @Test
    void semicolonsInsideQuotesCommentsAndHeredocsDoNotSplit() {
        List<StatementSplitter.Statement> s = StatementSplitter.split(
                "SELECT ';' AS `a;b`, \"c;d\"; /* x; /* nested; */ y; */ SELECT $$e;f$$;\n-- z;\nSELECT 3");
        assertThat(s).extracting(st -> st.send).containsExactly(
                "SELECT ';' AS `a;b`, \"c;d\"", "/* x; /* nested; */ y; */ SELECT $$e;f$$", "-- z;\nSELECT 3");
    }

    @Test
    void hintsOnTheStatementsLineAreItsExpectedErrors() {
        List<StatementSplitter.Statement> s = StatementSplitter.split(
                "SELECT 1; -- { serverError 60, UNKNOWN_TABLE }\n-- { serverError 1 }\nSELECT 2; -- {clientError BAD_ARGUMENTS}\nSELECT 3;");
        assertThat(s).hasSize(3);
        assertThat(s.get(0).expectedErrors()).containsExactly(60, "UNKNOWN_TABLE");
        assertThat(s.get(1).expectedErrors()).as("a hint before the statement is not an error hint").containsExactly("BAD_ARGUMENTS");
        assertThat(s.get(2).expectedErrors()).isNull();
        assertThat(s.get(2).line).isEqualTo(4);
    }

    @Test
    void insertDataInAFormatEndsAtAnEmptyLineAndValuesAtTheSemicolon() {
        List<StatementSplitter.Statement> s = StatementSplitter.split(
                "INSERT INTO t FORMAT CSV 1,a;b\n2,c\n\nINSERT INTO t VALUES (1, ';');\nINSERT INTO t SELECT 1 FORMAT Null;\nSELECT 1");
        assertThat(s).extracting(st -> st.send).containsExactly(
                "INSERT INTO t FORMAT CSV 1,a;b\n2,c", "INSERT INTO t VALUES (1, ';')", "INSERT INTO t SELECT 1 FORMAT Null", "SELECT 1");
    }

    @Test
    void echoHintsAndTheTagsBlock() {
        List<StatementSplitter.Statement> s = StatementSplitter.split("-- Tags: no-fasttest\n-- more\n\n-- { echoOn }\nSELECT 1; -- one\nSELECT 2;");
        assertThat(s.get(0).echo).isTrue();
        assertThat(s.get(0).full).isEqualTo("-- { echoOn }\nSELECT 1; -- one");
        assertThat(s.get(1).full).isEqualTo("SELECT 2;");
    }
}
