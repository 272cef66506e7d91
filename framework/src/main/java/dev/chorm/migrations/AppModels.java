package dev.chorm.migrations;

import dev.chorm.MigrationException;
import dev.chorm.migrations.operations.ProjectState;
import dev.chorm.model.Dictionary;
import dev.chorm.model.MaterializedView;
import dev.chorm.model.Model;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.Table;
import dev.chorm.model.View;
import dev.chorm.model.engine.EngineAnnotation;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Group model classes into apps, as Django's installed apps: each app has a label (its migration
 * folder) and model classes. {@link #scan} finds them in packages, one app per package labelled with
 * the package's last segment ({@code com.example.events} is app {@code events}).
 *
 * <pre>{@code
 * AppModels apps = AppModels.of("events", Event.class, Student.class);
 * ProjectState state = apps.state();
 * }</pre>
 */
public final class AppModels {
    private final SortedMap<String, List<Class<?>>> apps;

    private AppModels(SortedMap<String, List<Class<?>>> apps) {
        this.apps = apps;
    }

    /** Return one app {@code label} holding {@code models}. */
    public static AppModels of(String label, Class<?>... models) {
        return of(Map.of(label, Arrays.asList(models)));
    }

    /** Return the apps of {@code models}, label to model classes. */
    public static AppModels of(Map<String, ? extends Collection<Class<?>>> models) {
        SortedMap<String, List<Class<?>>> apps = new TreeMap<>();
        models.forEach((label, classes) -> apps.put(label, List.copyOf(classes)));
        return new AppModels(Collections.unmodifiableSortedMap(apps));
    }

    /** Find the model classes of each package (and its subpackages) through {@code loader}: one app per package. */
    public static AppModels scan(ClassLoader loader, List<String> packages) {
        SortedMap<String, List<Class<?>>> apps = new TreeMap<>();
        for (String pkg : packages) {
            String label = pkg.substring(pkg.lastIndexOf('.') + 1);
            if (apps.containsKey(label)) {
                throw new MigrationException("Packages %s and another one both end in '%s', so both would be app '%s'. Rename one of them."
                        .formatted(pkg, label, label));
            }
            List<Class<?>> models = new ArrayList<>();
            for (Class<?> type : ClassScanner.classes(loader, pkg)) {
                if (isModel(type)) {
                    models.add(type);
                }
            }
            apps.put(label, List.copyOf(models));
        }
        return new AppModels(Collections.unmodifiableSortedMap(apps));
    }

    /** Return whether {@code type} is a concrete model: it extends Model or carries @Table, an engine annotation, @View, @MaterializedView or @Dictionary. */
    public static boolean isModel(Class<?> type) {
        if (type.isInterface() || type.isAnnotation() || type.isEnum() || Modifier.isAbstract(type.getModifiers())) {
            return false;
        }
        return Model.class.isAssignableFrom(type) || type.isAnnotationPresent(Table.class)
                || type.isAnnotationPresent(View.class) || type.isAnnotationPresent(MaterializedView.class)
                || type.isAnnotationPresent(Dictionary.class)
                || Arrays.stream(type.getAnnotations())
                .anyMatch(a -> a.annotationType().isAnnotationPresent(EngineAnnotation.class));
    }

    /** Return the app labels, sorted. */
    public List<String> labels() {
        return List.copyOf(apps.keySet());
    }

    /** Return the model classes of {@code label}. */
    public List<Class<?>> models(String label) {
        return apps.getOrDefault(label, List.of());
    }

    /** Return the models as a project state: each model named by its class's simple name (checking every model). */
    public ProjectState state() {
        ProjectState state = new ProjectState();
        apps.forEach((label, classes) -> {
            for (Class<?> type : classes) {
                if (state.findModel(label, type.getSimpleName()).isPresent()) {
                    throw new MigrationException("App '%s' has two models named %s. Rename one of the classes."
                            .formatted(label, type.getSimpleName()));
                }
                state.putModel(label, type.getSimpleName(), ModelMeta.of(type).table());
            }
        });
        return state;
    }
}
