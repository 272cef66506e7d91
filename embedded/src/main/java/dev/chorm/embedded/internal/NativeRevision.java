package dev.chorm.embedded.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Native output for the client revision a request names with {@code client_protocol_version},
 * as a server writes it. The engine always writes Native for revision 0: no block info, and a
 * top-level {@code DateTime('zone')} column named plain {@code DateTime} (NativeWriter drops the
 * zone for clients older than 54337). So the server asks the engine for binary-encoded types
 * ({@code output_format_native_encode_types_in_binary_format}), which keep every zone, and
 * rewrites each block header: block info first, then each column's name and type name; column
 * data is the same at every revision up to 54453 and is copied as it is. From revision 54454 a
 * column also carries a "custom serialization" flag, written as 0 (the data is the default
 * serialization). Types whose data cannot be walked without their internals (Dynamic, JSON,
 * Variant, aggregate function states, ...) are refused with a clear error.
 */
final class NativeRevision {
    /** DBMS_MIN_REVISION_WITH_TIME_ZONE_PARAMETER_IN_DATETIME_DATA_TYPE. */
    static final long WITH_TIME_ZONES = 54337;
    /** DBMS_MIN_REVISION_WITH_CUSTOM_SERIALIZATION. */
    private static final long WITH_CUSTOM_SERIALIZATION = 54454;
    /** BlockInfo: field 1 is_overflows = false, field 2 bucket_num = -1, field 0 ends it. */
    private static final byte[] BLOCK_INFO = {1, 0, 2, -1, -1, -1, -1, 0};
    /** The setting that makes the engine write types in binary, zones included. */
    static final String BINARY_TYPES_SETTING = "output_format_native_encode_types_in_binary_format";

    private NativeRevision() {
    }

    /** Return true when a Native answer for {@code revision} differs from the engine's revision-0 output. */
    static boolean needsRewrite(String format, long revision) {
        return "Native".equalsIgnoreCase(format) && revision > 0;
    }

    /** Return the client revision of a request, 0 when it names none. */
    static long revision(HttpRequestParameters request) {
        String v = request.get("client_protocol_version");
        try {
            return v == null || v.isEmpty() ? 0 : Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new EngineException(27, "Code: 27. DB::Exception: Cannot parse client_protocol_version '" + v
                    + "' as UInt64. (CANNOT_PARSE_INPUT_ASSERTION_FAILED)");
        }
    }

    /** Walk the engine's output (binary-encoded types) and return it rewritten for {@code revision}. */
    static Body rewrite(EngineResult result, long revision) {
        Reader in = new Reader(result);
        List<Object> parts = new ArrayList<>(); // byte[] literals and long[]{offset, length} ranges
        long length = 0;
        while (!in.atEnd()) {
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            header.writeBytes(BLOCK_INFO);
            long columns = in.varUInt();
            long rows = in.varUInt();
            writeVarUInt(header, columns);
            writeVarUInt(header, rows);
            for (long c = 0; c < columns; c++) {
                byte[] name = in.bytes(in.varUInt());
                Type type = Type.read(in);
                writeVarUInt(header, name.length);
                header.writeBytes(name);
                // Below 54337 a server too writes a top-level DateTime('zone') as plain DateTime.
                String shown = revision < WITH_TIME_ZONES && type.name.startsWith("DateTime(") ? "DateTime" : type.name;
                byte[] typeName = shown.getBytes(StandardCharsets.UTF_8);
                writeVarUInt(header, typeName.length);
                header.writeBytes(typeName);
                if (revision >= WITH_CUSTOM_SERIALIZATION) {
                    header.write(0);
                }
                byte[] literal = header.toByteArray();
                parts.add(literal);
                length += literal.length;
                header.reset();
                long start = in.position;
                if (rows > 0) {
                    type.skipPrefix(in);
                    type.skip(in, rows);
                }
                parts.add(new long[] {start, in.position - start});
                length += in.position - start;
            }
            if (header.size() > 0) { // a block without columns
                byte[] literal = header.toByteArray();
                parts.add(literal);
                length += literal.length;
            }
        }
        return new Body(result, parts, length);
    }

