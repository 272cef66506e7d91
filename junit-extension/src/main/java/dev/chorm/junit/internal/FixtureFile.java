package dev.chorm.junit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read a fixture file (Django's format: a list of {@code {"model": ..., "pk": ..., "fields": {...}}})
 * into rows that remember the line of every value, so that a value that does not fit its field is
 * reported at its line.
 */
final class FixtureFile {
    private static final JsonFactory JSON = new JsonFactory();

    /** A value and the line it starts on. */
    record Value(Object value, int line) {
    }

    /**
     * One row.
     *
     * @param model the model as written
     * @param line the line of the row's opening brace
     * @param fields field name to value, in file order ({@code pk} appears as {@code id})
     */
    record Row(String model, int line, Map<String, Value> fields) {
    }

    private FixtureFile() {
    }

    /** Return the rows of the classpath resource {@code name}. */
    static List<Row> read(String name, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new SetupException("Fixture %s is not on the test classpath. Put it under src/test/resources/%s."
                        .formatted(name, name));
            }
            try (JsonParser p = JSON.createParser(in)) {
                return rows(name, p);
            }
        } catch (JsonProcessingException e) {
            throw new SetupException("Fixture %s line %d: not valid JSON: %s".formatted(name,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new SetupException("Cannot read fixture %s: %s".formatted(name, e.getMessage()), e);
        }
    }

    private static List<Row> rows(String name, JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw error(name, p, "expected a list of rows: [{\"model\": \"app.Model\", \"fields\": {...}}, ...]");
        }
        List<Row> rows = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            rows.add(row(name, p));
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw error(name, p, "expected a row object");
        }
        return rows;
    }

    private static Row row(String name, JsonParser p) throws IOException {
        int line = p.currentLocation().getLineNr();
        String model = null;
        Map<String, Value> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "model" -> model = p.getValueAsString();
                case "pk" -> fields.put("id", new Value(value(p), p.currentLocation().getLineNr()));
                case "fields" -> {
                    if (p.currentToken() != JsonToken.START_OBJECT) {
                        throw error(name, p, "\"fields\" must be an object of field name to value");
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        p.nextToken();
                        int valueLine = p.currentLocation().getLineNr();
                        fields.put(field, new Value(value(p), valueLine));
                    }
                }
                default -> throw error(name, p, "unknown key '%s' in a row; a row has \"model\", \"pk\" and \"fields\"".formatted(key));
            }
        }
        if (model == null) {
            throw new SetupException("Fixture %s line %d: the row names no \"model\".".formatted(name, line));
        }
        return new Row(model, line, fields);
    }

    /** Return the value at the current token as plain Java: Long/BigInteger, BigDecimal, String, Boolean, null, List, Map. */
    private static Object value(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDecimalValue();
            case VALUE_STRING -> p.getText();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                yield list;
            }
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    map.put(key, value(p));
                }
                yield map;
            }
            default -> throw new IOException("unexpected " + p.currentToken());
        };
    }

    private static SetupException error(String name, JsonParser p, String what) {
        return new SetupException("Fixture %s line %d: %s.".formatted(name, p.currentLocation().getLineNr(), what));
    }
}
