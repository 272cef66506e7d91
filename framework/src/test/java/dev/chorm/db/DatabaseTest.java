package dev.chorm.db;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ChormException;
import dev.chorm.embedded.EmbeddedEngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @Test
    void anEmbeddedEngineThatCannotStartFailsAsAChormExceptionWithTheEnginesMessage(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "");
        assertThatThrownBy(() -> Database.embedded(file))
                .isExactlyInstanceOf(ChormException.class)
                .hasMessage("Cannot start the embedded engine on " + file + ": java.nio.file.FileAlreadyExistsException: " + file)
                .cause().isInstanceOf(EmbeddedEngineException.class);
    }
}
