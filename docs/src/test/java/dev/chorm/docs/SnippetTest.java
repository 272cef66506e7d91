package dev.chorm.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself: what counts as a fragment, and that an error points at the Markdown line. */
class SnippetTest {
    @TempDir
    Path temp;

    @Test
    void blocksAreUnitsOrMarkedFragments() throws IOException {
        Path doc = write("""
                # Title

                ```java
                import java.util.List;

                public record Point(int x, int y) { }
                ```
                <!-- snippet: statements; given: java.util.Map<String, Integer> counts, int n -->
                ```java
                import java.util.List;

                List<Integer> all = List.copyOf(counts.values());
                ```
                ```bash
                echo not java
                ```
                ```java
                System.out.println("unmarked");
                ```
                """);

        List<Snippet> blocks = Snippet.of(doc);

        assertThat(blocks).extracting(Snippet::line).containsExactly(3, 9, 17);
        assertThat(blocks.get(0).className()).isEqualTo("snippets.guide.Point");
        assertThat(blocks.get(1).kind()).isEqualTo(Snippet.Kind.STATEMENTS);
        assertThat(blocks.get(1).given()).containsExactly("java.util.Map<String, Integer> counts", "int n");
        assertThatThrownBy(() -> blocks.get(2).className()).hasMessage("guide.md:17: this java block declares no class, "
                + "record, enum or interface. Make it a complete example, or mark it as a fragment with "
                + "<!-- snippet: statements; given: ... --> on the line above the fence.");
    }

    @Test
    void aCompileErrorIsReportedOnTheLineOfTheDocument() throws IOException {
        Path doc = write("""
                Intro.

                <!-- snippet: statements -->
                ```java
                import java.util.List;

                List<String> names = List.of("a");
                int wrong = names;
                ```
                """);
        Snippet block = Snippet.of(doc).get(0);

        assertThat(errorLines(block)).containsExactly(8L);
    }

    @Test
    void anUnknownDirectiveIsAnError() throws IOException {
        Path doc = write("<!-- snippet: statement -->\n```java\nint x = 1;\n```\n");

        assertThatThrownBy(() -> Snippet.of(doc)).hasMessageContaining("guide.md:1: unknown snippet directive 'statement'");
    }

    private Path write(String markdown) throws IOException {
        return Files.writeString(temp.resolve("guide.md"), markdown);
    }

    private static List<Long> errorLines(Snippet block) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String simple = block.className().substring(block.className().lastIndexOf('.') + 1);
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///" + simple + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return block.source();
            }
        };
        javac.getTask(new StringWriter(), null, diagnostics, List.of("-proc:none", "-d", System.getProperty("java.io.tmpdir")),
                null, List.of(source)).call();
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(Diagnostic::getLineNumber).toList();
    }
}
