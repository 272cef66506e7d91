package dev.chorm.migrations;

import dev.chorm.MigrationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Find and read migration files: from source folders ({@code src/main/resources/db/clickhouse}) and
 * from every classpath entry (folders and jars) that holds {@code db/clickhouse/<app>/NNNN_name.json},
 * so that libraries ship their migrations in their jars. A migration found in a folder wins over the
 * same one found on the classpath (the compiled copy of the project's own files).
 *
 * <pre>{@code
 * MigrationGraph graph = new MigrationLoader(List.of(Path.of("src/main/resources/db/clickhouse")), loader).loadGraph();
 * }</pre>
 */
public final class MigrationLoader {
    /** The resource folder that holds migrations, one subfolder per app. */
    public static final String LOCATION = "db/clickhouse";
    private static final Pattern FILE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)/(\\d{4}_[A-Za-z0-9_]+)\\.json");

    private final List<Path> directories;
    private final ClassLoader classLoader;

    /** Create a loader over {@code directories} (each holding app folders) and, when not null, {@code classLoader}'s resources. */
    public MigrationLoader(List<Path> directories, ClassLoader classLoader) {
        this.directories = List.copyOf(directories);
        this.classLoader = classLoader;
    }

    /** Read every migration found, sorted by app and name. */
    public List<Migration> loadMigrations() {
        Map<MigrationKey, Migration> found = new LinkedHashMap<>();
        for (Path dir : directories) {
            readDirectory(dir, found);
        }
        if (classLoader != null) {
            readClasspath(found);
        }
        List<Migration> out = new ArrayList<>(found.values());
        out.sort((a, b) -> a.key().compareTo(b.key()));
        return out;
    }

    /** Read every migration and return their graph. */
    public MigrationGraph loadGraph() {
        return new MigrationGraph(loadMigrations());
    }

    private void readDirectory(Path root, Map<MigrationKey, Migration> found) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try {
            readTree(root, found, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readClasspath(Map<MigrationKey, Migration> found) {
        try {
            for (URL url : Collections.list(classLoader.getResources(LOCATION))) {
                if (url.getProtocol().equals("jar")) {
                    readJar(url, found);
                } else if (url.getProtocol().equals("file")) {
                    readFileUrl(url, found);
                }
            }
        } catch (IOException e) {
            throw new MigrationException("Cannot list the migrations on the classpath: " + e.getMessage(), e);
        }
    }

    private void readFileUrl(URL url, Map<MigrationKey, Migration> found) {
        try {
            readTree(Path.of(url.toURI()), found, false);
        } catch (URISyntaxException | IOException e) {
            throw new MigrationException("Cannot read the migrations in %s: %s".formatted(url, e.getMessage()), e);
        }
    }

    /** Add the migrations of the app folders under {@code root}. */
    private static void readTree(Path root, Map<MigrationKey, Migration> found, boolean fromDirectory) throws IOException {
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : files.sorted().toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                add(relative, file.toString(), () -> Files.readString(file, StandardCharsets.UTF_8), found, fromDirectory);
            }
        }
    }

    private void readJar(URL url, Map<MigrationKey, Migration> found) throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (java.util.jar.JarFile jar = connection.getJarFile()) {
            List<String> names = jar.stream().map(java.util.jar.JarEntry::getName)
                    .filter(n -> n.startsWith(LOCATION + "/")).sorted().toList();
            for (String name : names) {
                String relative = name.substring(LOCATION.length() + 1);
                add(relative, "jar:" + jar.getName() + "!/" + name, () -> {
                    try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }, found, false);
            }
        }
    }

    private interface Text {
        String read() throws IOException;
    }

    /**
     * Add the migration at {@code relative} unless one with its key was found already: a source folder's
     * copy wins over the compiled copy on the classpath; two jars with different copies are an error.
     */
    private static void add(String relative, String source, Text text, Map<MigrationKey, Migration> found,
                            boolean fromDirectory) throws IOException {
        Matcher m = FILE.matcher(relative);
        if (!m.matches()) {
            return;
        }
        MigrationKey key = new MigrationKey(m.group(1), m.group(2));
        Migration migration = MigrationWriter.read(key, source, text.read());
        Migration earlier = found.get(key);
        if (earlier == null) {
            found.put(key, migration);
        } else if (!fromDirectory && earlier.source().startsWith("jar:") && source.startsWith("jar:")
                && !earlier.checksum().equals(migration.checksum())) {
            throw duplicate(key, earlier, migration);
        }
    }

    private static MigrationException duplicate(MigrationKey key, Migration a, Migration b) {
        return new MigrationException("Migration %s is defined twice: in %s and in %s. Rename the app of one of them."
                .formatted(key, a.source(), b.source()));
    }
}
