package dev.chorm.types;

import dev.chorm.ModelDefinitionException;
import dev.chorm.types.geo.Point;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Map the annotations whose ClickHouse type depends on the shape of the Java type, not only on its
 * class: {@code @Nested} on a List of records and the geo annotations on Lists of {@link Point}.
 */
final class CompositeTypes {
    /** The geo annotations, with their type and the number of List levels around the Point. */
    private static final Map<String, DataType> GEO = Map.of("Ring", DataType.ring(), "LineString", DataType.lineString(),
            "MultiLineString", DataType.multiLineString(), "Polygon", DataType.polygon(),
            "MultiPolygon", DataType.multiPolygon());
    private static final Map<String, Integer> DEPTH = Map.of("Ring", 1, "LineString", 1, "MultiLineString", 2,
            "Polygon", 2, "MultiPolygon", 3);
    private static final Map<String, String> SHAPE = Map.of("Ring", "List<Point>", "LineString", "List<Point>",
            "MultiLineString", "List<List<Point>>", "Polygon", "List<List<Point>>", "MultiPolygon",
            "List<List<List<Point>>>");

    private CompositeTypes() {
    }

    /** Return whether {@code an} is one of the annotations this class maps. */
    static boolean handles(Annotation an) {
        return an instanceof dev.chorm.types.annotation.Nested || GEO.containsKey(an.annotationType().getSimpleName());
    }

    static DataType map(Annotation an, AnnotatedType type, String owner) {
        if (an instanceof dev.chorm.types.annotation.Nested) {
            return nested(type, owner);
        }
        String name = an.annotationType().getSimpleName();
        if (depth(type) != DEPTH.get(name)) {
            throw new ModelDefinitionException("%s: @%s needs a %s field (dev.chorm.types.geo.Point), found %s."
                    .formatted(owner, name, SHAPE.get(name), TypeMapper.describe(type.getType())));
        }
        return GEO.get(name);
    }

    /** Return how many List levels wrap a Point in {@code type}, or -1 when it is not such a shape. */
    private static int depth(AnnotatedType type) {
        Class<?> raw = TypeMapper.rawClass(type.getType());
        if (raw == Point.class) {
            return 0;
        }
        AnnotatedType element = element(type);
        if (element == null) {
            return -1;
        }
        int inner = depth(element);
        return inner < 0 ? -1 : inner + 1;
    }

    /** Return the element type of a List, Collection or array, null for other types. */
    private static AnnotatedType element(AnnotatedType type) {
        if (type instanceof AnnotatedArrayType a) {
            return a.getAnnotatedGenericComponentType();
        }
        Class<?> raw = TypeMapper.rawClass(type.getType());
        if (Collection.class.isAssignableFrom(raw) && type instanceof AnnotatedParameterizedType p) {
            return p.getAnnotatedActualTypeArguments()[0];
        }
        return null;
    }

    private static DataType nested(AnnotatedType type, String owner) {
        AnnotatedType element = element(type);
        Class<?> record = element == null ? null : TypeMapper.rawClass(element.getType());
        if (record == null || !record.isRecord()) {
            throw new ModelDefinitionException(("%s: @Nested needs a List of records, one component per column, such as"
                    + " List<Item> with record Item(String sku, int qty); found %s.")
                    .formatted(owner, TypeMapper.describe(type.getType())));
        }
        List<String> names = new ArrayList<>();
        List<DataType> columns = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            names.add(c.getName());
            columns.add(TypeMapper.map(c.getAnnotatedType(), c, owner + "." + c.getName()));
        }
        if (names.isEmpty()) {
            throw new ModelDefinitionException("%s: the record %s has no components; a Nested needs at least one column."
                    .formatted(owner, record.getSimpleName()));
        }
        return DataType.nested(names, columns);
    }
}
