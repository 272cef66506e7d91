package dev.chorm.maven;

import dev.chorm.db.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Hold the configuration of one goal run after merging every source: the goal parameters by name
 * ({@code app}, {@code check}, {@code migrationsDirectory}, ...) and the framework keys ({@code chorm.*}).
 *
 * @param alias the database alias the goal works on
 * @param parameters parameter name to value, as text
 * @param framework framework key to value; the embedded data directory of {@code alias} is absolute
 */
public record MergedConfiguration(String alias, Map<String, String> parameters, Map<String, String> framework) {
    /** Copy the maps. */
    public MergedConfiguration {
        parameters = Map.copyOf(parameters);
        framework = Map.copyOf(framework);
    }

    /** Return the value of parameter {@code name}, if set and not blank. */
    public Optional<String> string(String name) {
        return Optional.ofNullable(parameters.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Return parameter {@code name} as a boolean ({@code true}, {@code false} or empty for true), or {@code otherwise}. */
    public boolean flag(String name, boolean otherwise) {
        String value = parameters.get(name);
        if (value == null) {
            return otherwise;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException("Parameter %s must be true or false, found '%s'.".formatted(name, value));
    }

    /** Return parameter {@code name}, a whole number of seconds, as a duration, or {@code otherwise} when it is not set. */
    public Duration seconds(String name, Duration otherwise) {
        Optional<String> value = string(name);
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            long seconds = Long.parseLong(value.get());
            if (seconds >= 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Parameter %s must be a whole number of seconds (0 or more), found '%s'."
                .formatted(name, value.get()));
    }

    /** Return parameter {@code name} split at commas, blanks removed. */
    public List<String> list(String name) {
        return string(name).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /** Return the migration directory (absolute). */
    public Path migrationsDirectory() {
        return Path.of(parameters.get("migrationsDirectory"));
    }

    /** Return the framework configuration. */
    public Config config() {
        return Config.of(framework);
    }

    /** Return every value as {@code key = value} lines, sorted, with passwords masked (for debug logs). */
    public String describe() {
        String params = parameters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "  " + ConfigurationLayers.PARAMETER_PREFIX + e.getKey() + " = " + mask(e.getKey(), e.getValue()))
                .collect(Collectors.joining("\n"));
        String keys = framework.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "  " + e.getKey() + " = " + mask(e.getKey(), e.getValue()))
                .collect(Collectors.joining("\n"));
        return params + (keys.isEmpty() ? "" : "\n" + keys);
    }

    private static String mask(String key, String value) {
        return key.toLowerCase(Locale.ROOT).endsWith("password") && !value.isEmpty() ? "******" : value;
    }
}
