package dev.chorm.model;

import java.lang.reflect.AnnotatedElement;
import java.util.Locale;

/**
 * Describe the many-to-one relation a {@link ForeignKey} field declares, read once with the model
 * (see {@link ModelField#relation()}), so that queries crossing it never read the annotation again.
 *
 * @param name the forward relation name used in lookups ({@code customer} for {@code customerId})
 * @param target the referenced model class
 * @param targetField the referenced field of {@code target}, a Java or column name
 * @param reverseName the name by which {@code target} reaches the referring model back
 */
public record Relation(String name, Class<?> target, String targetField, String reverseName) {
    /** Return the relation that {@code element} of {@code model} declares, or null when it is no foreign key. */
    static Relation read(Class<?> model, String javaName, AnnotatedElement element) {
        ForeignKey fk = element.getAnnotation(ForeignKey.class);
        if (fk == null) {
            return null;
        }
        String name = !fk.name().isEmpty() ? fk.name()
                : javaName.length() > 2 && javaName.endsWith("Id") ? javaName.substring(0, javaName.length() - 2) : javaName;
        String reverse = fk.relatedName().isEmpty() ? model.getSimpleName().toLowerCase(Locale.ROOT) : fk.relatedName();
        return new Relation(name, fk.value(), fk.field(), reverse);
    }
}
