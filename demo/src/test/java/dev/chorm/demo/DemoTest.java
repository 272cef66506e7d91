package dev.chorm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Config;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo end to end on the embedded engine, with fewer events than the README's run. */
class DemoTest {
    @TempDir
    Path data;

    @Test
    void migratesLoadsAndPrintsEveryQueryWithItsSqlAndRows() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Config config = Config.of(Map.of("chorm.models.packages", "dev.chorm.demo.events",
                "chorm.databases.default.settings.mutations_sync", "2",
                "chorm.databases.default.data-dir", data.toString()));

        new Demo(new PrintStream(bytes, true, StandardCharsets.UTF_8), 20_000).run(config);

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("chorm demo on the embedded ClickHouse; its data lives in " + data.toAbsolutePath())
                .contains("Applying events/0001_initial", "Applying events/0002_host_event_bytes",
                        "  loading events: 5,000 of 20,000", "Loaded 20,000 events with bulkCreate",
                        "uniq(`ip`) AS `sources`, quantiles(0.5, 0.9, 0.99)(`bytes`)", "PREWHERE `action` = 'DROP'",
                        "LIMIT 2 BY `protocol`", "FROM `demo_host` FINAL", "ALTER TABLE `demo_event` UPDATE protocol = 'SSH'")
                .containsPattern("(?m)^   TCP +\\| +[0-9,]+ \\| +[0-9,]+ \\| \\[")    // the group-by's table row
                .containsPattern("(?m)^   10\\.0\\.0\\.0 +\\| renamed-0 +\\| +2$")   // FINAL kept the second scan
                .containsPattern("(?m)^   SSH +\\| +2,858$")                          // the mutation's rows: i % 7 == 0
                .containsPattern("Done in [0-9.]+ s\\. The tables stay in " + java.util.regex.Pattern.quote(data.toAbsolutePath().toString()));
    }
}
