package dev.chorm.it.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Run {@code mvn} as a user runs it, with the Maven that runs this build, against a local
 * repository under {@code target/} that holds this reactor's artifacts (invoker:install), never
 * {@code ~/.m2}. Everything else comes from the outer build's local repository, served as a file
 * repository, and then from Maven Central: so a warm machine needs no network and a fresh one
 * downloads what is missing. An offline outer build ({@code -o}) runs the inner builds offline too,
 * with file repositories allowed ({@code aether.offline.protocols=file}).
 */
public final class MavenRunner {
    /** What one run printed: standard output and standard error apart, and both as they came. */
    public record Result(int exitCode, String stdout, String stderr, Path log) {
        /** Return standard output and standard error together. */
        public String output() {
            return stdout + stderr;
        }
    }

    private final Path settings;
    private final Path logs;
    private int runs;

    private MavenRunner(Path settings, Path logs) {
        this.settings = settings;
        this.logs = logs;
    }

    /** Create a runner whose settings and logs live in {@code work}. */
    public static MavenRunner in(Path work) throws IOException {
        Files.createDirectories(work);
        Path settings = work.resolve("settings.xml");
        String outer = Path.of(property("chorm.it.outerRepository")).toUri().toString();
        // Snapshots only from target/it-repo: the outer repository may hold other builds of chorm.
        String repository = """
                <id>outer-local-repository</id>
                <url>%s</url>
                <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
                <snapshots><enabled>false</enabled></snapshots>
                """.formatted(outer);
        Files.writeString(settings, """
                <settings>
                  <profiles>
                    <profile>
                      <id>outer-local-repository</id>
                      <repositories>
                        <repository>
                %1$s</repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository>
                %1$s</pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles>
                    <activeProfile>outer-local-repository</activeProfile>
                  </activeProfiles>
                </settings>
                """.formatted(repository), StandardCharsets.UTF_8);
        Path logs = work.resolve("logs");
        Files.createDirectories(logs);
        return new MavenRunner(settings, logs);
    }

    /** Run {@code mvn args} in {@code directory} and return what it printed; the log is kept in {@code logs/}. */
    public Result run(Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(property("chorm.it.mavenHome"), "bin", "mvn").toString());
        command.addAll(List.of("-B", "-s", settings.toString(), "-Dmaven.repo.local=" + property("chorm.it.repository"),
                "-Dstyle.color=never"));
        if (System.getProperty("chorm.it.offline", "").equals("offline-true")) {
            command.addAll(List.of("-o", "-Daether.offline.protocols=file"));
        }
        command.addAll(Arrays.asList(args));
        String name = "%02d-%s".formatted(++runs, String.join("_", args).replaceAll("[^A-Za-z0-9=._-]+", "_"));
        Path stdout = logs.resolve(name.substring(0, Math.min(name.length(), 100)) + ".out");
        Path stderr = logs.resolve(name.substring(0, Math.min(name.length(), 100)) + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().remove("MAVEN_ARGS");
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", args) + " did not finish in 10 minutes; see " + stdout);
        }
        return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr), stdout);
    }

    /**
     * Generate project {@code artifactId} (groupId {@code org.acme}) with Java package {@code javaPackage}
     * in {@code directory} from this build's archetype, as docs/getting-started.md does (the archetype
     * plugin named with its version: a prefix cannot be looked up offline), and return its folder.
     */
    public Path generate(Path directory, String artifactId, String javaPackage) throws IOException, InterruptedException {
        Result r = run(directory, "org.apache.maven.plugins:maven-archetype-plugin:" + property("chorm.it.archetypePluginVersion")
                        + ":generate", "-DarchetypeGroupId=dev.chorm", "-DarchetypeArtifactId=chorm-archetype",
                "-DarchetypeVersion=" + property("chorm.it.chormVersion"), "-DgroupId=org.acme", "-DartifactId=" + artifactId,
                "-Dversion=1.0-SNAPSHOT", "-Dpackage=" + javaPackage, "-DinteractiveMode=false");
        if (r.exitCode() != 0) {
            throw new AssertionError("archetype:generate failed, see " + r.log() + ":\n" + r.output());
        }
        return directory.resolve(artifactId);
    }

    /** Delete {@code dir} and everything in it, if it exists. */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Return system property {@code name}, which the it module's failsafe configuration sets. */
    public static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run this test through the it"
                    + " module's failsafe configuration ('mvn -pl it -am verify').");
        }
        return value;
    }
}
