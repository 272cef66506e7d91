package dev.chorm.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FetchReportTest {
    private static final URI SOURCE = URI.create("https://registry.npmjs.org/@chdb/lib-linux-x64-gnu/-/lib-linux-x64-gnu-26.5.3.tgz");
    private static final Path LIBRARY = Path.of("/cache/chorm/chdb/lib-linux-x64-gnu-26.5.3/libchdb.so");

    private final List<String> lines = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final FetchReport report = new FetchReport(lines::add, now::get, "@chdb/lib-linux-x64-gnu@26.5.3", LIBRARY);

    @Test
    void aDownloadSaysWhatWhereAndHowBigThenOneLinePerTenthThenTheTime() {
        report.started(SOURCE, 166_000_000);
        for (long bytes = 0; bytes <= 166_000_000; bytes += 65_536) { // every read of a 64 KiB buffer
            now.addAndGet(20_000_000);
            report.advanced(bytes);
        }
        report.advanced(166_000_000);
        report.finished();

        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).isEqualTo("chorm: fetching the ClickHouse engine, npm package @chdb/lib-linux-x64-gnu@26.5.3 "
                + "(166.0 MB download) from " + SOURCE + " into /cache/chorm/chdb/lib-linux-x64-gnu-26.5.3; once per machine and version");
        assertThat(lines.get(1)).isEqualTo("chorm: 16.6 MB of 166.0 MB (10%), 5.1 s");
        assertThat(lines.get(9)).isEqualTo("chorm: 149.4 MB of 166.0 MB (90%), 45.6 s");
        assertThat(lines.get(10)).isEqualTo("chorm: fetched @chdb/lib-linux-x64-gnu@26.5.3 in 50.7 s, checked against npm's sha512; "
                + "the engine library is /cache/chorm/chdb/lib-linux-x64-gnu-26.5.3/libchdb.so");
    }

    @Test
    void aSlowDownloadOrOneOfUnknownSizePrintsALineAfterTenQuietSeconds() {
        report.started(SOURCE, -1);
        now.addAndGet(9_000_000_000L);
        report.advanced(1_000_000);
        now.addAndGet(1_000_000_000L);
        report.advanced(2_000_000);
        now.addAndGet(5_000_000_000L);
        report.advanced(3_000_000);

        assertThat(lines).containsExactly("chorm: fetching the ClickHouse engine, npm package @chdb/lib-linux-x64-gnu@26.5.3 "
                + "(size not given) from " + SOURCE + " into /cache/chorm/chdb/lib-linux-x64-gnu-26.5.3; once per machine and version",
                "chorm: 2.0 MB, 10.0 s");
    }
}
