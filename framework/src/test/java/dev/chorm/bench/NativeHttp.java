package dev.chorm.bench;

import dev.chorm.embedded.EmbeddedClickHouse;
import dev.chorm.testing.TestEngine;
import dev.chorm.types.DataType;
import dev.chorm.types.RowBinaryWriter;
import dev.chorm.wire.NativeBlock;
import dev.chorm.wire.NativeColumn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The benchmark's ceilings: the engine's HTTP interface driven by a plain HTTP client, with no driver
 * between: rows pre-encoded as Native posted as the body of an INSERT, and a SELECT's Native answer
 * read into a sink.
 */
final class NativeHttp {
    /** The benchmark's read, as the delivery ceiling reads it. */
    static final String SELECT = "SELECT id, port, bytes, ratio, name, city, at, day, active, code FROM bench_row"
            + " FORMAT Native";
    private static final List<String> NAMES = List.of("id", "port", "bytes", "ratio", "name", "city", "at", "day",
            "active", "code");
    private static final List<String> TYPES = List.of("Int64", "UInt16", "Int64", "Float64", "String",
            "LowCardinality(String)", "DateTime64(6, 'UTC')", "Date32", "Bool", "UInt32");

    private NativeHttp() {
    }

    /** Encode {@code data} as Native blocks of 65,536 rows, ahead of time (not measured). */
    static byte[] encode(List<BenchRow> data) {
        NativeBlock block = new NativeBlock(NAMES, TYPES.stream().map(t -> NativeColumn.of(DataType.parse(t))).toList());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RowBinaryWriter out = new RowBinaryWriter(bytes)) {
            for (BenchRow r : data) {
                block.directWriter(0).writeInt64(r.id);
                block.directWriter(1).writeInt16(r.port);
                block.directWriter(2).writeInt64(r.bytes);
                block.directWriter(3).writeFloat64(r.ratio);
                block.directWriter(4).writeString(r.name);
                block.column(5).add(r.city);
                block.directWriter(6).writeInt64(r.at.getEpochSecond() * 1_000_000 + r.at.getNano() / 1_000);
                block.directWriter(7).writeInt32((int) r.day.toEpochDay());
                block.directWriter(8).writeInt8(r.active ? 1 : 0);
                block.directWriter(9).writeInt32((int) r.code);
                block.endRow();
                if (block.rows() == 65_536) {
                    block.writeTo(out);
                }
            }
            block.writeTo(out);
        }
        return bytes.toByteArray();
    }

    /** Post {@code body} as {@code INSERT INTO bench_row FORMAT Native}. */
    static void insert(String database, byte[] body) {
        try {
            HttpURLConnection c = open(database, "INSERT INTO bench_row FORMAT Native");
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            check(c);
            c.getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Run {@code sql} and read its answer into a sink; return the number of bytes. */
    static long readInto(String database, String sql) {
        try {
            HttpURLConnection c = open(database, null);
            byte[] query = sql.getBytes(StandardCharsets.UTF_8);
            c.setFixedLengthStreamingMode(query.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(query);
            }
            check(c);
            long total = 0;
            byte[] buf = new byte[1 << 16];
            try (InputStream in = c.getInputStream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    total += n;
                }
            }
            return total;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpURLConnection open(String database, String query) throws IOException {
        EmbeddedClickHouse e = TestEngine.shared();
        String url = e.httpUrl() + "/?database=" + URLEncoder.encode(database, StandardCharsets.UTF_8)
                + (query == null ? "" : "&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("X-ClickHouse-User", e.jdbcProperties().getProperty("user"));
        c.setRequestProperty("X-ClickHouse-Key", e.jdbcProperties().getProperty("password"));
        return c;
    }

    private static void check(HttpURLConnection c) throws IOException {
        if (c.getResponseCode() != 200) {
            InputStream err = c.getErrorStream();
            throw new IOException("HTTP " + c.getResponseCode() + ": "
                    + (err == null ? "" : new String(err.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }
}
