package dev.chorm.types;

import dev.chorm.ModelDefinitionException;
import dev.chorm.types.annotation.LowCardinality;
import dev.chorm.types.annotation.Nullable;
import dev.chorm.types.annotation.SimpleAggregateFunction;
import dev.chorm.types.annotation.Tuple;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collect the chorm type annotations that apply to one level of a Java type: at most one annotation
 * choosing the ClickHouse type, plus the Nullable, LowCardinality, Tuple and SimpleAggregateFunction
 * modifiers (the last wraps whatever type the others give).
 */
record TypeAnnotations(Annotation base, boolean nullable, boolean lowCardinality, Tuple tuple,
                       SimpleAggregateFunction simpleAggregate) {
    private static final String PACKAGE = Nullable.class.getPackageName();
    private static final Set<String> MODIFIERS = Set.of("Nullable", "LowCardinality", "Tuple", "EnumLabel", "EnumValue",
            "SimpleAggregateFunction");

    /** Return the annotations of a field or record component, merging its declaration and its type. */
    static TypeAnnotations top(AnnotatedType type, AnnotatedElement element, String owner) {
        Map<Class<?>, Annotation> found = new LinkedHashMap<>();
        List<Annotation> onElements = type instanceof AnnotatedArrayType a ? innermost(a) : List.of();
        if (element != null) {
            for (Annotation an : element.getAnnotations()) {
                // In "@Nullable String[] x", Java gives the type-use @Nullable to String, not to the array.
                if (onElements.stream().noneMatch(e -> e.annotationType() == an.annotationType())) {
                    found.putIfAbsent(an.annotationType(), an);
                }
            }
        }
        for (Annotation an : type.getAnnotations()) {
            found.putIfAbsent(an.annotationType(), an);
        }
        return of(found.values(), owner);
    }

    /** Return the type-use annotations of a nested type such as the {@code T} of {@code List<T>}. */
    static TypeAnnotations nested(AnnotatedType type, String owner) {
        return of(List.of(type.getAnnotations()), owner);
    }

    private static List<Annotation> innermost(AnnotatedArrayType type) {
        AnnotatedType t = type;
        while (t instanceof AnnotatedArrayType a) {
            t = a.getAnnotatedGenericComponentType();
        }
        return List.of(t.getAnnotations());
    }

    private static TypeAnnotations of(Iterable<Annotation> annotations, String owner) {
        List<Annotation> bases = new ArrayList<>();
        boolean nullable = false;
        boolean lowCardinality = false;
        Tuple tuple = null;
        SimpleAggregateFunction simple = null;
        for (Annotation an : annotations) {
            Class<? extends Annotation> at = an.annotationType();
            if (!at.getPackageName().equals(PACKAGE)) {
                continue;
            }
            if (!MODIFIERS.contains(at.getSimpleName())) {
                bases.add(an);
            }
            nullable |= an instanceof Nullable;
            lowCardinality |= an instanceof LowCardinality;
            tuple = an instanceof Tuple t ? t : tuple;
            simple = an instanceof SimpleAggregateFunction f ? f : simple;
        }
        if (bases.size() > 1) {
            throw new ModelDefinitionException("%s: %s and %s conflict; keep one."
                    .formatted(owner, name(bases.get(0)), name(bases.get(1))));
        }
        return new TypeAnnotations(bases.isEmpty() ? null : bases.get(0), nullable, lowCardinality, tuple, simple);
    }

    /** Return {@code @Name} for an annotation, as a user writes it. */
    static String name(Annotation an) {
        return "@" + an.annotationType().getSimpleName();
    }
}
