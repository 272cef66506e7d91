package dev.chorm.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Render query rows as a small aligned text table: numbers right-aligned, at most {@link #MAX_ROWS} rows. */
final class TextTable {
    static final int MAX_ROWS = 10;

    private final List<String> header;
    private final List<List<String>> cells;
    private final List<Boolean> numeric;
    private final int hidden;

    private TextTable(List<String> header, List<List<String>> cells, List<Boolean> numeric, int hidden) {
        this.header = header;
        this.cells = cells;
        this.numeric = numeric;
        this.hidden = hidden;
    }

    /** Return the table of {@code rows} (maps with the same keys, in column order). */
    static TextTable of(List<Map<String, Object>> rows) {
        List<String> header = rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).keySet());
        List<Boolean> numeric = new ArrayList<>();
        for (String column : header) {
            numeric.add(rows.stream().allMatch(r -> r.get(column) instanceof Number));
        }
        List<List<String>> cells = rows.stream().limit(MAX_ROWS)
                .map(r -> header.stream().map(c -> format(r.get(c))).toList()).toList();
        return new TextTable(header, cells, numeric, Math.max(0, rows.size() - MAX_ROWS));
    }

    /** Return the table's lines, each after {@code prefix}. */
    String indent(String prefix) {
        if (header.isEmpty()) {
            return prefix + "(no rows)\n";
        }
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : cells) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, prefix, header, widths);
        StringBuilder rule = new StringBuilder();
        for (int w : widths) {
            rule.append(rule.length() == 0 ? "" : "-+-").append("-".repeat(w));
        }
        out.append(prefix).append(rule).append('\n');
        for (List<String> row : cells) {
            line(out, prefix, row, widths);
        }
        if (hidden > 0) {
            out.append(prefix).append("... ").append(hidden).append(" more rows\n");
        }
        return out.toString();
    }

    private void line(StringBuilder out, String prefix, List<String> values, int[] widths) {
        StringBuilder line = new StringBuilder(prefix);
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            String pad = " ".repeat(widths[i] - v.length());
            line.append(i == 0 ? "" : " | ").append(numeric.get(i) ? pad + v : v + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String format(Object value) {
        if (value instanceof Long || value instanceof java.math.BigInteger) { // counts; ports and versions stay plain
            return String.format("%,d", value);
        }
        if (value instanceof Double || value instanceof Float) {
            return String.format("%,.1f", ((Number) value).doubleValue());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TextTable::format).toList().toString();
        }
        return String.valueOf(value);
    }
}
