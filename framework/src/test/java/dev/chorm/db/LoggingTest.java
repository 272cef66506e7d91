package dev.chorm.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LoggingTest {

    @Test
    void hikarisInfoLinesAreOffOnSlf4jSimpleUnlessConfigured() {
        Config.of(java.util.Map.of()); // Config's first use applies the defaults
        assertThat(System.getProperty(Logging.HIKARI_LEVEL)).isEqualTo("warn");
    }

    @Test
    void withoutAnyProviderNothingIsPrinted() throws Exception {
        // A JVM with this test's class path minus slf4j-simple: an application that chose no logging.
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("slf4j-simple"))
                .collect(Collectors.joining(File.pathSeparator));
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, NoProviderMain.class.getName()).redirectErrorStream(true).start();
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(output).isEqualTo("provider org.slf4j.helpers.NOP_FallbackServiceProvider\n");
        assertThat(java.exitValue()).isZero();
    }

    /** Load the configuration, then log as HikariCP and the driver do. */
    public static final class NoProviderMain {
        public static void main(String[] args) {
            Config.of(java.util.Map.of());
            org.slf4j.LoggerFactory.getLogger("com.zaxxer.hikari.HikariDataSource").warn("not shown");
            System.out.println("provider " + System.getProperty(Logging.PROVIDER));
            List.of().forEach(x -> { });
        }
    }
}
