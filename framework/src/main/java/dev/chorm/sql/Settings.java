package dev.chorm.sql;

import dev.chorm.QueryException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Hold the ClickHouse settings of one query, rendered as its {@code SETTINGS} clause; shared by
 * every kind of query (SELECT here, INSERT, UPDATE and DELETE on the write side).
 *
 * <pre>{@code
 * Settings.of(Map.of("max_threads", 2)).with("mutations_sync", 1)
 * // SETTINGS max_threads = 2, mutations_sync = 1
 * }</pre>
 * Names must be plain identifiers; values are numbers, booleans (written 1/0) or strings (quoted).
 */
public final class Settings implements QueryPart {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Settings EMPTY = new Settings(Map.of());

    private final Map<String, Object> values;

    private Settings(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Return no settings. */
    public static Settings empty() {
        return EMPTY;
    }

    /** Return the settings in {@code values}, in their iteration order. */
    public static Settings of(Map<String, ?> values) {
        return EMPTY.withAll(values);
    }

    /** Return these settings with {@code name} set to {@code value} (replacing an earlier value). */
    public Settings with(String name, Object value) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new QueryException("Not a setting name: '" + name + "'. Use letters, digits and underscores.");
        }
        Objects.requireNonNull(value, "value == null");
        if (!(value instanceof Number || value instanceof Boolean || value instanceof CharSequence)) {
            throw new QueryException("Setting " + name + " needs a number, boolean or string, got "
                    + value.getClass().getSimpleName() + ".");
        }
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Settings(copy);
    }

    /** Return these settings with every entry of {@code more} set. */
    public Settings withAll(Map<String, ?> more) {
        Settings s = this;
        for (Map.Entry<String, ?> e : more.entrySet()) {
            s = s.with(e.getKey(), e.getValue());
        }
        return s;
    }

    /** Return these settings with {@code name} set only if it is not set yet. */
    public Settings withDefault(String name, Object value) {
        return values.containsKey(name) ? this : with(name, value);
    }

    /** Return whether no setting is set. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Return the settings as an unmodifiable map. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** Write {@code SETTINGS a = 1, b = 'x'} (nothing when empty). */
    @Override
    public void accept(RenderContext ctx) {
        if (values.isEmpty()) {
            return;
        }
        ctx.visit(Keyword.SETTINGS).sql(' ');
        String separator = "";
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = e.getValue() instanceof Boolean b ? (b ? 1 : 0) : e.getValue();
            ctx.sql(separator).sql(e.getKey()).sql(" = ").value(v instanceof CharSequence ? v.toString() : v, null);
            separator = ", ";
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settings s && values.equals(s.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Settings" + values;
    }
}
