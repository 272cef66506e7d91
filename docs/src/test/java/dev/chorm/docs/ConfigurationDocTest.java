package dev.chorm.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.ConfigKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md lists exactly the keys the code knows ({@link ConfigKeys}), in its order and words. */
class ConfigurationDocTest {

    @Test
    void theKeyTableIsTheCodesListOfKnownKeys() throws IOException {
        String doc = Files.readString(DocSnippetsTest.DOCS.resolve("configuration.md"));
        String start = "<!-- keys:start -->\n";
        String end = "<!-- keys:end -->";
        assertThat(doc).contains(start, end);
        String table = doc.substring(doc.indexOf(start) + start.length(), doc.indexOf(end));

        assertThat(table).as("the table in docs/configuration.md; replace it with ConfigKeys.markdownTable()")
                .isEqualTo(ConfigKeys.markdownTable());
    }

    @Test
    void everyKeyInTheTableIsOneTheCodeAccepts() {
        for (ConfigKeys.Key key : ConfigKeys.all()) {
            String concrete = key.pattern().replace("<alias>", "default").replace("<app>", "events")
                    .replace("<Model>", "Event").replace("<setting>", "max_threads");
            assertThat(ConfigKeys.isKnown(concrete)).as(concrete).isTrue();
        }
    }
}
