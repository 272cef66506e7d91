package dev.chorm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keep {@code internal} packages internal without a module descriptor (docs/architecture.md, "Modules"
 * says why there is none): what a {@code module-info.java} exporting only the API packages would
 * enforce, checked here. The framework's API hands out no internal type, and the modules built on it
 * (the plugin, the test extension, the demo, the archetype's project, the integration tests) name no
 * internal package of the framework.
 */
class ApiSurfaceTest {
    /** The modules that use the framework as users do; each must exist, so a renamed one fails here. */
    private static final List<String> USER_MODULES = List.of("maven-plugin", "junit-extension", "demo", "archetype", "it");

    /** A name of a framework package ending in {@code internal}; the test extension's own {@code junit.internal} is its business. */
    private static final Pattern FRAMEWORK_INTERNAL = Pattern.compile("dev\\.chorm\\.(?!junit\\.)(?:[a-z][a-z0-9_]*\\.)*internal\\b");

    @Test
    void noPublicSignatureOfAnApiPackageNamesAnInternalType() throws Exception {
        Path root = PackageCycleTest.classesRoot();
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (Class<?> c : classes(root)) {
            if (isInternal(c.getPackageName()) || !exported(c)) {
                continue;
            }
            checked++;
            check(c + " extends", c.getGenericSuperclass(), leaks);
            for (Type t : c.getGenericInterfaces()) {
                check(c + " implements", t, leaks);
            }
            boolean subclassable = !Modifier.isFinal(c.getModifiers());
            for (Field f : c.getDeclaredFields()) {
                if (visible(f.getModifiers(), subclassable) && !f.isSynthetic()) {
                    check(c.getName() + "." + f.getName(), f.getGenericType(), leaks);
                }
            }
            List<Executable> members = new ArrayList<>(List.of(c.getDeclaredMethods()));
            members.addAll(List.<Constructor<?>>of(c.getDeclaredConstructors()));
            for (Executable m : members) {
                if (!visible(m.getModifiers(), subclassable) || m.isSynthetic() || (m instanceof Method x && x.isBridge())) {
                    continue;
                }
                String where = c.getName() + "." + m.getName();
                if (m instanceof Method x) {
                    check(where + " returns", x.getGenericReturnType(), leaks);
                }
                for (Type t : m.getGenericParameterTypes()) {
                    check(where + " takes", t, leaks);
                }
                for (Type t : m.getGenericExceptionTypes()) {
                    check(where + " throws", t, leaks);
                }
            }
        }
        assertThat(checked).as("public types of the API packages checked").isGreaterThan(100);
        assertThat(leaks).as("public API signatures that name an internal type").isEmpty();
    }

    @Test
    void theModulesBuiltOnTheFrameworkNameNoInternalPackageOfIt() throws Exception {
        Path project = PackageCycleTest.classesRoot().resolve("../../..").normalize();
        Set<String> uses = new TreeSet<>();
        int files = 0;
        for (String module : USER_MODULES) {
            Path src = project.resolve(module).resolve("src");
            assertThat(src).as("module %s's sources", module).isDirectory();
            try (Stream<Path> walk = Files.walk(src)) {
                for (Path p : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    Matcher m = FRAMEWORK_INTERNAL.matcher(Files.readString(p));
                    while (m.find()) {
                        uses.add(project.relativize(p) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(files).as("source files read").isGreaterThan(50);
        assertThat(uses).as("uses of the framework's internal packages outside it").isEmpty();
    }

    @Test
    void anInternalNameIsFoundWhereThereIsOne() {
        assertThat(FRAMEWORK_INTERNAL.matcher("import dev.chorm.query.internal.Query;").find()).isTrue();
        assertThat(FRAMEWORK_INTERNAL.matcher("x = new dev.chorm.schema.internal.SqlScanner();").find()).isTrue();
        assertThat(FRAMEWORK_INTERNAL.matcher("import dev.chorm.junit.internal.Lifecycle;").find()).isFalse();
        assertThat(FRAMEWORK_INTERNAL.matcher("import dev.chorm.query.QuerySet;").find()).isFalse();
        List<String> leaks = new ArrayList<>();
        check("x", dev.chorm.query.internal.Query.class, leaks);
        check("y", String.class, leaks);
        assertThat(leaks).containsExactly("x dev.chorm.query.internal.Query");
    }

    private static boolean isInternal(String pkg) {
        return pkg.endsWith(".internal") || pkg.contains(".internal.");
    }

    /** Return whether code outside the package can name the class: it and every class around it public. */
    private static boolean exported(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(int modifiers, boolean subclassable) {
        return Modifier.isPublic(modifiers) || (subclassable && Modifier.isProtected(modifiers));
    }

    private static void check(String where, Type type, List<String> leaks) {
        if (type instanceof Class<?> c) {
            Class<?> k = c;
            while (k.isArray()) {
                k = k.getComponentType();
            }
            if (isInternal(k.getPackageName())) {
                leaks.add(where + " " + k.getName());
            }
        } else if (type instanceof ParameterizedType p) {
            check(where, p.getRawType(), leaks);
            for (Type a : p.getActualTypeArguments()) {
                check(where, a, leaks);
            }
        } else if (type instanceof GenericArrayType a) {
            check(where, a.getGenericComponentType(), leaks);
        } else if (type instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                check(where, b, leaks);
            }
            for (Type b : w.getLowerBounds()) {
                check(where, b, leaks);
            }
        } else if (type instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                if (!(b instanceof TypeVariable<?>)) {
                    check(where, b, leaks);
                }
            }
        }
    }

    private static List<Class<?>> classes(Path root) throws IOException, ClassNotFoundException {
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                if (!name.endsWith("package-info") && !name.endsWith("module-info")) {
                    out.add(Class.forName(name, false, ApiSurfaceTest.class.getClassLoader()));
                }
            }
        }
        return out;
    }
}