    /** The rewritten output: header literals and ranges of the engine's buffer, in order. */
    static final class Body implements ResponseBody.Payload {
        private final EngineResult result;
        private final List<Object> parts;
        private final long length;

        private Body(EngineResult result, List<Object> parts, long length) {
            this.result = result;
            this.parts = parts;
            this.length = length;
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            byte[] chunk = new byte[1 << 20];
            for (Object part : parts) {
                if (part instanceof byte[] literal) {
                    out.write(literal);
                    continue;
                }
                long[] range = (long[]) part;
                for (long pos = range[0], end = range[0] + range[1]; pos < end; ) {
                    int n = (int) Math.min(chunk.length, end - pos);
                    result.read(pos, chunk, 0, n);
                    out.write(chunk, 0, n);
                    pos += n;
                }
            }
        }
    }

    private static void writeVarUInt(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** Sequential reads from the engine's buffer through a window on the heap. */
    static final class Reader {
        private final EngineResult result;
        private final byte[] window = new byte[1 << 16];
        private long windowStart;
        private int windowLength;
        long position;

        Reader(EngineResult result) {
            this.result = result;
        }

        boolean atEnd() {
            return position >= result.length();
        }

        int u8() {
            if (position >= result.length()) {
                throw truncated();
            }
            if (position < windowStart || position >= windowStart + windowLength) {
                windowStart = position;
                windowLength = (int) Math.min(window.length, result.length() - position);
                result.read(windowStart, window, 0, windowLength);
            }
            return window[(int) (position++ - windowStart)] & 0xff;
        }

        long varUInt() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = u8();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw truncated();
        }

        long u64() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v |= (long) u8() << (8 * i);
            }
            return v;
        }

        void skip(long n) {
            if (n < 0 || position + n > result.length()) {
                throw truncated();
            }
            position += n;
        }

        byte[] bytes(long n) {
            if (n < 0 || n > Integer.MAX_VALUE || position + n > result.length()) {
                throw truncated();
            }
            byte[] b = new byte[(int) n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) u8();
            }
            return b;
        }

        String string() {
            return new String(bytes(varUInt()), StandardCharsets.UTF_8);
        }

        private static EngineException truncated() {
            return new EngineException(1001, "Code: 1001. DB::Exception: The engine's Native output ended inside"
                    + " a block; it cannot be rewritten for client_protocol_version. (STD_EXCEPTION)");
        }
    }

    /** A data type read from its binary encoding: its name, and how its column data is laid out. */
    abstract static class Type {
        final String name;

        Type(String name) {
            this.name = name;
        }

        /** Skip the serialization state prefix (only LowCardinality has one, at any depth). */
        void skipPrefix(Reader in) {
        }

        /** Skip the data of {@code rows} values. */
        abstract void skip(Reader in, long rows);

        static Type read(Reader in) {
            int code = in.u8();
            return switch (code) {
                case 0x00 -> fixed("Nothing", 1);
                case 0x01 -> fixed("UInt8", 1);
                case 0x02 -> fixed("UInt16", 2);
                case 0x03 -> fixed("UInt32", 4);
                case 0x04 -> fixed("UInt64", 8);
                case 0x05 -> fixed("UInt128", 16);
                case 0x06 -> fixed("UInt256", 32);
                case 0x07 -> fixed("Int8", 1);
                case 0x08 -> fixed("Int16", 2);
                case 0x09 -> fixed("Int32", 4);
                case 0x0A -> fixed("Int64", 8);
                case 0x0B -> fixed("Int128", 16);
                case 0x0C -> fixed("Int256", 32);
                case 0x0D -> fixed("Float32", 4);
                case 0x0E -> fixed("Float64", 8);
                case 0x0F -> fixed("Date", 2);
                case 0x10 -> fixed("Date32", 4);
                case 0x11 -> fixed("DateTime", 4);
                case 0x12 -> fixed("DateTime(" + Sql.quoteString(in.string()) + ")", 4);
                case 0x13 -> fixed("DateTime64(" + in.u8() + ")", 8);
                case 0x14 -> {
                    int precision = in.u8();
                    yield fixed("DateTime64(" + precision + ", " + Sql.quoteString(in.string()) + ")", 8);
                }
                case 0x15 -> new StringType();
                case 0x16 -> {
                    long n = in.varUInt();
                    yield fixed("FixedString(" + n + ")", n);
                }
                case 0x17 -> enumType(in, "Enum8", 1);
                case 0x18 -> enumType(in, "Enum16", 2);
                case 0x19, 0x1A, 0x1B, 0x1C -> {
                    int precision = in.u8();
                    int scale = in.u8();
                    yield fixed("Decimal(" + precision + ", " + scale + ")", 4L << (code - 0x19));
                }
                case 0x1D -> fixed("UUID", 16);
                case 0x1E -> new ArrayType(read(in));
                case 0x1F, 0x20 -> tuple(in, code == 0x20);
                case 0x22 -> fixed("Interval" + intervalKind(in.u8()), 8);
                case 0x23 -> new NullableType(read(in));
                case 0x26 -> new LowCardinalityType(read(in));
                case 0x27 -> {
                    Type key = read(in);
                    Type value = read(in);
                    yield new MapType(key, value);
                }
                case 0x28 -> fixed("IPv4", 4);
                case 0x29 -> fixed("IPv6", 16);
                case 0x2C -> custom(in.string());
                case 0x2D -> fixed("Bool", 1);
                case 0x31 -> fixed("BFloat16", 2);
                case 0x32 -> fixed("Time", 4);
                case 0x34 -> fixed("Time64(" + in.u8() + ")", 8);
                default -> throw new EngineException(48, String.format("Code: 48. DB::Exception: The embedded server"
                        + " cannot write a column of this type (binary type code 0x%02x: Dynamic, JSON, Variant,"
                        + " aggregate function states and the like) in Native for client_protocol_version > 0."
                        + " Read it without client_protocol_version, or in another format. (NOT_IMPLEMENTED)", code));
            };
        }

        private static Type fixed(String name, long size) {
            return new Type(name) {
                @Override
                void skip(Reader in, long rows) {
                    in.skip(Math.multiplyExact(size, rows));
                }
            };
        }

        private static Type enumType(Reader in, String kind, int size) {
            long n = in.varUInt();
            StringBuilder name = new StringBuilder(kind).append('(');
            for (long i = 0; i < n; i++) {
                String element = in.string();
                long value = size == 1 ? (byte) in.u8() : (short) (in.u8() | in.u8() << 8);
                name.append(i > 0 ? ", " : "").append(Sql.quoteString(element)).append(" = ").append(value);
            }
            return fixed(name.append(')').toString(), size);
        }

        private static Type tuple(Reader in, boolean named) {
            long n = in.varUInt();
            List<Type> elements = new ArrayList<>();
            StringBuilder name = new StringBuilder("Tuple(");
            for (long i = 0; i < n; i++) {
                String elementName = named ? in.string() : null;
                Type element = read(in);
                elements.add(element);
                name.append(i > 0 ? ", " : "");
                if (named) {
                    name.append(backQuoteIfNeeded(elementName)).append(' ');
                }
                name.append(element.name);
            }
            return new TupleType(name.append(')').toString(), elements);
        }

        /** Geo types are custom names over tuples and arrays of Float64. */
        private static Type custom(String name) {
            Type point = new TupleType("Point", List.of(fixed("Float64", 8), fixed("Float64", 8)));
            Type ring = new ArrayType("Ring", point);
            return switch (name) {
                case "Point" -> point;
                case "Ring" -> ring;
                case "LineString" -> new ArrayType("LineString", point);
                case "MultiLineString" -> new ArrayType("MultiLineString", new ArrayType("LineString", point));
                case "Polygon" -> new ArrayType("Polygon", ring);
                case "MultiPolygon" -> new ArrayType("MultiPolygon", new ArrayType("Polygon", ring));
                default -> throw new EngineException(48, "Code: 48. DB::Exception: The embedded server cannot write"
                        + " a column of type " + name + " in Native for client_protocol_version > 0. (NOT_IMPLEMENTED)");
            };
        }

        private static String intervalKind(int code) {
            return switch (code) {
                case 0x00 -> "Nanosecond";
                case 0x01 -> "Microsecond";
                case 0x02 -> "Millisecond";
                case 0x03 -> "Second";
                case 0x04 -> "Minute";
                case 0x05 -> "Hour";
                case 0x06 -> "Day";
                case 0x07 -> "Week";
                case 0x08 -> "Month";
                case 0x09 -> "Quarter";
                default -> "Year";
            };
        }

        private static String backQuoteIfNeeded(String name) {
            return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : Sql.quoteIdentifier(name);
        }
    }

    private static final class StringType extends Type {
        StringType() {
            super("String");
        }

        @Override
        void skip(Reader in, long rows) {
            for (long i = 0; i < rows; i++) {
                in.skip(in.varUInt());
            }
        }
    }

    /** Arrays and Maps: one UInt64 end offset per row, then the elements of all rows. */
    private static class ArrayType extends Type {
        final Type element;

        ArrayType(Type element) {
            this("Array(" + element.name + ")", element);
        }

        ArrayType(String name, Type element) {
            super(name);
            this.element = element;
        }

        @Override
        void skipPrefix(Reader in) {
            element.skipPrefix(in);
        }

        @Override
        void skip(Reader in, long rows) {
            long last = 0;
            for (long i = 0; i < rows; i++) {
                last = in.u64();
            }
            if (last > 0) {
                element.skip(in, last);
            }
        }
    }

    private static final class MapType extends ArrayType {
        MapType(Type key, Type value) {
            super("Map(" + key.name + ", " + value.name + ")", new TupleType("", List.of(key, value)));
        }
    }

    private static final class TupleType extends Type {
        private final List<Type> elements;

        TupleType(String name, List<Type> elements) {
            super(name);
            this.elements = elements;
        }

        @Override
        void skipPrefix(Reader in) {
            elements.forEach(e -> e.skipPrefix(in));
        }

        @Override
        void skip(Reader in, long rows) {
            elements.forEach(e -> e.skip(in, rows));
        }
    }

    private static final class NullableType extends Type {
        private final Type nested;

        NullableType(Type nested) {
            super("Nullable(" + nested.name + ")");
            this.nested = nested;
        }

        @Override
        void skipPrefix(Reader in) {
            nested.skipPrefix(in);
        }

        @Override
        void skip(Reader in, long rows) {
            in.skip(rows); // the null map
            nested.skip(in, rows);
        }
    }

    /**
     * LowCardinality: a UInt64 key version as prefix; then per column the index type (UInt64
     * flags: width in bits 0-7, additional keys in bit 9), the keys (of the type without
     * Nullable), and the indexes.
     */
    private static final class LowCardinalityType extends Type {
        private final Type keys;

        LowCardinalityType(Type dictionary) {
            super("LowCardinality(" + dictionary.name + ")");
            this.keys = dictionary instanceof NullableType n ? n.nested : dictionary;
        }

        @Override
        void skipPrefix(Reader in) {
            in.skip(8);
        }

        @Override
        void skip(Reader in, long rows) {
            long flags = in.u64();
            if ((flags & (1L << 9)) != 0) {
                keys.skip(in, in.u64());
            }
            long indexes = in.u64();
            in.skip(Math.multiplyExact(indexes, 1L << (flags & 0xff)));
        }
    }
}
