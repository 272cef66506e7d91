package dev.chorm.migrations;

import dev.chorm.MigrationException;
import dev.chorm.ModelDefinitionException;
import dev.chorm.migrations.operations.ProjectState;
import dev.chorm.model.ModelChecks;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.TableSpec;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
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

    /** Return whether {@code type} is a concrete model: a class, not abstract, that {@link ModelMeta#isDeclaredModel} declares one. */
    public static boolean isModel(Class<?> type) {
        if (type.isInterface() || type.isAnnotation() || type.isEnum() || Modifier.isAbstract(type.getModifiers())) {
            return false;
        }
        return ModelMeta.isDeclaredModel(type);
    }

    /** Return the app labels, sorted. */
    public List<String> labels() {
        return List.copyOf(apps.keySet());
    }

    /** Return the model classes of {@code label}. */
    public List<Class<?>> models(String label) {
        return apps.getOrDefault(label, List.of());
    }

    /**
     * Return the models as a project state: each model named by its class's simple name (checking every model,
     * and the models together: {@link ModelChecks#checkTogether}).
     */
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
        Map<String, TableSpec> tables = new LinkedHashMap<>();
        state.asMap().forEach((app, models) -> models.forEach((model, table) -> tables.put(app + "." + model, table)));
        List<String> problems = ModelChecks.checkTogether(tables);
        if (!problems.isEmpty()) {
            throw new ModelDefinitionException(String.join("\n", problems));
        }
        return state;
    }
}
