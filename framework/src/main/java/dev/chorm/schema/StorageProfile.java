package dev.chorm.schema;

import dev.chorm.ChormException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Say how declared models are rendered on a target: as declared on a cluster, or mapped onto one
 * node. Migration files always hold the declared model; only the schema editor's rendering changes.
 *
 * <pre>{@code StorageProfile.parse("single-node", "chorm.databases.default.profile")}</pre>
 */
public enum StorageProfile {
    /** Render models as declared: Replicated engines, {@code ON CLUSTER}, Distributed tables. */
    CLUSTER("cluster"),
    /**
     * Render for one node without Keeper or peers: each {@code Replicated*MergeTree} becomes its
     * non-replicated twin, {@code ON CLUSTER} is dropped, and a Distributed model becomes a plain
     * table shaped like its local model (see {@link TableMapping}).
     */
    SINGLE_NODE("single-node");

    private final String configName;

    StorageProfile(String configName) {
        this.configName = configName;
    }

    /** Return the name written in configuration, {@code cluster} or {@code single-node}. */
    public String configName() {
        return configName;
    }

    /** Return the profile named {@code value} (case and surrounding blanks ignored), failing with a message naming {@code key}. */
    public static StorageProfile parse(String value, String key) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.configName.equals(v)).findFirst()
                .orElseThrow(() -> new ChormException("%s is '%s'; use one of %s.".formatted(key, value,
                        Arrays.stream(values()).map(StorageProfile::configName).collect(Collectors.joining(", ")))));
    }

    @Override
    public String toString() {
        return configName;
    }
}
