package dev.chorm.query.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.model.TableSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The columns of a table's keys, found by the SQL lexer. */
class KeyColumnsTest {
    @Test
    void keyColumnsAreTheNamesOutsideLiteralsAndComments() {
        TableSpec t = TableSpec.builder("t").orderBy(List.of("`odd name`", "concat(host, 'it''s port', $$path$$)"))
                .partitionBy("toYYYYMM(\"day\") -- by month").sampleBy("intHash32(user_id)").build();

        assertThat(KeyColumns.of(t)).containsExactly("odd name", "concat", "host", "toYYYYMM", "day", "intHash32", "user_id");
    }
}
