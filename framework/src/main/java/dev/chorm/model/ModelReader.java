package dev.chorm.model;

import dev.chorm.ModelDefinitionException;
import dev.chorm.types.DataType;
import dev.chorm.types.TypeKind;
import dev.chorm.types.TypeMapper;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Build a {@link ModelMeta} from a class by reflection, collecting every problem on the way. */
final class ModelReader {
    private static final List<Class<? extends Annotation>> EXPRESSION_ANNOTATIONS =
            List.of(Default.class, Materialized.class, Alias.class, Ephemeral.class, AutoNowAdd.class, AutoNow.class);

    private final Class<?> type;
    private final String owner;
    private final Problems problems = new Problems();

    private ModelReader(Class<?> type) {
        this.type = type;
        this.owner = type.getSimpleName();
    }

    /** Read {@code type} or throw a {@link ModelDefinitionException} listing its problems. */
    static ModelMeta read(Class<?> type) {
        return new ModelReader(type).read();
    }

    private ModelMeta read() {
        Constructor<?> constructor = ModelShape.constructor(type, owner, problems);
        problems.throwIfAny();
        List<ModelField> fields = type.isRecord() ? readComponents() : readFields();
        checkDistinctColumns(fields);
        List<ColumnSpec> columns = fields.stream().map(ModelField::column).toList();
        boolean syntheticId = fields.stream().anyMatch(ModelField::isSyntheticId);
        Dictionary dictionary = type.getAnnotation(Dictionary.class);
        if (dictionary == null) {
            fields.stream().filter(f -> f.element().isAnnotationPresent(DictionaryAttribute.class)).forEach(f -> problems.add(
                    "%s.%s: @DictionaryAttribute needs a @Dictionary model; remove it or declare the model with @Dictionary.",
                    owner, f.javaName()));
        }
        TableSpec table = !problems.isEmpty() ? null : dictionary != null ? readDictionary(dictionary, fields)
                : new EngineReader(type, owner, problems).readTable(columns, syntheticId);
        if (table != null) {
            ModelChecks.checkTable(table, owner, problems);
        }
        problems.throwIfAny();
        return new ModelMeta(type, table, fields, constructor);
    }

    private TableSpec readDictionary(Dictionary dictionary, List<ModelField> fields) {
        fields.forEach(f -> DictionaryReader.checkColumnOptions(f, owner, problems));
        TableSpec.Builder named = new EngineReader(type, owner, problems).named();
        return new DictionaryReader(type, owner, problems).readTable(dictionary, fields, named);
    }

