package dev.chorm.query.expr;

import dev.chorm.QueryException;
import dev.chorm.types.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Find lookups by name: chorm's own ({@code exact}, {@code icontains}, {@code in}, {@code range},
 * array and map lookups, ...) and those registered with {@link #register(Lookup)}. A name is
 * registered once, for the whole JVM; the order of registration is the order of the choices that
 * error messages list.
 */
public final class Lookups {
    private static final Map<String, Lookup> BY_NAME = new LinkedHashMap<>();

    static {
        for (Lookup l : BuiltinLookups.ALL) {
            BY_NAME.put(l.name(), l);
        }
    }

    private Lookups() {
    }

    /**
     * Make {@code lookup} usable in filter paths ({@code field__name}) and {@link Expression#lookup}.
     *
     * @throws QueryException when a lookup of that name exists
     */
    public static void register(Lookup lookup) {
        Objects.requireNonNull(lookup, "lookup == null");
        synchronized (BY_NAME) {
            Lookup known = BY_NAME.putIfAbsent(lookup.name(), lookup);
            if (known != null && known != lookup) {
                throw new QueryException("A lookup named '" + lookup.name() + "' is registered already; choose another name.");
            }
        }
    }

    /** Forget the registered lookup {@code name} (chorm's own stay). */
    public static void unregister(String name) {
        synchronized (BY_NAME) {
            Lookup known = BY_NAME.get(name);
            if (known != null && !BuiltinLookups.ALL.contains(known)) {
                BY_NAME.remove(name);
            }
        }
    }

    /** Return the lookup {@code name}, if one is known. */
    public static Optional<Lookup> find(String name) {
        synchronized (BY_NAME) {
            return Optional.ofNullable(BY_NAME.get(name));
        }
    }

    /**
     * Return the lookup {@code name}.
     *
     * @throws QueryException naming the choices when none is known
     */
    public static Lookup require(String name) {
        return find(name).orElseThrow(() -> new QueryException("Unknown lookup '" + name + "'. Choices: "
                + String.join(", ", names()) + "."));
    }

    /** Return the names of the lookups that apply to an operand of {@code type} (null: unknown). */
    public static List<String> choices(DataType type) {
        List<String> out = new ArrayList<>();
        for (Lookup l : all()) {
            if (l.appliesTo(type)) {
                out.add(l.name());
            }
        }
        return out;
    }

    /** Return whether {@code name} is a lookup that applies to an operand of {@code type}. */
    public static boolean applies(String name, DataType type) {
        return find(name).map(l -> l.appliesTo(type)).orElse(false);
    }

    private static List<String> names() {
        return all().stream().map(Lookup::name).toList();
    }

    private static List<Lookup> all() {
        synchronized (BY_NAME) {
            return List.copyOf(BY_NAME.values());
        }
    }
}
