package dev.chorm.model;

import java.util.regex.Pattern;

/**
 * Decide which names chorm accepts for tables, columns, indexes, constraints and projections.
 *
 * <p>ClickHouse accepts almost anything in backticks, but a name outside {@code [A-Za-z_][A-Za-z0-9_]*}
 * has to be quoted in every hand-written query and in engine arguments, so chorm refuses it early.
 */
public final class Identifiers {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern CLUSTER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-{}]*");
    private static final Pattern SETTING = Pattern.compile("[a-z_][a-z0-9_]*");

    private Identifiers() {
    }

    /** Return whether {@code name} is a plain identifier: letters, digits and underscores, no leading digit. */
    public static boolean isValid(String name) {
        return name != null && IDENTIFIER.matcher(name).matches();
    }

    /** Return whether {@code name} can name a cluster (a plain identifier, dashes, dots or a {macro}). */
    public static boolean isValidCluster(String name) {
        return name != null && CLUSTER.matcher(name).matches();
    }

    /** Return whether {@code name} looks like a ClickHouse setting name (lower-case snake_case). */
    public static boolean isValidSetting(String name) {
        return name != null && SETTING.matcher(name).matches();
    }
}
