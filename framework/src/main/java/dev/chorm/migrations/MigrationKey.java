package dev.chorm.migrations;

import dev.chorm.MigrationException;
import java.util.Comparator;
import java.util.Objects;

/**
 * Name one migration: its app and its name, written {@code app/name} (for example {@code billing/0004_alter_amount}).
 *
 * @param app the app label
 * @param name the migration name, for example {@code 0001_initial}
 */
public record MigrationKey(String app, String name) implements Comparable<MigrationKey> {
    private static final Comparator<MigrationKey> ORDER =
            Comparator.comparing(MigrationKey::app).thenComparing(MigrationKey::name);

    /** Check the parts. */
    public MigrationKey {
        Objects.requireNonNull(app, "app == null");
        Objects.requireNonNull(name, "name == null");
    }

    /** Return the key written as {@code app/name}. */
    public static MigrationKey parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new MigrationException("'%s' is not a migration reference; write it as app/name, for example events/0001_initial."
                    .formatted(text));
        }
        return new MigrationKey(text.substring(0, slash), text.substring(slash + 1));
    }

    /** Return the leading number of the name ({@code 4} for {@code 0004_alter_amount}), or 0 when there is none. */
    public int number() {
        int i = 0;
        while (i < name.length() && Character.isDigit(name.charAt(i))) {
            i++;
        }
        return i == 0 ? 0 : Integer.parseInt(name.substring(0, Math.min(i, 9)));
    }

    @Override
    public int compareTo(MigrationKey o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return app + "/" + name;
    }
}
