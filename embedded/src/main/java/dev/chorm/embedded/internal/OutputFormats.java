package dev.chorm.embedded.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code Content-Type} a ClickHouse server sends with each output format: each format's
 * {@code getContentType()} in src/Processors/Formats (the default is {@code text/plain}).
 */
final class OutputFormats {
    private static final String TEXT = "text/plain; charset=UTF-8";
    private static final String JSON = "application/json; charset=UTF-8";
    private static final String NDJSON = "application/x-ndjson; charset=UTF-8";
    private static final String BINARY = "application/octet-stream";
    private static final String TSV = "text/tab-separated-values; charset=UTF-8";

    /** Formats of the JSONEachRow family: one object per line, or an array with output_format_json_array_of_rows. */
    private static final Set<String> EACH_ROW = Set.of("jsoneachrow", "jsonlines", "ndjson", "jsonstringseachrow");

    private static final Set<String> JSON_DOCUMENTS = Set.of("json", "jsonstrings", "jsoncompact",
            "jsoncompactstrings", "jsoncolumns", "jsoncompactcolumns", "jsoncolumnswithmetadata",
            "jsonobjecteachrow");

    private static final Set<String> BINARY_FORMATS = Set.of("native", "rowbinary", "rowbinarywithnames",
            "rowbinarywithnamesandtypes", "rowbinarywithdefaults", "parquet", "arrow", "arrowstream", "orc",
            "avro", "protobuf", "protobufsingle", "protobuflist", "capnproto", "msgpack", "npy", "bsoneachrow",
            "buffers");

    private static final Map<String, String> OTHERS = Map.of(
            "xml", "application/xml; charset=UTF-8",
            "markdown", "text/markdown; charset=UTF-8",
            "md", "text/markdown; charset=UTF-8",
            "prometheus", "text/plain; version=0.0.4; charset=UTF-8");

    private OutputFormats() {
    }

    /** Return the Content-Type for {@code format}; {@code jsonArrayOfRows} is output_format_json_array_of_rows. */
    static String contentType(String format, boolean jsonArrayOfRows) {
        String f = format.toLowerCase(Locale.ROOT);
        if (EACH_ROW.contains(f)) {
            return jsonArrayOfRows ? JSON : NDJSON;
        }
        if (JSON_DOCUMENTS.contains(f)) {
            return JSON;
        }
        if (BINARY_FORMATS.contains(f)) {
            return BINARY;
        }
        if (f.startsWith("tabseparated") || f.startsWith("tsv") || f.equals("tskv")) {
            return TSV;
        }
        if (f.startsWith("csv")) {
            return "text/csv; charset=UTF-8; header=" + (f.equals("csv") ? "absent" : "present");
        }
        return OTHERS.getOrDefault(f, TEXT);
    }
}