    private List<ModelField> readFields() {
        Deque<Class<?>> hierarchy = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.push(c);
        }
        List<ModelField> out = new ArrayList<>();
        for (Class<?> c : hierarchy) {
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()
                        || f.isAnnotationPresent(Transient.class)) {
                    continue;
                }
                if (Modifier.isFinal(mod)) {
                    problems.add("%s.%s: a final field cannot be filled from rows; remove final or mark it @Transient.",
                            owner, f.getName());
                    continue;
                }
                f.setAccessible(true);
                ModelField mf = readField(f.getName(), f, f, null, c == Model.class && f.getName().equals("id"));
                if (mf != null) {
                    out.add(mf);
                }
            }
        }
        return out;
    }

    private List<ModelField> readComponents() {
        List<ModelField> out = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            if (rc.isAnnotationPresent(Transient.class)) {
                problems.add("%s.%s: a record component cannot be @Transient, the canonical constructor needs it;"
                        + " remove the annotation or the component.", owner, rc.getName());
                continue;
            }
            rc.getAccessor().setAccessible(true);
            ModelField mf = readField(rc.getName(), rc, null, rc.getAccessor(), false);
            if (mf != null) {
                out.add(mf);
            }
        }
        return out;
    }

    private ModelField readField(String javaName, AnnotatedElement element, Field field,
                                 Method accessor, boolean syntheticId) {
        String where = owner + "." + javaName;
        String columnName = columnName(javaName, element, where);
        AnnotatedType annotatedType = field != null ? field.getAnnotatedType()
                : ((RecordComponent) element).getAnnotatedType();
        DataType chType;
        try {
            chType = TypeMapper.map(annotatedType, element, where);
        } catch (ModelDefinitionException e) {
            problems.add(e.getMessage());
            return null;
        }
        ColumnSpec.Builder column = ColumnSpec.builder(columnName, chType);
        ModelField.AutoTime autoTime = readExpression(element, where, chType, column);
        readOptions(element, where, column);
        return new ModelField(javaName, column.build(), element, annotatedType, field, accessor, syntheticId, autoTime,
                Relation.read(type, javaName, element));
    }

    private String columnName(String javaName, AnnotatedElement element, String where) {
        Column column = element.getAnnotation(Column.class);
        if (column == null) {
            return NameStyle.snakeCase(javaName);
        }
        if (column.name().isBlank()) {
            problems.add("%s: @Column(name) is empty; give a name or remove @Column.", where);
            return NameStyle.snakeCase(javaName);
        }
        if (!Identifiers.isValid(column.name())) {
            problems.add("%s: column name '%s' is not a valid identifier; use letters, digits and underscores,"
                    + " not starting with a digit.", where, column.name());
        }
        return column.name();
    }

    private ModelField.AutoTime readExpression(AnnotatedElement element, String where,
                                               DataType chType, ColumnSpec.Builder column) {
        List<String> present = new ArrayList<>();
        for (Class<? extends Annotation> a : EXPRESSION_ANNOTATIONS) {
            if (element.isAnnotationPresent(a)) {
                present.add("@" + a.getSimpleName());
            }
        }
        if (present.size() > 1) {
            problems.add("%s: %s exclude each other; keep one.", where, String.join(" and ", present));
            return ModelField.AutoTime.NONE;
        }
        if (present.isEmpty()) {
            return ModelField.AutoTime.NONE;
        }
        return applyExpression(element, where, chType, column);
    }

    private ModelField.AutoTime applyExpression(AnnotatedElement element, String where,
                                                DataType chType, ColumnSpec.Builder column) {
        if (element.isAnnotationPresent(AutoNowAdd.class) || element.isAnnotationPresent(AutoNow.class)) {
            String name = element.isAnnotationPresent(AutoNow.class) ? "@AutoNow" : "@AutoNowAdd";
            String now = nowExpression(chType);
            if (now == null) {
                problems.add("%s: %s needs a Date, DateTime or DateTime64 column, found %s; change the field type"
                        + " (for example to Instant).", where, name, chType.sql());
                return ModelField.AutoTime.NONE;
            }
            column.defaultExpression(DefaultKind.DEFAULT, now);
            return name.equals("@AutoNow") ? ModelField.AutoTime.ON_SAVE : ModelField.AutoTime.ON_INSERT;
        }
        Map<DefaultKind, String> found = new LinkedHashMap<>();
        readValue(element, Default.class, Default::value).ifPresent(v -> found.put(DefaultKind.DEFAULT, v));
        readValue(element, Materialized.class, Materialized::value).ifPresent(v -> found.put(DefaultKind.MATERIALIZED, v));
        readValue(element, Alias.class, Alias::value).ifPresent(v -> found.put(DefaultKind.ALIAS, v));
        readValue(element, Ephemeral.class, Ephemeral::value).ifPresent(v -> found.put(DefaultKind.EPHEMERAL, v));
        found.forEach((kind, expr) -> {
            if (expr.isBlank() && kind != DefaultKind.EPHEMERAL) {
                problems.add("%s: @%s needs an expression; write one or remove the annotation.",
                        where, kindAnnotation(kind));
            }
            column.defaultExpression(kind, expr);
        });
        return ModelField.AutoTime.NONE;
    }

    private static <A extends Annotation> Optional<String> readValue(
            AnnotatedElement element, Class<A> type, Function<A, String> value) {
        A a = element.getAnnotation(type);
        return a == null ? Optional.empty() : Optional.of(value.apply(a));
    }

    private static String kindAnnotation(DefaultKind kind) {
        String k = kind.name();
        return k.charAt(0) + k.substring(1).toLowerCase(Locale.ROOT);
    }

    /** Return the "now" expression that suits a temporal type, or null for other types. */
    static String nowExpression(DataType chType) {
        DataType base = chType;
        while (base.kind() == TypeKind.NULLABLE || base.kind() == TypeKind.LOW_CARDINALITY) {
            base = base.inner();
        }
        return switch (base.kind()) {
            case DATETIME64 -> "now64(" + base.precision() + ")";
            case DATETIME -> "now()";
            case DATE, DATE32 -> "today()";
            default -> null;
        };
    }

    private void readOptions(AnnotatedElement element, String where, ColumnSpec.Builder column) {
        Codec codec = element.getAnnotation(Codec.class);
        if (codec != null) {
            if (codec.value().isBlank()) {
                problems.add("%s: @Codec is empty; name a codec such as ZSTD(3) or remove the annotation.", where);
            }
            column.codec(codec.value());
        }
        Comment comment = element.getAnnotation(Comment.class);
        if (comment != null) {
            column.comment(comment.value());
        }
        Ttl ttl = element.getAnnotation(Ttl.class);
        if (ttl != null) {
            if (ttl.value().isBlank()) {
                problems.add("%s: @Ttl is empty; write an expression such as ts + INTERVAL 1 DAY or remove it.", where);
            }
            column.ttl(ttl.value());
        }
        checkStoredOnlyOptions(where, column.build());
    }

    private void checkStoredOnlyOptions(String where, ColumnSpec c) {
        if (c.isStored()) {
            return;
        }
        String kind = "an " + c.defaultKind().keyword();
        if (!c.codec().isEmpty()) {
            problems.add("%s: %s column is not stored, so it cannot have a codec; remove @Codec.", where, kind);
        }
        if (!c.ttl().isEmpty()) {
            problems.add("%s: %s column is not stored, so it cannot have a TTL; remove @Ttl.", where, kind);
        }
    }

    private void checkDistinctColumns(List<ModelField> fields) {
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (ModelField f : fields) {
            String previous = byColumn.putIfAbsent(f.columnName(), f.javaName());
            if (previous != null) {
                problems.add("%s: fields %s and %s both map to column '%s'; rename one with @Column(name = ...).",
                        owner, previous, f.javaName(), f.columnName());
            }
        }
        if (fields.isEmpty() && problems.isEmpty()) {
            problems.add("%s: a model needs at least one column; add a field.", owner);
        }
    }
}
