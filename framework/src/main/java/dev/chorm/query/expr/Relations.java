package dev.chorm.query.expr;

import dev.chorm.QueryException;
import dev.chorm.model.ForeignKey;
import dev.chorm.model.ModelField;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Find the relations a lookup path may cross from a model: its own {@link ForeignKey}s (forward,
 * many-to-one) and the foreign keys of other known models that refer to it (reverse, one-to-many,
 * named by {@link ForeignKey#relatedName()} or, as Django does, the referring class name in lower case).
 */
final class Relations {
    /**
     * Hold one relation as a join condition {@code from.left = target.right}.
     *
     * @param left the column of the model the relation starts from
     * @param target the model reached
     * @param right the column of {@code target} it matches
     */
    record Link(ModelField left, ModelMeta target, ModelField right) {
    }

    private Relations() {
    }

    /** Return the relation of {@code m} named {@code name}: a forward one first, else a reverse one. */
    static Optional<Link> find(ModelMeta m, String name) {
        Optional<ModelField> fk = forward(m, name);
        if (fk.isPresent()) {
            ModelMeta target = targetOf(fk.get());
            return Optional.of(new Link(fk.get(), target, referenced(m, fk.get(), target)));
        }
        for (Class<?> c : ModelMeta.knownModels()) {
            ModelMeta other = ModelMeta.of(c);
            for (ModelField f : other.fields()) {
                Relation r = f.relation().orElse(null);
                if (r != null && r.target() == m.modelClass() && name.equals(r.reverseName())) {
                    return Optional.of(new Link(referenced(other, f, m), other, f));
                }
            }
        }
        return Optional.empty();
    }

    /** Return the names of the relations of {@code m}, forward then reverse, for error messages. */
    static List<String> names(ModelMeta m) {
        List<String> out = new ArrayList<>(m.fields().stream().map(Relations::forwardName).filter(n -> n != null).toList());
        for (Class<?> c : ModelMeta.knownModels()) {
            ModelMeta other = ModelMeta.of(c);
            for (ModelField f : other.fields()) {
                Relation r = f.relation().orElse(null);
                if (r != null && r.target() == m.modelClass() && !out.contains(r.reverseName())) {
                    out.add(r.reverseName());
                }
            }
        }
        return out;
    }

    /** Return the foreign key field of {@code m} whose forward relation is named {@code name}. */
    static Optional<ModelField> forward(ModelMeta m, String name) {
        return m.fields().stream().filter(f -> name.equals(forwardName(f))).findFirst();
    }

    /** Return the forward relation name of a foreign key field, or null when {@code f} is not one. */
    static String forwardName(ModelField f) {
        return f.relation().map(Relation::name).orElse(null);
    }

    private static ModelMeta targetOf(ModelField fk) {
        return ModelMeta.of(fk.relation().orElseThrow().target());
    }

    /** Return the field of {@code target} that the foreign key {@code fk} of {@code owner} refers to. */
    private static ModelField referenced(ModelMeta owner, ModelField fk, ModelMeta target) {
        String fieldName = fk.relation().orElseThrow().targetField();
        return Scope.field(target, fieldName).orElseThrow(() -> new QueryException(
                "%s.%s: @ForeignKey names field '%s', which %s does not have; name one of its fields in field=."
                        .formatted(owner.modelClass().getSimpleName(), fk.javaName(), fieldName,
                                target.modelClass().getSimpleName())));
    }
}
