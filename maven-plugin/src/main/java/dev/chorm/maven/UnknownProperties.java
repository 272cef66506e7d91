package dev.chorm.maven;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Find {@code clickhouse.*} properties that name no parameter of any goal of this plugin
 * ({@code -Dclickhouse.taget=events/0002}), and say which known name is closest. A typo would
 * otherwise be ignored without a word: Maven hands a goal only the properties it declares.
 *
 * <p>Every goal's parameters count as known, so {@code -Dclickhouse.target} given to a run of
 * {@code migrate showmigrations} warns in neither.
 */
final class UnknownProperties {
    private final Set<String> known;

    /** Create the check over the known parameter names, without the prefix ({@code target}, {@code fakeInitial}). */
    UnknownProperties(Collection<String> known) {
        this.known = new TreeSet<>(known);
    }

    /**
     * Return one warning per unknown {@code clickhouse.*} key of {@code sources}, in order.
     *
     * @param sources where the keys were set ({@code "the command line"}, {@code "the POM's <properties>"}) to their keys
     */
    List<String> warnings(Map<String, ? extends Collection<String>> sources) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        sources.forEach((source, keys) -> {
            for (String key : new TreeSet<>(keys)) {
                if (!key.startsWith(ConfigurationLayers.PARAMETER_PREFIX) || !seen.add(key)) {
                    continue;
                }
                String name = key.substring(ConfigurationLayers.PARAMETER_PREFIX.length());
                if (!known.contains(name)) {
                    out.add(warning(key, name, source));
                }
            }
        });
        return out;
    }

    private String warning(String key, String name, String source) {
        String text = "Unknown property %s (from %s): no clickhouse goal has a parameter '%s', so it is ignored."
                .formatted(key, source, name);
        return closest(name).map(c -> text + " Did you mean " + ConfigurationLayers.PARAMETER_PREFIX + c + "?")
                .orElseGet(() -> text + " Known: " + String.join(", ", known) + ".");
    }

    /** Return the known name nearest to {@code name} (case-insensitive edit distance), if it is near enough to be a typo. */
    Optional<String> closest(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return known.stream()
                .min(Comparator.comparingInt((String k) -> distance(lower, k.toLowerCase(Locale.ROOT))).thenComparing(k -> k))
                .filter(k -> distance(lower, k.toLowerCase(Locale.ROOT)) <= Math.max(2, k.length() / 3));
    }

    /** Return the Damerau-Levenshtein (optimal string alignment) distance: a swapped pair of letters counts once. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
