package dev.chorm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keep the floors of the framework clean: no two packages may depend on each other, directly or
 * through others. Dependencies are read from the compiled classes' constant pools (every class,
 * field, method and annotation type a class uses is named there), so the test needs no library.
 * Run {@code jdeps -verbose:package framework/target/classes} to see the same graph by hand.
 */
class PackageCycleTest {
    private static final Pattern CLASS_NAME = Pattern.compile("dev/chorm/(?:([a-z][a-z0-9_]*(?:/[a-z][a-z0-9_]*)*)/)?[A-Z_$][\\w$]*");

    @Test
    void theFrameworkHasNoPackageCycles() throws Exception {
        Map<String, Set<String>> graph = packageGraph(classesRoot());
        assertThat(graph).as("packages read").containsKeys("dev.chorm", "dev.chorm.types", "dev.chorm.model", "dev.chorm.db",
                "dev.chorm.query", "dev.chorm.query.expr", "dev.chorm.query.internal", "dev.chorm.query.write");
        assertThat(cycles(graph)).as("package cycles (strongly connected groups)").isEmpty();
    }

    @Test
    void aCycleIsFoundWhereThereIsOne() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertThat(cycles(graph)).containsExactly(Set.of("a", "b", "c"));
    }

    static Path classesRoot() throws URISyntaxException {
        Path root = Path.of(ChormException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(root).as("the framework's classes are a directory when its own tests run").isDirectory();
        return root;
    }

    /** Map every package of the framework to the other framework packages its classes name. */
    private static Map<String, Set<String>> packageGraph(Path root) throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        List<Path> classes;
        try (Stream<Path> files = Files.walk(root)) {
            classes = files.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path c : classes) {
            String pkg = root.relativize(c.getParent()).toString().replace(c.getFileSystem().getSeparator(), ".");
            Set<String> uses = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
            try (InputStream in = Files.newInputStream(c)) {
                for (String name : classNames(in)) {
                    Matcher m = CLASS_NAME.matcher(name);
                    while (m.find()) {
                        uses.add(m.group(1) == null ? "dev.chorm" : "dev.chorm." + m.group(1).replace('/', '.'));
                    }
                }
            }
            uses.remove(pkg);
        }
        graph.values().forEach(uses -> uses.retainAll(graph.keySet()));
        return graph;
    }

    /**
     * Return the constant pool's UTF-8 entries other than string literals: class names and the
     * descriptors and signatures of fields, methods and annotations.
     */
    private static List<String> classNames(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        in.readInt();
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        Map<Integer, String> utf8 = new HashMap<>();
        Set<Integer> literals = new HashSet<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8.put(i, in.readUTF());
                case 8 -> literals.add(in.readUnsignedShort());
                case 7, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        literals.forEach(utf8::remove);
        return new ArrayList<>(utf8.values());
    }

    /** Return the strongly connected groups of more than one package (Tarjan's algorithm). */
    private static Set<Set<String>> cycles(Map<String, Set<String>> graph) {
        Set<Set<String>> out = new HashSet<>();
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        for (String v : new TreeSet<>(graph.keySet())) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, out);
            }
        }
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<Set<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> group = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                group.add(w);
            } while (!w.equals(v));
            if (group.size() > 1) {
                out.add(Set.copyOf(group));
            }
        }
    }
}
