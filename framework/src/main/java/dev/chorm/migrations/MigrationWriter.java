package dev.chorm.migrations;

import dev.chorm.MigrationException;
import dev.chorm.types.JsonText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Write migration files: one JSON file per migration, {@code <root>/<app>/<name>.json}, holding a
 * format version, the dependencies and the operations. Keys come in a fixed order, empty parts are
 * left out and formatting is fixed, so the same migration always gives byte-identical text and
 * diffs review well.
 *
 * <pre>{@code
 * Path file = new MigrationWriter().write(Path.of("src/main/resources/db/clickhouse"), migration);
 * }</pre>
 */
public final class MigrationWriter {
    /** The extension of migration files. */
    public static final String EXTENSION = ".json";

    /** Create a writer. */
    public MigrationWriter() {
    }

    /** Return the text of {@code migration}'s file. */
    public String render(Migration migration) {
        return JsonText.writePretty(MigrationCodec.encode(migration));
    }

    /** Return the path of {@code migration}'s file under {@code root}. */
    public Path path(Path root, MigrationKey migration) {
        return root.resolve(migration.app()).resolve(migration.name() + EXTENSION);
    }

    /** Write {@code migration}'s file under {@code root}, creating the app folder, and return its path. */
    public Path write(Path root, Migration migration) {
        Path file = path(root, migration.key());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, render(migration), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new MigrationException("Cannot write %s: %s. Check that the folder is writable.".formatted(file, e.getMessage()), e);
        }
    }

    /** Read a migration from the text of its file. */
    public static Migration read(MigrationKey key, String source, String text) {
        Object parsed;
        try {
            parsed = JsonText.parse(text);
        } catch (RuntimeException e) {
            throw new MigrationException("Cannot read migration %s (%s): %s. Fix the JSON or restore the file."
                    .formatted(key, source, e.getMessage()), e);
        }
        return MigrationCodec.decode(key, source, parsed);
    }
}
