package dev.chorm.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.query.fixtures.Person;
import dev.chorm.testing.TestEngine;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Stream 10,000,000 rows into objects in a JVM limited to 256 MB, and close a large stream early. */
class StreamMemoryTest {
    private static final long ROWS = 10_000_000;

    @Test
    void streamsTenMillionRowsUnder256MegabytesAndClosesEarly() throws Exception {
        try (Database db = EngineSupport.open("stream")) {
            db.createTables(Person.class);
            db.execute("INSERT INTO person (id, first_name, last_name, birthday, height) SELECT number + 1, "
                    + "concat('First', toString(number % 1000)), concat('Last', toString(number)), "
                    + "toDate32('1950-01-01') + number % 20000, number / 1000 FROM numbers(" + ROWS + ")");
            String dbName = db.query("SELECT currentDatabase() AS d").get(0).get("d").toString();
            String out = runChild(dbName);
            assertThat(out).contains("rows=" + ROWS + " sum=" + ROWS * (ROWS + 1) / 2);
            long start = System.nanoTime();
            try (Stream<Person> s = db.objects(Person.class).stream()) {
                assertThat(s.limit(10).count()).isEqualTo(10);
            }
            assertThat(db.objects(Person.class).filter("id", 1).count()).isEqualTo(1);
            System.out.println("early close took " + (System.nanoTime() - start) / 1_000_000 + " ms; child: " + out);
        }
    }

    private static String runChild(String dbName) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var props = TestEngine.shared().jdbcProperties();
        File log = File.createTempFile("stream-child", ".log");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-cp", classpath,
                StreamMemoryMain.class.getName(), TestEngine.shared().jdbcUrl(dbName), props.getProperty("user"),
                props.getProperty("password", ""))).redirectErrorStream(true).redirectOutput(log).start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("child finished").isTrue();
        String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("child exit code; output:%n%s", out).isZero();
        return out.lines().filter(l -> l.startsWith("rows=")).findFirst().orElse(out);
    }
}
