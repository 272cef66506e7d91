package dev.chorm.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.MigrationException;
import dev.chorm.migrations.operations.AddField;
import dev.chorm.migrations.operations.CreateModel;
import dev.chorm.migrations.operations.Operation;
import dev.chorm.model.ColumnSpec;
import dev.chorm.types.DataType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Load migrations from folders and jars, build their graph, and detect conflicts. */
class MigrationLoaderTest {
    private static final MigrationWriter WRITER = new MigrationWriter();

    @TempDir
    Path dir;

    static Migration migration(String key, List<String> deps, Operation... ops) {
        return Migration.of(MigrationKey.parse(key), deps.stream().map(MigrationKey::parse).toList(), List.of(ops),
                deps.stream().noneMatch(d -> d.startsWith(key.substring(0, key.indexOf('/')))));
    }

    static Operation create(String model) {
        return new CreateModel(model, States.table(model.toLowerCase()).build());
    }

    @Test
    void appsDependOnEachOtherAcrossFolders() {
        WRITER.write(dir, migration("events/0001_initial", List.of(), create("Event")));
        WRITER.write(dir, migration("billing/0001_initial", List.of("events/0001_initial"), create("Invoice")));
        WRITER.write(dir, migration("events/0002_event_note", List.of("events/0001_initial"),
                new AddField("Event", ColumnSpec.builder("note", DataType.string()).build(), null)));
        WRITER.write(dir, migration("billing/0002_more", List.of("billing/0001_initial", "events/0002_event_note")));

        MigrationGraph graph = new MigrationLoader(List.of(dir), null).loadGraph();

        assertThat(graph.apps()).containsExactly("billing", "events");
        assertThat(graph.forwardsPlan(MigrationKey.parse("billing/0002_more"))).extracting(MigrationKey::toString)
                .containsExactly("events/0001_initial", "billing/0001_initial", "events/0002_event_note", "billing/0002_more");
        assertThat(graph.backwardsPlan(MigrationKey.parse("events/0001_initial"))).extracting(MigrationKey::toString)
                .containsExactly("billing/0002_more", "billing/0001_initial", "events/0002_event_note", "events/0001_initial");
        assertThat(graph.leaves()).extracting(MigrationKey::toString).containsExactly("billing/0002_more", "events/0002_event_note");
        assertThat(graph.projectState(null).model("events", "Event").column("note")).isPresent();
    }

    @Test
    void migrationsShippedInAJarAreFound() throws IOException {
        Path jar = dir.resolve("library.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // Like maven-jar-plugin, list the folders too: class loaders find folders by their entries.
            for (String folder : List.of("db/", "db/clickhouse/", "db/clickhouse/audit/")) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            addEntry(out, "db/clickhouse/audit/0001_initial.json",
                    WRITER.render(migration("audit/0001_initial", List.of(), create("AuditLog"))));
            addEntry(out, "db/clickhouse/audit/README.txt", "not a migration");
        }
        Path project = dir.resolve("src");
        WRITER.write(project, migration("events/0001_initial", List.of("audit/0001_initial"), create("Event")));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            MigrationGraph graph = new MigrationLoader(List.of(project), loader).loadGraph();

            assertThat(graph.migrations()).extracting(m -> m.key().toString())
                    .containsExactly("audit/0001_initial", "events/0001_initial");
            assertThat(graph.migration(MigrationKey.parse("audit/0001_initial")).source())
                    .startsWith("jar:").endsWith("library.jar!/db/clickhouse/audit/0001_initial.json");
            assertThat(graph.projectState(null).apps()).containsExactly("audit", "events");
        }
    }

    @Test
    void projectFolderWinsOverItsCompiledCopyOnTheClasspath() throws IOException {
        Path classes = dir.resolve("classes");
        WRITER.write(classes.resolve("db/clickhouse"), migration("events/0001_initial", List.of(), create("Old")));
        Path project = dir.resolve("src");
        WRITER.write(project, migration("events/0001_initial", List.of(), create("Event")));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            Migration m = new MigrationLoader(List.of(project), loader).loadGraph().migration(MigrationKey.parse("events/0001_initial"));
            assertThat(m.operations()).containsExactly(create("Event"));
        }
    }

    @Test
    void missingDependencyIsNamed() {
        WRITER.write(dir, migration("events/0002_x", List.of("events/0001_initial")));
        assertThatThrownBy(() -> new MigrationLoader(List.of(dir), null).loadGraph())
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Migration events/0002_x depends on events/0001_initial, which does not exist.");
    }

    @Test
    void twoLeavesInOneAppAreAConflictThatAMergeResolves() {
        WRITER.write(dir, migration("events/0001_initial", List.of(), create("Event")));
        WRITER.write(dir, migration("events/0002_add_a", List.of("events/0001_initial")));
        WRITER.write(dir, migration("events/0002_add_b", List.of("events/0001_initial")));
        MigrationGraph graph = new MigrationLoader(List.of(dir), null).loadGraph();

        assertThatThrownBy(graph::checkConsistent).isInstanceOf(MigrationException.class)
                .hasMessage("Conflicting migrations detected; multiple leaf migrations in the graph:\n"
                        + "  events: 0002_add_a, 0002_add_b\n"
                        + "Run 'mvn clickhouse:makemigrations -Dclickhouse.merge=true' to write a merge migration.");

        Migrations migrations = Migrations.builder().directory(dir).classLoader(null).build();
        MakeMigrationsResult merge = migrations.makeMigrations(MakeMigrationsOptions.defaults().withMerge(true));

        assertThat(merge.files()).containsExactly(dir.resolve("events/0003_merge_0002_add_a_0002_add_b.json"));
        MigrationGraph merged = migrations.graph();
        merged.checkConsistent();
        assertThat(merged.leaves("events")).extracting(MigrationKey::name).containsExactly("0003_merge_0002_add_a_0002_add_b");
    }

    @Test
    void cycleIsReported() {
        WRITER.write(dir, migration("a/0001_x", List.of("b/0001_y")));
        WRITER.write(dir, migration("b/0001_y", List.of("a/0001_x")));
        assertThatThrownBy(() -> new MigrationLoader(List.of(dir), null).loadGraph())
                .isInstanceOf(MigrationException.class).hasMessageContaining("form a cycle");
    }

    private static void addEntry(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream o = out;
        o.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
