package dev.chorm.embedded.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The statement of one HTTP request, composed as a server does ({@code query=} parameter, a
 * newline, then the body) and made safe for the engine: inline INSERT data is streamed to a
 * scratch file and read with {@code FROM INFILE}, so no byte sequence can cut it short.
 */
final class QueryRequest {
    /** The most SQL text held in memory for a statement that is not an insert. */
    private static final long MAX_QUERY_TEXT = 16L << 20;
    /** The most text of an INSERT ... VALUES (rows as SQL), also held in memory. */
    private static final long MAX_INSERT_TEXT = 256L << 20;
    /** The most framed bytes of a decompress=1 body, which is decoded in memory. */
    private static final long MAX_COMPRESSED_BODY = 128L << 20;
    private final QueryText text;
    private final byte[] sql;
    private final Path dataFile;

    private QueryRequest(QueryText text, byte[] sql, Path dataFile) {
        this.text = text;
        this.sql = sql;
        this.dataFile = dataFile;
    }

    /** Read the request body and return the statement to run. */
    static QueryRequest read(InputStream body, HttpRequestParameters request, Path scratchDir, int headBytes)
            throws IOException {
        InputStream in = request.flag("decompress")
                ? new ByteArrayInputStream(CompressedBlocks.decode(readBounded(body, MAX_COMPRESSED_BODY, MAX_COMPRESSED_BODY, "compressed request"))) : body;
        String query = request.get("query");
        byte[] prefix = query == null ? new byte[0] : (query + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] head = concat(prefix, in.readNBytes(headBytes));
        boolean exhausted = head.length < prefix.length + headBytes;
        QueryText text = QueryText.analyze(head, head.length);
        if (!(text.hasInlineData() && (text.dataStart() < head.length || exhausted))) {
            // Without inline data the whole text is SQL, held in memory: bounded as a server bounds it.
            long limit = text.kind() == QueryText.Kind.INSERT ? MAX_INSERT_TEXT : MAX_QUERY_TEXT;
            if (!exhausted) { // else head is the whole text, already analyzed
                head = concat(head, readBounded(in, limit - head.length, limit, "query"));
                text = QueryText.analyze(head, head.length);
            }
            in = InputStream.nullInputStream();
        }
        if (!text.hasInlineData()) {
            if (head.length == 0) {
                throw new EngineException(62, "Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR)");
            }
            return new QueryRequest(text, text.kind() == QueryText.Kind.DROP ? text.withoutSync() : head, null);
        }
        Path file = Files.createTempFile(scratchDir, "insert-", ".bin");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head, text.dataStart(), head.length - text.dataStart());
            in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        // Values rows may hold expressions, and an expression could call file(): rows only.
        String extra = "Values".equalsIgnoreCase(text.formatName()) ? "input_format_values_interpret_expressions = 0" : "";
        return new QueryRequest(text, text.insertFromFile(file.toAbsolutePath().toString(), extra), file);
    }

    /** Reads {@code in} to its end, refusing more than {@code remaining} bytes (of a text limited to {@code limit}). */
    private static byte[] readBounded(InputStream in, long remaining, long limit, String what) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, remaining) + 1));
        if (bytes.length > remaining) {
            throw new EngineException(62, "Code: 62. DB::Exception: Max query size exceeded: the " + what + " text is over "
                    + (limit >> 20) + " MiB. Send rows as inline data (INSERT INTO t FORMAT fmt, then the rows),"
                    + " which has no such limit. (SYNTAX_ERROR)");
        }
        return bytes;
    }

    QueryText text() {
        return text;
    }

    byte[] sql() {
        return sql;
    }

    /** Return the first 200 characters of the statement, for messages. */
    String preview() {
        return new String(sql, 0, Math.min(sql.length, 200), StandardCharsets.UTF_8);
    }

    /** Return the zone of a {@code SETTINGS session_timezone = '...'} clause in the statement. */
    java.util.Optional<String> sessionTimezone() {
        if (text.kind() != QueryText.Kind.SELECT_LIKE) {
            return java.util.Optional.empty(); // only result rows are decoded in the zone
        }
        String zone = text.lastStringAssignment("session_timezone");
        return zone == null || zone.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(zone);
    }

    void deleteDataFile() throws IOException {
        if (dataFile != null) {
            Files.deleteIfExists(dataFile);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        if (a.length == 0) {
            return b;
        }
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
