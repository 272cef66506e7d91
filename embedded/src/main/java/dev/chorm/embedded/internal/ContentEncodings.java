package dev.chorm.embedded.internal;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import com.aayushatharva.brotli4j.encoder.BrotliOutputStream;
import com.aayushatharva.brotli4j.encoder.Encoder;
import io.airlift.compress.snappy.SnappyHadoopStreams;
import io.airlift.compress.zstd.ZstdInputStream;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * HTTP {@code Content-Encoding} as a ClickHouse server handles it (src/IO/CompressionMethod.cpp):
 * a request body in any method the server reads is decoded before the statement is composed, a
 * name the server does not know is refused with its error (code 48), and a response is encoded
 * in the method a server picks from {@code Accept-Encoding} when the request has
 * {@code enable_http_compression=1}.
 */
final class ContentEncodings {
    /** A compression method, with its {@code Content-Encoding} token and the codes of its failures. */
    enum Method {
        GZIP("gzip", 354, "ZLIB_INFLATE_FAILED"),
        DEFLATE("deflate", 354, "ZLIB_INFLATE_FAILED"),
        BROTLI("br", 448, "BROTLI_READ_FAILED"),
        XZ("xz", 554, "LZMA_STREAM_DECODER_FAILED"),
        ZSTD("zstd", 561, "ZSTD_DECODER_FAILED"),
        LZ4("lz4", 618, "LZ4_DECODER_FAILED"),
        BZIP2("bz2", 594, "BZIP2_STREAM_DECODER_FAILED"),
        SNAPPY("snappy", 638, "SNAPPY_UNCOMPRESS_FAILED");

        final String token;
        final int decodeErrorCode;
        final String decodeErrorName;

        Method(String token, int decodeErrorCode, String decodeErrorName) {
            this.token = token;
            this.decodeErrorCode = decodeErrorCode;
            this.decodeErrorName = decodeErrorName;
        }
    }

    /**
     * The order in which a server picks a response method from {@code Accept-Encoding}
     * ({@code chooseHTTPCompressionMethod}). A server also lists snappy (after lz4) but then fails
     * the request, as it has no snappy writer; here snappy is skipped instead.
     */
    private static final Method[] RESPONSE_PREFERENCE = {
        Method.ZSTD, Method.BROTLI, Method.LZ4, Method.GZIP, Method.DEFLATE, Method.XZ, Method.BZIP2,
    };

    /** ClickHouse's http_zlib_compression_level default, which a server uses for every method. */
    static final int DEFAULT_LEVEL = 3;

    private ContentEncodings() {
    }

