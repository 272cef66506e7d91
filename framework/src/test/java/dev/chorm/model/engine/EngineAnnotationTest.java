package dev.chorm.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every engine annotation carries {@link EngineAnnotation}, and its flags tell the truth about the
 * shared attributes the model reader takes from it by name (Java annotations cannot inherit them).
 */
class EngineAnnotationTest {
    private static final Map<String, Class<?>> CLAUSES = Map.of("orderBy", String[].class, "partitionBy", String.class,
            "primaryKey", String[].class, "sampleBy", String.class, "ttl", String[].class, "settings", Setting[].class);
    private static final Map<String, Class<?>> REPLICATION = Map.of("zooPath", String.class, "replicaName", String.class);

    @Test
    void everyEngineAnnotationIsMarkedAndDeclaresWhatItsFlagsPromise() throws Exception {
        List<Class<?>> engines = annotationsOfThisPackage().stream()
                .filter(c -> c != EngineAnnotation.class && c != Setting.class).toList();
        assertThat(engines).hasSize(22);
        for (Class<?> engine : engines) {
            EngineAnnotation mark = engine.getAnnotation(EngineAnnotation.class);
            assertThat(mark).as("@EngineAnnotation on @%s", engine.getSimpleName()).isNotNull();
            Map<String, Class<?>> declared = new HashMap<>();
            for (Method m : engine.getDeclaredMethods()) {
                declared.put(m.getName(), m.getReturnType());
            }
            assertThat(declared.entrySet().containsAll(CLAUSES.entrySet()))
                    .as("@%s declares the MergeTree clauses", engine.getSimpleName()).isEqualTo(mark.mergeTree());
            assertThat(declared.entrySet().containsAll(REPLICATION.entrySet()))
                    .as("@%s declares zooPath and replicaName", engine.getSimpleName()).isEqualTo(mark.replicated());
        }
    }

    /** The annotation types compiled into this package, found on the class path (not a hand-kept list). */
    private static List<Class<?>> annotationsOfThisPackage() throws URISyntaxException, ClassNotFoundException {
        File dir = new File(EngineAnnotation.class.getResource("EngineAnnotation.class").toURI()).getParentFile();
        String[] names = dir.list((d, n) -> n.endsWith(".class") && !n.contains("$"));
        Class<?>[] out = new Class<?>[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = Class.forName(EngineAnnotation.class.getPackageName() + "." + names[i].replace(".class", ""));
        }
        return Arrays.stream(out).filter(Class::isAnnotation).filter(c -> c != Annotation.class).toList();
    }
}
