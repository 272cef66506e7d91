package dev.chorm.embedded.internal;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Fetch an npm package's tarball, check it against the integrity npm reports, and extract one file
 * from it. The tarball is found with {@code npm view} (so npm's registry configuration applies) and
 * downloaded here, which lets the download report its progress; {@code npm pack} is the fallback when
 * the direct download fails (a registry that needs npm's credentials or proxy). Internal:
 * {@link dev.chorm.embedded.EngineLibrary} is the API. Failures are {@link IOException}s whose
 * messages can be shown to a user as they are.
 */
public final class NpmTarball {

    // npm's --json output is an array of objects; these two keys occur once per packed package.
    private static final Pattern INTEGRITY = Pattern.compile("\"integrity\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("\"filename\"\\s*:\\s*\"([^\"]*)\"");
    // `npm view <spec> dist --json` prints one object: {"integrity": ..., "tarball": ..., "unpackedSize": N, ...}.
    private static final Pattern TARBALL = Pattern.compile("\"tarball\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern UNPACKED_SIZE = Pattern.compile("\"unpackedSize\"\\s*:\\s*(\\d+)");
    private static final int BUFFER_BYTES = 1 << 16;
    private static final int OUTPUT_TAIL_CHARS = 2_000;

    /** A tarball that {@code npm pack} wrote, with the integrity ({@code sha512-<base64>}) npm reported. */
    public record Packed(Path tarball, String integrity) {}

    /**
     * Where npm says a package's tarball is, with its integrity and (-1 when npm does not say) its unpacked size.
     */
    public record Dist(URI tarball, String integrity, long unpackedSize) {}

    /** What a download reports: its size once known (-1 if the server does not say), then the bytes so far. */
    public interface Progress {
        /** The response arrived; {@code totalBytes} is its Content-Length, or -1. */
        void started(URI source, long totalBytes);

        /** {@code bytes} of the tarball have arrived so far. */
        void advanced(long bytes);
    }

    private NpmTarball() {}

    /** Return the command line that asks npm where {@code spec}'s tarball is. */
    public static List<String> viewCommand(String npm, String spec) {
        return List.of(npm, "view", spec, "dist", "--json");
    }

    /** Run {@code npm view <spec> dist --json} in {@code directory} and return where the tarball is. */
    public static Dist view(String npm, String spec, Path directory, Duration timeout) throws IOException {
        NpmOutput out = runForJson(viewCommand(npm, spec), directory, "npm-view", timeout);
        String shown = out.shown();
        Matcher tarball = TARBALL.matcher(out.json());
        Matcher integrity = INTEGRITY.matcher(out.json());
        if (!tarball.find() || !integrity.find()) {
            throw out.missing("\"tarball\" and \"integrity\"");
        }
        Matcher unpacked = UNPACKED_SIZE.matcher(out.json());
        URI uri;
        try {
            uri = new URI(tarball.group(1));
        } catch (URISyntaxException e) {
            throw new IOException("%s printed the tarball address '%s', which is not a URL".formatted(shown, tarball.group(1)), e);
        }
        return new Dist(uri, integrity.group(1), unpacked.find() ? Long.parseLong(unpacked.group(1)) : -1);
    }

    /**
     * Download {@code source} to {@code target}, telling {@code progress} how far it got; fail if the
     * server answers with another status than 200 or the body is shorter than its Content-Length.
     */
    public static void download(URI source, Path target, Duration timeout, Progress progress) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).proxy(ProxySelector.getDefault()).build();
        HttpRequest request = HttpRequest.newBuilder(source).timeout(timeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while downloading " + source);
        } catch (IOException e) {
            throw new IOException("cannot download %s: %s".formatted(source, describe(e)), e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("%s answered HTTP %d".formatted(source, response.statusCode()));
            }
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            progress.started(source, total);
            long copied = 0;
            byte[] buffer = new byte[BUFFER_BYTES];
            try (OutputStream out = Files.newOutputStream(target)) {
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    out.write(buffer, 0, n);
                    copied += n;
                    progress.advanced(copied);
                }
            }
            if (total >= 0 && copied != total) {
                throw new IOException("%s ended after %d of %d bytes".formatted(source, copied, total));
            }
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Return the command line that packs {@code spec} (e.g. {@code @chdb/lib-linux-x64-gnu@26.5.3}) into a directory. */
    public static List<String> packCommand(String npm, String spec, Path destination) {
        return List.of(npm, "pack", spec, "--json", "--pack-destination", destination.toString());
    }

    /**
     * Run {@code npm pack <spec> --json} in {@code destination} and return the tarball it wrote.
     * npm's output goes to two files in {@code destination}; the process is killed after {@code timeout}.
     */
    public static Packed pack(String npm, String spec, Path destination, Duration timeout) throws IOException {
        NpmOutput out = runForJson(packCommand(npm, spec, destination), destination, "npm", timeout);
        Matcher integrity = INTEGRITY.matcher(out.json());
        Matcher filename = FILENAME.matcher(out.json());
        if (!integrity.find() || !filename.find()) {
            throw out.missing("\"integrity\" and \"filename\"");
        }
        return new Packed(locateTarball(destination, filename.group(1), out.shown()), integrity.group(1));
    }

    /** Run {@code command} in {@code directory}, its output into two files; fail on a non-zero exit or after {@code timeout}. */
    /** What an npm command printed on standard output (JSON), and where both of its streams were kept. */
    private record NpmOutput(String shown, String json, Path stdout, Path stderr) {
        /** Return the error for output that lacks {@code what}, with the tail of what npm printed. */
        IOException missing(String what) throws IOException {
            return new IOException("%s printed no %s, output:%n%s".formatted(shown, what, outputTail(stderr, stdout)));
        }
    }

    /** Run {@code command} in {@code directory}, its streams kept in {@code <prefix>-stdout.txt}/{@code -stderr.txt}. */
    private static NpmOutput runForJson(List<String> command, Path directory, String prefix, Duration timeout)
            throws IOException {
        String shown = "`" + String.join(" ", command) + "`";
        Path stdout = directory.resolve(prefix + "-stdout.txt");
        Path stderr = directory.resolve(prefix + "-stderr.txt");
        run(command, shown, directory, stdout, stderr, timeout);
        return new NpmOutput(shown, readLenient(stdout), stdout, stderr);
    }

    private static void run(List<String> command, String shown, Path directory, Path stdout, Path stderr, Duration timeout)
            throws IOException {
        String npm = command.get(0);
        Process process;
        try {
            // The working directory is the destination: older npm versions ignore --pack-destination.
            process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            String reason = String.valueOf(e.getMessage());
            throw new IOException(reason.contains("error=2,")
                    ? npm + " not found on PATH"
                    : "cannot start " + shown + ": " + reason, e);
        }
        process.getOutputStream().close();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException("%s did not finish within %d minutes, output:%n%s"
                        .formatted(shown, timeout.toMinutes(), outputTail(stderr, stdout)));
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + shown);
        }
        if (process.exitValue() != 0) {
            throw new IOException("%s exited with code %d, output:%n%s"
                    .formatted(shown, process.exitValue(), outputTail(stderr, stdout)));
        }
    }

    /** Check that {@code file}'s SHA-512 matches an npm integrity string, and fail naming both if not. */
    public static void verifyIntegrity(Path file, String integrity) throws IOException {
        String expected = Arrays.stream(integrity.trim().split("\\s+"))
                .filter(hash -> hash.startsWith("sha512-"))
                .findFirst()
                .orElseThrow(() -> new IOException("npm reported integrity '%s' for %s, which has no sha512 hash"
                        .formatted(integrity, file)));
        byte[] expectedDigest;
        try {
            expectedDigest = Base64.getDecoder().decode(expected.substring("sha512-".length()));
        } catch (IllegalArgumentException e) {
            throw new IOException("npm reported integrity '%s' for %s, which is not valid base64".formatted(expected, file), e);
        }
        byte[] actualDigest = sha512(file);
        if (!MessageDigest.isEqual(expectedDigest, actualDigest)) {
            throw new IOException("%s has integrity sha512-%s, but npm reported %s: the download is corrupt or was tampered with"
                    .formatted(file, Base64.getEncoder().encodeToString(actualDigest), expected));
        }
    }

    /**
     * Extract the file {@code entryName} (e.g. {@code package/libchdb.so}) from a {@code .tgz} to
     * {@code target}, readable and executable by all. The bytes go to a temporary file
     * {@code .<target name>-*.tmp} next to {@code target} first, then are moved into place atomically,
     * so {@code target} either does not exist or is complete.
     */
    public static void extractEntry(Path tarball, String entryName, Path target) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, "." + target.getFileName() + "-", ".tmp");
        try {
            try (InputStream file = Files.newInputStream(tarball);
                 TarArchiveInputStream tar = new TarArchiveInputStream(
                         new GzipCompressorInputStream(new BufferedInputStream(file, 1 << 16)))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    if (entry.isFile() && entry.getName().equals(entryName)) {
                        long copied = Files.copy(tar, temp, StandardCopyOption.REPLACE_EXISTING);
                        if (copied != entry.getSize()) {
                            throw new IOException("%s: %s is truncated, got %d of %d bytes"
                                    .formatted(tarball, entryName, copied, entry.getSize()));
                        }
                        makeExecutable(temp);
                        moveAtomically(temp, target);
                        return;
                    }
                }
            }
            throw new IOException("%s has no entry %s".formatted(tarball, entryName));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Delete a file or a directory with everything in it; do nothing if it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static Path locateTarball(Path destination, String filename, String shown) throws IOException {
        Path named = destination.resolve(filename).normalize();
        if (named.getParent() != null && named.getParent().equals(destination.normalize()) && Files.isRegularFile(named)) {
            return named;
        }
        // npm versions differ in what "filename" holds; the destination is ours, so one .tgz is the one.
        List<Path> tarballs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(destination, "*.tgz")) {
            entries.forEach(tarballs::add);
        }
        if (tarballs.size() != 1) {
            throw new IOException("%s reported \"%s\", but %s holds %d .tgz files".formatted(
                    shown, filename, destination, tarballs.size()));
        }
        return tarballs.get(0);
    }

    private static byte[] sha512(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-512", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    private static void makeExecutable(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
            File plain = file.toFile();
            plain.setReadable(true, false);
            plain.setExecutable(true, false);
        }
    }

    private static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String outputTail(Path stderr, Path stdout) throws IOException {
        String output = (readLenient(stderr) + "\n" + readLenient(stdout)).strip();
        if (output.isEmpty()) {
            return "(none)";
        }
        return output.length() <= OUTPUT_TAIL_CHARS ? output : "..." + output.substring(output.length() - OUTPUT_TAIL_CHARS);
    }

    private static String readLenient(Path file) throws IOException {
        return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
    }
}
