package dev.chorm.schema;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Hold the storage profile of one database alias: the alias's profile and why it applies, and the
 * profiles chosen for single apps ({@code events}) or models ({@code events.Student}), which win
 * over it. Names are matched without regard to case, because environment variables are upper case.
 *
 * <pre>{@code
 * StorageProfiles p = new StorageProfiles(StorageProfile.SINGLE_NODE, "embedded engine",
 *         Map.of("events.Student", StorageProfile.CLUSTER));
 * p.of("events", "Student");   // CLUSTER
 * }</pre>
 *
 * @param profile the alias's profile
 * @param reason why the alias has that profile, for the announcement
 * @param overrides {@code app} or {@code app.Model} to the profile chosen for it
 */
public record StorageProfiles(StorageProfile profile, String reason, Map<String, StorageProfile> overrides) {
    /** Check the parts and key the overrides in lower case, sorted. */
    public StorageProfiles {
        Objects.requireNonNull(profile, "profile == null");
        reason = reason == null ? "" : reason;
        Map<String, StorageProfile> lower = new TreeMap<>();
        overrides.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), Objects.requireNonNull(v, k)));
        overrides = Collections.unmodifiableMap(lower);
    }

    /** Return {@code profile} for every model, without overrides. */
    public static StorageProfiles of(StorageProfile profile, String reason) {
        return new StorageProfiles(profile, reason, Map.of());
    }

    /** Return the profile of model {@code model} of app {@code app}: its own override, its app's, or the alias's. */
    public StorageProfile of(String app, String model) {
        String a = app == null ? "" : app.toLowerCase(Locale.ROOT);
        StorageProfile own = model == null || model.isEmpty() ? null : overrides.get(a + "." + model.toLowerCase(Locale.ROOT));
        return own != null ? own : overrides.getOrDefault(a, profile);
    }

    /** Return whether some app or model may be rendered under {@code p}. */
    public boolean uses(StorageProfile p) {
        return profile == p || overrides.containsValue(p);
    }

    /** Return the one-line announcement, for example {@code Storage profile: single-node (embedded engine); events.Student: cluster}. */
    public String describe() {
        String own = overrides.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
        return "Storage profile: " + profile + (reason.isEmpty() ? "" : " (" + reason + ")")
                + (own.isEmpty() ? "" : "; overridden for " + own);
    }
}
