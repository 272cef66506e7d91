package dev.chorm.migrations;

import dev.chorm.MigrationException;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** List the classes of a package and its subpackages, from classpath folders and jars. */
final class ClassScanner {
    private ClassScanner() {
    }

    static List<Class<?>> classes(ClassLoader loader, String pkg) {
        String path = pkg.replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        try {
            for (URL url : Collections.list(loader.getResources(path))) {
                if (url.getProtocol().equals("file")) {
                    fromFolder(Path.of(url.toURI()), pkg, names);
                } else if (url.getProtocol().equals("jar")) {
                    fromJar(url, path, names);
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new MigrationException("Cannot list the classes of package %s: %s".formatted(pkg, e.getMessage()), e);
        }
        List<Class<?>> out = new ArrayList<>();
        for (String name : names) {
            try {
                out.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new MigrationException("Cannot load model class %s: %s. Compile the project first.".formatted(name, e), e);
            }
        }
        return out;
    }

    private static void fromFolder(Path root, String pkg, TreeSet<String> names) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.map(root::relativize).map(p -> p.toString().replace('\\', '/'))
                    .filter(ClassScanner::isTopLevelClass)
                    .forEach(f -> names.add(pkg + "." + f.substring(0, f.length() - 6).replace('/', '.')));
        }
    }

    private static void fromJar(URL url, String path, TreeSet<String> names) throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (java.util.jar.JarFile jar = connection.getJarFile()) {
            jar.stream().map(java.util.jar.JarEntry::getName).filter(n -> n.startsWith(path + "/"))
                    .filter(ClassScanner::isTopLevelClass)
                    .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
        }
    }

    private static boolean isTopLevelClass(String file) {
        return file.endsWith(".class") && !file.contains("$") && !file.endsWith("package-info.class")
                && !file.endsWith("module-info.class");
    }
}