    /**
     * Return the method a request's {@code Content-Encoding} names, or null for none; refuse a
     * name the server does not know, with the server's error, so that the body never runs as text.
     */
    static Method ofRequest(String header) {
        if (header == null) {
            return null;
        }
        String name = header.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "", "none", "auto" -> null;
            case "gzip", "gz" -> Method.GZIP;
            case "deflate" -> Method.DEFLATE;
            case "br", "brotli" -> Method.BROTLI;
            case "xz", "lzma" -> Method.XZ;
            case "zstd", "zst" -> Method.ZSTD;
            case "lz4" -> Method.LZ4;
            case "bz2" -> Method.BZIP2;
            case "snappy" -> Method.SNAPPY;
            default -> throw new EngineException(48, "Code: 48. DB::Exception: Unknown compression method '" + header
                    + "'. Only 'auto', 'none', 'gzip', 'deflate', 'br', 'xz', 'zstd', 'lz4', 'bz2', 'snappy' are"
                    + " supported as compression methods. (NOT_IMPLEMENTED)");
        };
    }

    /**
     * Return {@code body} decoded per its {@code Content-Encoding} header. A body that is not
     * valid in its method fails with the server's error for that method, as an {@link EngineException}.
     */
    static InputStream decode(String contentEncoding, InputStream body) {
        Method method = ofRequest(contentEncoding);
        return method == null ? body : new DecodingStream(method, body);
    }

    /**
     * Return the method for a response, or null to send it as is: a server compresses only
     * when {@code enable_http_compression} is on and {@code Accept-Encoding} names a method.
     */
    static Method forResponse(boolean enabled, String acceptEncoding) {
        if (!enabled || acceptEncoding == null) {
            return null;
        }
        // A server looks for each name as a substring of the header, in its order of preference.
        String list = acceptEncoding.toLowerCase(Locale.ROOT);
        for (Method m : RESPONSE_PREFERENCE) {
            if (list.contains(m.token) && (m != Method.BROTLI || Brotli4jLoader.isAvailable())) {
                return m;
            }
        }
        return null;
    }

    /** Return a stream that encodes into {@code out}; closing it finishes the encoding and closes {@code out}. */
    static OutputStream encode(Method method, int level, OutputStream out) throws IOException {
        int zlibLevel = Math.max(1, Math.min(9, level));
        return switch (method) {
            case GZIP -> new GZIPOutputStream(out, 1 << 16) {
                {
                    def.setLevel(zlibLevel);
                }
            };
            case DEFLATE -> new DeflaterOutputStream(out, new Deflater(zlibLevel), 1 << 16) {
                @Override
                public void close() throws IOException {
                    super.close();
                    def.end();
                }
            };
            case BROTLI -> new BrotliOutputStream(out, new Encoder.Parameters().setQuality(Math.min(11, level)));
            case XZ -> new XZOutputStream(out, new LZMA2Options(Math.min(9, level)));
            case ZSTD -> new ZstdOutputStream(out);
            case LZ4 -> new LZ4FrameOutputStream(out); // independent blocks, which every reader reads
            case BZIP2 -> new BZip2CompressorOutputStream(out, zlibLevel);
            case SNAPPY -> throw new IllegalArgumentException("no snappy writer");
        };
    }

    private static InputStream decoder(Method method, InputStream in) throws IOException {
        return switch (method) {
            case GZIP -> new GZIPInputStream(in, 1 << 16); // reads concatenated members too
            case DEFLATE -> new InflaterInputStream(in); // zlib-wrapped, as HTTP and ClickHouse mean it
            case BROTLI -> {
                Brotli4jLoader.ensureAvailability();
                yield new BrotliInputStream(in);
            }
            case XZ -> new XZInputStream(in);
            case ZSTD -> new ZstdInputStream(in);
            case LZ4 -> new FramedLZ4CompressorInputStream(in, true); // linked blocks too, as LZ4F reads them
            case BZIP2 -> new BZip2CompressorInputStream(in, true);
            case SNAPPY -> new SnappyHadoopStreams().createInputStream(in); // Hadoop block framing, as HadoopSnappyReadBuffer
        };
    }

    /**
     * Decodes lazily (the decoders read their headers when constructed) and turns a decoder's
     * failure into the server's error; failures of the connection itself pass through as they are.
     */
    private static final class DecodingStream extends InputStream {
        private final Method method;
        private final Connection raw;
        private InputStream decoded;

        DecodingStream(Method method, InputStream body) {
            this.method = method;
            this.raw = new Connection(body);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                if (decoded == null) {
                    decoded = decoder(method, raw);
                }
                return decoded.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                if (raw.failure != null || e instanceof EngineException) {
                    throw e;
                }
                throw new EngineException(method.decodeErrorCode, "Code: " + method.decodeErrorCode
                        + ". DB::Exception: Cannot decode the request body as Content-Encoding '" + method.token
                        + "': " + describe(e) + ". (" + method.decodeErrorName + ")");
            }
        }

        @Override
        public void close() throws IOException {
            raw.close();
        }

        private static String describe(Throwable e) {
            if (e instanceof java.io.EOFException) {
                return "unexpected end of data";
            }
            String m = e.getMessage();
            return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
        }
    }

    /** The raw body; remembers whether reading the connection itself failed. */
    private static final class Connection extends FilterInputStream {
        IOException failure;

        Connection(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }
}
