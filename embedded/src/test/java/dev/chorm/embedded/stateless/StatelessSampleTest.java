package dev.chorm.embedded.stateless;

import dev.chorm.embedded.EmbeddedClickHouse;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sample of ClickHouse's own stateless functional tests (tests/queries/0_stateless of
 * ClickHouse/ClickHouse, Apache-2.0, see {@code src/test/resources/stateless/NOTICE}) run over
 * HTTP, one session per test. First each test alone on a fresh engine: a test that fails there
 * is "not supported alone" and left out; a test after which a fresh session sees other settings,
 * another database or temporary tables leaked its state into the server (a failure; the engine is
 * restarted so that the next test starts clean). Then all tests that passed alone, four at a time,
 * each in its own session, on another fresh engine: each must pass again.
 */
class StatelessSampleTest {
    private static final int THREADS = 4;
    /** Tags of tests that need what one embedded node does not have, or that cannot run in parallel. */
    private static final Pattern FORBIDDEN_TAGS = Pattern.compile(
            "(?m)^-- Tags:(?:.*[\\s,])?(no-parallel|long|zookeeper|distributed|replica|shard|use-hdfs|s3-storage)(?=[\\s,]|$)");
    /** What a fresh session sees; it must not change while tests run. */
    private static final String FINGERPRINT = "SELECT (SELECT toString(groupBitXor(cityHash64(name, value))) FROM system.settings),"
            + " currentDatabase(), (SELECT count() FROM system.tables WHERE is_temporary)";

    private record Case(String name, String sql, String reference) {
    }

    @Test
    void eachTestThatPassesAlonePassesInParallel(@TempDir Path dir) throws Exception {
        List<Case> cases = sample();
        org.assertj.core.api.Assertions.assertThat(cases).as("the .sql/.reference pairs under src/test/resources/stateless")
                .hasSizeGreaterThanOrEqualTo(40);
        for (Case c : cases) {
            Matcher m = FORBIDDEN_TAGS.matcher(c.sql);
            if (m.find()) {
                throw new AssertionError(c.name + " is tagged " + m.group(1) + ": it does not belong in the sample");
            }
        }

        // 1. alone, one after another, on a fresh engine
        Map<String, String> notSupportedAlone = new TreeMap<>();
        Map<String, String> leaked = new TreeMap<>();
        List<Case> passedAlone = new ArrayList<>();
        int engines = 0;
        EmbeddedClickHouse engine = start(dir, engines++);
        try {
            StatelessRunner runner = new StatelessRunner(engine.httpUrl());
            String baseline = runner.query(FINGERPRINT);
            for (Case c : cases) {
                StatelessRunner.Outcome o = runner.run(c.name, c.sql, c.reference);
                if (o.passed()) {
                    passedAlone.add(c);
                } else {
                    notSupportedAlone.put(c.name, o.reason());
                }
                String now = runner.alive() ? runner.query(FINGERPRINT) : "(the server no longer answers SELECT 1)";
                if (!now.equals(baseline)) {
                    leaked.put(c.name, "a fresh session saw " + now.strip().replace('\t', ' ') + " instead of "
                            + baseline.strip().replace('\t', ' ') + " (settings hash, database, temporary tables)");
                    engine.close();
                    engine = start(dir, engines++);
                    runner = new StatelessRunner(engine.httpUrl());
                    baseline = runner.query(FINGERPRINT);
                }
            }
        } finally {
            engine.close();
        }
        System.out.printf("stateless sample: %d tests, %d pass alone, %d not supported alone, %d leaked state into the server%n",
                cases.size(), passedAlone.size(), notSupportedAlone.size(), leaked.size());
        notSupportedAlone.forEach((name, why) -> System.out.println("  not supported alone: " + name + ": " + why));
        leaked.forEach((name, why) -> System.out.println("  leaked: " + name + ": " + why));

        // 2. the tests that passed alone, THREADS at a time, each in its own session
        Map<String, String> failedInParallel = new TreeMap<>();
        try (EmbeddedClickHouse parallel = start(dir, engines++)) {
            StatelessRunner runner = new StatelessRunner(parallel.httpUrl());
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<StatelessRunner.Outcome>> outcomes = new ArrayList<>();
                for (Case c : passedAlone) {
                    outcomes.add(pool.submit(() -> runner.run(c.name, c.sql, c.reference)));
                }
                for (Future<StatelessRunner.Outcome> f : outcomes) {
                    StatelessRunner.Outcome o = f.get();
                    if (!o.passed()) {
                        failedInParallel.put(o.name(), o.reason());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        System.out.printf("stateless sample in parallel (%d threads): %d of %d pass%n", THREADS,
                passedAlone.size() - failedInParallel.size(), passedAlone.size());
        failedInParallel.forEach((name, why) -> System.out.println("  failed in parallel: " + name + ": " + why));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(leaked).as("tests after which a fresh session saw their settings, database or temporary tables").isEmpty();
        soft.assertThat(failedInParallel).as("tests that pass alone but fail %d at a time", THREADS).isEmpty();
        soft.assertThat(passedAlone).as("tests that pass alone").isNotEmpty();
        soft.assertAll();
    }

    private static EmbeddedClickHouse start(Path dir, int n) {
        return EmbeddedClickHouse.builder(dir.resolve("engine-" + n)).childProcess().start();
    }

    /** The NAME.sql + NAME.reference pairs of the sample folder, by name. */
    private static List<Case> sample() throws IOException, URISyntaxException {
        URL url = StatelessSampleTest.class.getClassLoader().getResource("stateless");
        if (url == null) {
            return List.of();
        }
        Path folder = Path.of(url.toURI());
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path sql : files.filter(p -> p.toString().endsWith(".sql")).sorted(Comparator.naturalOrder()).toList()) {
                String name = sql.getFileName().toString().replaceAll("\\.sql$", "");
                Path reference = folder.resolve(name + ".reference");
                if (Files.exists(reference)) {
                    cases.add(new Case(name, Files.readString(sql, StandardCharsets.UTF_8), Files.readString(reference, StandardCharsets.UTF_8)));
                }
            }
        }
        return cases;
    }
}
