package dev.chorm.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Tell whether the project's models are compiled, and warn when sources are newer than the classes:
 * goals read models from the compiled classes, and stale classes would yield stale migrations.
 */
final class CompiledClasses {
    private final Path outputDirectory;
    private final List<Path> sourceRoots;
    private final Log log;

    CompiledClasses(Path outputDirectory, List<Path> sourceRoots, Log log) {
        this.outputDirectory = outputDirectory;
        this.sourceRoots = List.copyOf(sourceRoots);
        this.log = log;
    }

    /** Return whether the project has been compiled (its output directory exists). */
    boolean present() {
        return Files.isDirectory(outputDirectory);
    }

    /** Fail when the output directory does not exist; warn when a source file is newer than every class. */
    void require(String goal) throws MojoFailureException {
        if (!Files.isDirectory(outputDirectory)) {
            throw new MojoFailureException("The project is not compiled: %s does not exist, so there are no models to read."
                    .formatted(outputDirectory) + " Run 'mvn compile clickhouse:%s'.".formatted(goal));
        }
        FileTime classes = newest(List.of(outputDirectory), ".class");
        FileTime sources = newest(sourceRoots, ".java");
        if (sources.compareTo(classes) > 0) {
            log.warn("Sources changed after the last compile, so this goal sees the models as they were then."
                    + " Run 'mvn compile clickhouse:%s' to see the current ones.".formatted(goal));
        }
    }

    private static FileTime newest(List<Path> roots, String suffix) {
        FileTime newest = FileTime.fromMillis(0);
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(suffix))::iterator) {
                    FileTime t = Files.getLastModifiedTime(file);
                    newest = t.compareTo(newest) > 0 ? t : newest;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return newest;
    }
}
