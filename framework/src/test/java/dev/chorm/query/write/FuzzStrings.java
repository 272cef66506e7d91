package dev.chorm.query.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generate hostile but valid Unicode strings: quotes, backslashes, NUL and other control
 * characters, {@code \n\n}, JDBC escape and placeholder characters ({@code { } ? %} {@code _}), SQL
 * words, BMP and 4-byte characters, and a few very long strings.
 */
final class FuzzStrings {
    private static final String[] PIECES = {
        "'", "''", "\"", "`", "\\", "\\\\", "\\'", "\0", "\n", "\n\n", "\r\n", "\t", "\u0001", "\u007f",
        "{", "}",
        "{fn now()}", "{d '2024-01-01'}", "{ts '2024-01-01 00:00:00'}", "{name:String}", "?", "??", "%", "_", "%_%",
        "$1", ":p", "@p", " WHERE ", "where", "; DROP TABLE note; --", "/*", "*/", "--", "#", "\\N", "NULL",
        "é", "ü", "✓", "€", "中文", "𝄞", "😀", "👩‍👩‍👧", "\u200b", "\ufeff", "\ufffd", "ä\u0308", "A", "z", "0", " ",
    };

    private FuzzStrings() {
    }

    /** Return {@code count} strings from {@code seed}, every {@code longEvery}-th one about 100 KB long. */
    static List<String> generate(long seed, int count, int longEvery) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(count);
        out.add("");
        while (out.size() < count) {
            int length = out.size() % longEvery == 0 ? 100_000 : random.nextInt(40);
            out.add(one(random, length));
        }
        return out;
    }

    private static String one(Random random, int targetLength) {
        StringBuilder b = new StringBuilder();
        while (b.length() < targetLength) {
            switch (random.nextInt(4)) {
                case 0 -> b.append(PIECES[random.nextInt(PIECES.length)]);
                case 1 -> b.appendCodePoint(codePoint(random));
                case 2 -> b.append((char) random.nextInt(0x80));
                default -> b.append("abc XYZ 123".charAt(random.nextInt(11)));
            }
        }
        return b.toString();
    }

    /** Return a random valid code point (no surrogate halves), from every plane in use. */
    private static int codePoint(Random random) {
        while (true) {
            int cp = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x800);
                case 1 -> random.nextInt(0x10000);
                case 2 -> 0x10000 + random.nextInt(0x20000);
                default -> 0x1F300 + random.nextInt(0x400);
            };
            if (!Character.isSurrogate((char) cp) || cp > 0xFFFF) {
                return cp;
            }
        }
    }
}
