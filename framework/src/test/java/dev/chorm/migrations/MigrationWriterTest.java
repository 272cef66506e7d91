package dev.chorm.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.MigrationException;
import dev.chorm.migrations.fixtures.v1.Event;
import dev.chorm.migrations.operations.CreateModel;
import dev.chorm.model.ModelMeta;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write migration files deterministically and read them back. */
class MigrationWriterTest {
    private final MigrationWriter writer = new MigrationWriter();

    private static Migration initialEvent() {
        return Migration.of(new MigrationKey("events", "0001_initial"), List.of(),
                List.of(new CreateModel("Event", ModelMeta.of(Event.class).table())), true);
    }

    @Test
    void initialMigrationMatchesGoldenFile() throws IOException {
        assertThat(writer.render(initialEvent())).isEqualTo(golden("migrations/readme_event/0001_initial.json"));
    }

    @Test
    void everyOperationMatchesGoldenFile() throws IOException {
        Migration m = Migration.of(new MigrationKey("events", "0002_everything"),
                List.of(new MigrationKey("events", "0001_initial"), new MigrationKey("billing", "0003_x")),
                AllOperations.operations(), false);
        assertThat(writer.render(m)).isEqualTo(golden("migrations/all_operations/0002_everything.json"));
    }

    @Test
    void sameMigrationGivesByteIdenticalFiles(@TempDir Path dir) throws IOException {
        Path first = writer.write(dir.resolve("a"), initialEvent());
        Path second = writer.write(dir.resolve("b"), initialEvent());
        assertThat(first).isEqualTo(dir.resolve("a/events/0001_initial.json"));
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    }

    @Test
    void everyOperationSurvivesARoundTrip() {
        Migration m = Migration.of(new MigrationKey("events", "0002_everything"),
                List.of(new MigrationKey("events", "0001_initial")), AllOperations.operations(), false);
        Migration read = MigrationWriter.read(m.key(), "test", writer.render(m));
        assertThat(read.operations()).isEqualTo(m.operations());
        assertThat(read.dependencies()).isEqualTo(m.dependencies());
        assertThat(read.checksum()).isEqualTo(m.checksum());
        assertThat(writer.render(read)).isEqualTo(writer.render(m));
    }

    @Test
    void checksumIgnoresFormattingButNotMeaning() {
        String text = writer.render(initialEvent());
        Migration reformatted = MigrationWriter.read(initialEvent().key(), "t", text.replace("\n", "\n\n  "));
        Migration edited = MigrationWriter.read(initialEvent().key(), "t", text.replace("set(1000)", "set(100)"));
        assertThat(reformatted.checksum()).isEqualTo(initialEvent().checksum());
        assertThat(edited.checksum()).isNotEqualTo(initialEvent().checksum());
    }

    @Test
    void unknownOperationIsReportedWithItsPlace() {
        String text = "{\"dependencies\": [], \"operations\": [{\"type\": \"AddFeild\", \"model\": \"Event\"}]}";
        assertThatThrownBy(() -> MigrationWriter.read(new MigrationKey("events", "0002_x"), "t", text))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Migration events/0002_x, operations[0]: unknown operation type 'AddFeild'.");
    }

    @Test
    void brokenJsonNamesTheMigration() {
        assertThatThrownBy(() -> MigrationWriter.read(new MigrationKey("events", "0002_x"), "/p/0002_x.json", "{\"a\": "))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Cannot read migration events/0002_x (/p/0002_x.json): ");
    }

    static String golden(String resource) throws IOException {
        try (InputStream in = MigrationWriterTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("golden file %s", resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
