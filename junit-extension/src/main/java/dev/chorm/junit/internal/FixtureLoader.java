package dev.chorm.junit.internal;

import dev.chorm.db.Database;
import dev.chorm.model.Model;
import dev.chorm.model.ModelField;
import dev.chorm.model.ModelMeta;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Load fixture files into a test database: each row becomes an instance of its model (defaults for
 * fields it leaves out) and the rows of each model are inserted together through its QuerySet.
 * A row that does not fit fails naming the file, the line and the field.
 */
final class FixtureLoader {
    private final List<Class<?>> models;
    private final ClassLoader loader;

    FixtureLoader(List<Class<?>> models, ClassLoader loader) {
        this.models = models;
        this.loader = loader;
    }

    /** Insert the rows of {@code files}, in order, into {@code db}. */
    void load(Database db, List<String> files) {
        for (String file : files) {
            List<FixtureFile.Row> rows = FixtureFile.read(file, loader);
            Map<Class<?>, List<Object>> byModel = new java.util.LinkedHashMap<>();
            for (FixtureFile.Row row : rows) {
                Class<?> model = model(file, row);
                byModel.computeIfAbsent(model, m -> new ArrayList<>()).add(instance(file, row, ModelMeta.of(model)));
            }
            byModel.forEach((model, instances) -> insert(db, file, model, instances));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void insert(Database db, String file, Class<?> model, List<Object> instances) {
        try {
            db.objects((Class) model).bulkCreate(instances);
        } catch (RuntimeException e) {
            throw new SetupException("Fixture %s: the rows of %s could not be inserted: %s"
                    .formatted(file, model.getSimpleName(), e.getMessage()), e);
        }
    }

    private Class<?> model(String file, FixtureFile.Row row) {
        String name = row.model();
        for (Class<?> m : models) {
            String app = m.getPackageName().substring(m.getPackageName().lastIndexOf('.') + 1);
            if (name.equals(m.getName()) || name.equals(m.getSimpleName()) || name.equals(app + "." + m.getSimpleName())) {
                return m;
            }
        }
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new SetupException(("Fixture %s line %d: unknown model '%s'. Name a model class, or app.Model"
                    + " of the test's models %s (@ClickhouseTest(models) or chorm.models.packages).")
                    .formatted(file, row.line(), name, models.stream().map(Class::getSimpleName).toList()));
        }
    }

    private static Object instance(String file, FixtureFile.Row row, ModelMeta meta) {
        Object[] values = meta.isRecord() ? new Object[meta.fields().size()] : null;
        Object instance = meta.isRecord() ? null : newInstance(meta);
        row.fields().forEach((name, value) -> {
            ModelField field = field(file, row, meta, name, value.line());
            Object converted;
            try {
                converted = FixtureValues.convert(value.value(), field.isSyntheticId() ? long.class
                        : field.annotatedType().getType());
            } catch (IllegalArgumentException e) {
                throw new SetupException("Fixture %s line %d: field '%s' of %s (%s, column %s %s): %s."
                        .formatted(file, value.line(), field.javaName(), meta.modelClass().getSimpleName(),
                                field.javaType().getSimpleName(), field.columnName(), field.column().type().sql(), e.getMessage()));
            }
            if (values != null) {
                values[meta.fields().indexOf(field)] = converted;
            } else if (field.isSyntheticId()) {
                ((Model) instance).setId((Long) converted);
            } else {
                field.set(instance, converted);
            }
        });
        return values != null ? newRecord(file, row, meta, values) : instance;
    }

    private static ModelField field(String file, FixtureFile.Row row, ModelMeta meta, String name, int line) {
        Optional<ModelField> f = meta.fieldByJavaName(name).or(() -> meta.field(name));
        return f.orElseThrow(() -> new SetupException("Fixture %s line %d: %s has no field '%s'. Its fields: %s."
                .formatted(file, line, meta.modelClass().getSimpleName(), name,
                        meta.fields().stream().map(ModelField::javaName).collect(Collectors.joining(", ")))));
    }

    private static Object newInstance(ModelMeta meta) {
        try {
            var constructor = meta.modelClass().getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new SetupException("Cannot create %s for a fixture row: %s needs a no-argument constructor."
                    .formatted(meta.modelClass().getSimpleName(), meta.modelClass().getName()), e);
        }
    }

    private static Object newRecord(String file, FixtureFile.Row row, ModelMeta meta, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            ModelField f = meta.fields().get(i);
            if (values[i] == null && f.javaType().isPrimitive()) {
                throw new SetupException("Fixture %s line %d: the row of record %s has no field '%s', and a record needs every field."
                        .formatted(file, row.line(), meta.modelClass().getSimpleName(), f.javaName()));
            }
        }
        return meta.newInstance(values);
    }
}
