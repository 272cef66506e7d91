package dev.chorm.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ```java} block of a Markdown document, and the Java source it is compiled as.
 *
 * <p>A block is either a <b>compilation unit</b> (its imports, then one or more type declarations:
 * a model, a test class, a program) or, when the comment line right above the fence says so,
 * an <b>intentional fragment</b>:
 * <pre>
 * &lt;!-- snippet: statements; given: dev.chorm.query.QuerySet&lt;dev.chorm.query.fixtures.Hit&gt; hits --&gt;
 * </pre>
 * {@code statements} puts the block's code (after its imports) into a method whose parameters are the
 * {@code given} variables (types spelt in full, so that the block's own imports are what its code
 * needs); {@code members} puts it into a class body. {@code compile-only: reason} compiles without
 * running. Everything else runs: statements with the given values, a class with a {@code main}
 * method through it, a test class through the JUnit platform.
 *
 * @param file the document
 * @param line the line of the opening fence (1-based)
 * @param code the block's text
 * @param kind unit, statements or members
 * @param given the parameters of a statements block, as {@code Type name} in full
 * @param compileOnly why the block is not run; null to run it
 */
record Snippet(Path file, int line, String code, Kind kind, List<String> given, String compileOnly) {

    /** How a block becomes a compilation unit. */
    enum Kind { UNIT, STATEMENTS, MEMBERS }

    private static final Pattern DIRECTIVE = Pattern.compile("^<!--\\s*snippet:(.*)-->\\s*$");
    private static final Pattern TYPE = Pattern.compile(
            "(?m)^(?:public\\s+|final\\s+|abstract\\s+|sealed\\s+)*(class|record|enum|interface|@interface)\\s+(\\w+)");

    /** Return the Java blocks of {@code file}, in order. */
    static List<Snippet> of(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Snippet> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String fence = lines.get(i).strip();
            if (!fence.startsWith("```")) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            if (fence.equals("```java")) {
                String directive = i > 0 ? lines.get(i - 1).strip() : "";
                out.add(parse(file, i + 1, String.join("\n", lines.subList(i + 1, end)), directive));
            }
            i = end;
        }
        return out;
    }

    private static Snippet parse(Path file, int line, String code, String directiveLine) {
        Matcher m = DIRECTIVE.matcher(directiveLine);
        Kind kind = Kind.UNIT;
        List<String> given = List.of();
        String compileOnly = null;
        if (m.matches()) {
            for (String part : m.group(1).split(";")) {
                String p = part.strip();
                if (p.equals("statements")) {
                    kind = Kind.STATEMENTS;
                } else if (p.equals("members")) {
                    kind = Kind.MEMBERS;
                } else if (p.startsWith("given:")) {
                    given = splitTopLevel(p.substring("given:".length()));
                } else if (p.startsWith("compile-only:")) {
                    compileOnly = p.substring("compile-only:".length()).strip();
                } else if (!p.isEmpty()) {
                    throw new IllegalArgumentException("%s:%d: unknown snippet directive '%s'; use statements, members, "
                            .formatted(file, line - 1, p) + "given: Type name, ... or compile-only: reason");
                }
            }
        }
        return new Snippet(file, line, code, kind, given, compileOnly);
    }

    /** Split {@code Map<String, Object> m, int n} at the commas outside angle brackets. */
    private static List<String> splitTopLevel(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == ',' && depth == 0) {
                out.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            current.append(c);
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    /** Return where this block is: {@code models.md:12}. */
    String where() {
        return file.getFileName() + ":" + line;
    }

    /** Return the package this document's blocks are compiled in: {@code snippets.getting_started}. */
    String packageName() {
        String name = file.getFileName().toString().replaceFirst("\\.md$", "");
        return "snippets." + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    /** Return the block's import lines and the rest, split where the first non-import line starts. */
    private String[] importsAndBody() {
        String[] lines = code.split("\n", -1);
        int i = 0;
        while (i < lines.length && (lines[i].isBlank() || lines[i].startsWith("import ") || lines[i].startsWith("package "))) {
            i++;
        }
        return new String[] {String.join("\n", java.util.Arrays.copyOfRange(lines, 0, i)),
                String.join("\n", java.util.Arrays.copyOfRange(lines, i, lines.length))};
    }

    /** Return the class this block compiles to (the first type of a unit, a generated name otherwise). */
    String className() {
        if (kind == Kind.UNIT) {
            Matcher m = TYPE.matcher(importsAndBody()[1]);
            if (!m.find()) {
                throw new IllegalArgumentException(("%s: this java block declares no class, record, enum or interface. Make it "
                        + "a complete example, or mark it as a fragment with <!-- snippet: statements; given: ... --> "
                        + "on the line above the fence.").formatted(where()));
            }
            String declared = code.contains("package ") ? packageOf(code) : packageName();
            return declared + "." + m.group(2);
        }
        return packageName() + ".Snippet_" + line;
    }

    private static String packageOf(String code) {
        Matcher m = Pattern.compile("(?m)^package\\s+([\\w.]+);").matcher(code);
        return m.find() ? m.group(1) : "";
    }

    /**
     * Return the source to compile. The lines are laid out so that a compiler error's line is the
     * line of the Markdown file (the wrapper's own text shares the block's first lines).
     */
    String source() {
        String[] parts = importsAndBody();
        int importLines = parts[0].isEmpty() ? 0 : parts[0].split("\n", -1).length;
        // Line 1 of the source is the fence line; the block starts on line 2.
        String pad = "\n".repeat(line - 1);
        String pkg = code.contains("package ") ? "" : "package " + packageName() + "; ";
        return switch (kind) {
            case UNIT -> pad + pkg + "\n" + code + "\n";
            case STATEMENTS -> pad + pkg + "\n" + parts[0] + (importLines == 0 ? "" : "\n")
                    + "public final class Snippet_" + line + " { public static void run(" + String.join(", ", given)
                    + ") throws Throwable { " + parts[1] + "\n} }\n";
            case MEMBERS -> pad + pkg + "\n" + parts[0] + (importLines == 0 ? "" : "\n")
                    + "public final class Snippet_" + line + " { " + parts[1] + "\n}\n";
        };
    }
}
