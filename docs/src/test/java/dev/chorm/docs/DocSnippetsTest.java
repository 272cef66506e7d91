package dev.chorm.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.chorm.db.Config;
import dev.chorm.db.Database;
import dev.chorm.embedded.EmbeddedClickHouse;
import dev.chorm.query.QuerySet;
import dev.chorm.testing.TestEngine;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Compile every {@code ```java} block of every docs/*.md file (including documents added later:
 * nothing here lists them), then run each document's examples in order on a database of its own
 * on the embedded engine. See {@link Snippet} for how a block is marked as an intentional fragment.
 * A failure names the document and line.
 */
class DocSnippetsTest {
    /** The docs module's directory holds the documents. */
    static final Path DOCS = Path.of("").toAbsolutePath();

    @TempDir
    static Path output;

    private static Map<Path, List<Snippet>> snippets;
    private static Map<Path, List<String>> errors;
    private static Map<Path, URLClassLoader> loaders;

    @BeforeAll
    static void compileAll() throws IOException {
        snippets = new TreeMap<>();
        errors = new LinkedHashMap<>();
        loaders = new LinkedHashMap<>();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        for (Path doc : documents()) {
            List<Snippet> blocks = Snippet.of(doc);
            snippets.put(doc, blocks);
            List<String> problems = new ArrayList<>();
            errors.put(doc, problems);
            loaders.put(doc, compile(javac, doc, blocks, problems));
        }
    }

    /**
     * Compile one document's blocks on their own (a page's classes never meet another page's) and
     * return the loader of its classes; problems get the errors, on the page's lines.
     */
    private static URLClassLoader compile(JavaCompiler javac, Path doc, List<Snippet> blocks, List<String> problems)
            throws IOException {
        String slug = doc.getFileName().toString().replaceAll("\\W", "_");
        Path sources = output.resolve("src").resolve(slug);
        Path classes = Files.createDirectories(output.resolve("classes").resolve(slug));
        List<File> files = new ArrayList<>();
        for (Snippet s : blocks) {
            String className;
            try {
                className = s.className();
            } catch (IllegalArgumentException bad) {
                problems.add(bad.getMessage());
                continue;
            }
            Path file = sources.resolve(className.replace('.', '/') + ".java");
            if (Files.exists(file)) {
                problems.add(s.where() + ": a second declaration of " + className + " in the same document");
                continue;
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, s.source());
            files.add(file.toFile());
        }
        if (!files.isEmpty()) {
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
                List<String> options = List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                        "--release", "17", "-proc:none", "-Xlint:none", "-nowarn");
                javac.getTask(new StringWriter(), fm, diagnostics, options, null, fm.getJavaFileObjectsFromFiles(files)).call();
            }
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    problems.add("%s:%d: %s".formatted(doc.getFileName(), d.getLineNumber(), d.getMessage(Locale.ROOT)));
                }
            }
        }
        return new ChildFirst(classes);
    }

    /**
     * Load the classes compiled from the documents before the test class path's: a page may declare a
     * class the test sources also have (its own {@code com.example.events.Event}), and javac compiled
     * the page's against its own.
     */
    private static final class ChildFirst extends URLClassLoader {
        private final Path classes;

        ChildFirst(Path classes) throws IOException {
            super(new URL[] {classes.toUri().toURL()}, DocSnippetsTest.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null && Files.exists(classes.resolve(name.replace('.', '/') + ".class"))) {
                    c = findClass(name);
                }
                if (c == null) {
                    return super.loadClass(name, resolve);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    static List<Path> documents() throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> md = Files.newDirectoryStream(DOCS, "*.md")) {
            md.forEach(out::add);
        }
        out.sort(null);
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyJavaExampleInTheDocsCompilesAndRuns() {
        return snippets.keySet().stream().map(doc -> DynamicTest.dynamicTest(doc.getFileName().toString(), () -> {
            assertThat(errors.get(doc)).as("compile errors in the Java examples of " + doc.getFileName())
                    .isEmpty();
            runDocument(doc, snippets.get(doc));
        }));
    }

    /**
     * Check the {@code ```properties} examples: each must parse, and every {@code chorm.*} key in it
     * must be one chorm reads, so that a page cannot teach a misspelt key.
     */
    @TestFactory
    Stream<DynamicTest> everyPropertiesExampleUsesKnownKeys() throws IOException {
        return documents().stream().map(doc -> DynamicTest.dynamicTest(doc.getFileName().toString(), () -> {
            List<String> lines = Files.readAllLines(doc);
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).strip().equals("```properties")) {
                    continue;
                }
                int start = i + 1;
                int end = start;
                while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                    end++;
                }
                Properties p = new Properties();
                p.load(new java.io.StringReader(String.join("\n", lines.subList(start, end))));
                for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
                    if (key.startsWith("chorm.") && !dev.chorm.db.ConfigKeys.isKnown(key)) {
                        unknown.add(doc.getFileName() + ":" + start + ": " + key);
                    }
                }
                i = end;
            }
            assertThat(unknown).as("chorm keys in properties examples that chorm does not read").isEmpty();
        }));
    }

    /** Run a document's examples in order on a fresh database, which Config.load() also points at. */
    private static void runDocument(Path doc, List<Snippet> blocks) throws Throwable {
        if (blocks.stream().allMatch(s -> s.compileOnly() != null)) {
            return;
        }
        EmbeddedClickHouse engine = TestEngine.shared();
        String name = TestEngine.freshDatabase("docs_" + doc.getFileName().toString().replaceAll("\\W", "_"));
        Properties saved = (Properties) System.getProperties().clone();
        System.setProperty("chorm.databases.default.url", engine.jdbcUrl(name));
        System.setProperty("chorm.databases.default.user", engine.jdbcProperties().getProperty("user"));
        System.setProperty("chorm.databases.default.password", engine.jdbcProperties().getProperty("password"));
        System.setProperty("chorm.databases.default.settings.mutations_sync", "2");
        try (Database db = Database.connect(Config.load())) {
            for (Snippet s : blocks) {
                if (s.compileOnly() == null) {
                    run(s, db, loaders.get(doc));
                }
            }
        } finally {
            System.setProperties(saved);
        }
    }

    private static void run(Snippet s, Database db, ClassLoader loader) throws Throwable {
        Class<?> type = Class.forName(s.className(), true, loader);
        try {
            if (s.kind() == Snippet.Kind.STATEMENTS) {
                Method run = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals("run")).findFirst().orElseThrow();
                Object[] args = new Object[run.getParameterCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = provide(s, run.getGenericParameterTypes()[i], db);
                }
                run.invoke(null, args);
            } else if (hasMain(type)) {
                type.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
            } else if (isTestClass(type)) {
                EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(type)).execute();
                String failures = results.testEvents().failed().stream()
                        .map(e -> e.getTestDescriptor().getDisplayName() + ": " + e.getPayload(
                                org.junit.platform.engine.TestExecutionResult.class)
                                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                                .map(Throwable::toString).orElse("?"))
                        .collect(Collectors.joining("\n"));
                assertThat(failures).as(s.where() + ": the example's tests fail").isEmpty();
                assertThat(results.testEvents().succeeded().count()).as(s.where() + ": tests that passed").isPositive();
            }
        } catch (InvocationTargetException e) {
            throw new AssertionError(s.where() + ": the example threw " + e.getCause(), e.getCause());
        }
    }

    /** Return the value of a {@code given} parameter: the document's database, a QuerySet on it, or an empty value. */
    private static Object provide(Snippet s, Type type, Database db) throws Exception {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == Database.class) {
            return db;
        }
        if (raw == Config.class) {
            return Config.load();
        }
        if (raw == QuerySet.class && type instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> model) {
            db.createTables(model);
            return db.objects(model);
        }
        if (raw == List.class) {
            return new ArrayList<>();
        }
        if (raw == String.class) {
            return "";
        }
        if (!raw.isInterface() && !Modifier.isAbstract(raw.getModifiers())) {
            return raw.getConstructor().newInstance();
        }
        throw new AssertionError(s.where() + ": the test cannot provide a value of the given type " + type);
    }

    private static boolean hasMain(Class<?> type) {
        try {
            Method main = type.getMethod("main", String[].class);
            return Modifier.isStatic(main.getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean isTestClass(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.isAnnotationPresent(org.junit.jupiter.api.Test.class));
    }
}
