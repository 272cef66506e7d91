package dev.chorm.model;

import java.util.List;
import java.util.Objects;

/**
 * Describe a table engine by its name and its arguments, each argument as SQL text exactly as
 * ClickHouse shows it in {@code system.tables.engine_full} (identifiers bare, strings quoted).
 *
 * <pre>{@code EngineSpec.of("ReplacingMergeTree", "ver")}  // ENGINE = ReplacingMergeTree(ver)</pre>
 *
 * <p>Table clauses (ORDER BY, SETTINGS, ...) are not part of the engine; {@link TableSpec} holds them.
 *
 * @param name the engine name, for example {@code ReplicatedMergeTree}
 * @param arguments the arguments as SQL, empty for none
 */
public record EngineSpec(String name, List<String> arguments) {
    /** Check the name and copy the arguments. */
    public EngineSpec {
        Objects.requireNonNull(name, "name == null");
        arguments = Specs.texts(arguments);
    }

    /** Return the engine {@code name(arguments...)}. */
    public static EngineSpec of(String name, String... arguments) {
        return new EngineSpec(name, List.of(arguments));
    }

    /** Return whether this engine belongs to the MergeTree family (replicated or not). */
    public boolean isMergeTreeFamily() {
        return name.endsWith("MergeTree");
    }

    /** Return whether this is a Replicated*MergeTree engine. */
    public boolean isReplicated() {
        return name.startsWith("Replicated") && isMergeTreeFamily();
    }

    /**
     * Return the non-replicated twin of a {@code Replicated*MergeTree} engine with the same remaining
     * arguments (version, sign, columns to sum, Graphite section): the Keeper path and replica name,
     * the two leading string literals when given, are dropped. Any other engine is returned as it is.
     * {@code ReplicatedReplacingMergeTree('/p/{shard}', '{replica}', ver)} becomes {@code ReplacingMergeTree(ver)}.
     */
    public EngineSpec nonReplicated() {
        if (!isReplicated()) {
            return this;
        }
        boolean hasPath = arguments.size() >= 2 && arguments.get(0).startsWith("'") && arguments.get(1).startsWith("'");
        return new EngineSpec(name.substring("Replicated".length()), hasPath ? arguments.subList(2, arguments.size()) : arguments);
    }

    /** Return the engine as SQL, for example {@code ReplacingMergeTree(ver)}, or {@code Memory} without arguments. */
    public String sql() {
        return arguments.isEmpty() ? name : name + "(" + String.join(", ", arguments) + ")";
    }

    @Override
    public String toString() {
        return sql();
    }
}
