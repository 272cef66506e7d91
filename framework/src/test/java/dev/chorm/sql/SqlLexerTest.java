package dev.chorm.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one lexer: where quoted runs, heredocs and comments end, and what that means for splitting. */
class SqlLexerTest {
    @Test
    void aDoubledQuoteStaysInsideTheString() {
        String sql = "'it''s', x";
        assertThat(SqlLexer.skipQuoted(sql, 0)).isEqualTo(7);
        assertThat(SqlLexer.splitTopLevel(sql, ',')).containsExactly("'it''s'", "x");
    }

    @Test
    void aBackslashEscapedQuoteStaysInsideTheString() {
        String sql = "'it\\'s, a', `we\\`ird`";
        assertThat(SqlLexer.skipQuoted(sql, 0)).isEqualTo(10);
        assertThat(SqlLexer.skipQuoted(sql, 12)).isEqualTo(sql.length());
        assertThat(SqlLexer.splitTopLevel(sql, ',')).containsExactly("'it\\'s, a'", "`we\\`ird`");
    }

    @Test
    void aHeredocRunsToItsOwnTag() {
        String sql = "$$it's, {x:UInt8}$$, $tag$a $$ b$tag$, c";
        assertThat(SqlLexer.skipNonCode(sql, 0)).isEqualTo(19);
        assertThat(SqlLexer.skipNonCode(sql, 21)).isEqualTo(37);
        assertThat(SqlLexer.splitTopLevel(sql, ',')).containsExactly("$$it's, {x:UInt8}$$", "$tag$a $$ b$tag$", "c");
    }

    @Test
    void commentsAreNotCode() {
        String sql = "a -- b, c\n, /* d, e */ f";
        assertThat(SqlLexer.skipNonCode(sql, 2)).isEqualTo(10);
        assertThat(SqlLexer.skipNonCode(sql, 0)).isEqualTo(0);
        assertThat(SqlLexer.splitTopLevel(sql, ',')).containsExactly("a -- b, c", "/* d, e */ f");
    }

    @Test
    void anUnterminatedRunEndsWithTheText() {
        assertThat(SqlLexer.skipQuoted("'abc", 0)).isEqualTo(4);
        assertThat(SqlLexer.skipNonCode("$x$abc", 0)).isEqualTo(6);
        assertThat(SqlLexer.skipNonCode("$1", 0)).isEqualTo(0);
    }

    @Test
    void columnReferencesSkipLiteralsOfEveryKind() {
        assertThat(SqlLexer.columnReferences("concat(a, 'b''c', $$d$$, `e`) -- f"))
                .isEqualTo(new java.util.LinkedHashSet<>(List.of("a", "e")));
    }
}
