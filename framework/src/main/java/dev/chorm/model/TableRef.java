package dev.chorm.model;

import java.util.Objects;

/**
 * Name a table or another database object (view, dictionary) that a {@link TableSpec} depends on.
 *
 * <pre>{@code TableRef.parse("analytics.event")   // database analytics, name event}</pre>
 *
 * @param database the database; empty means the connection's current database
 * @param name the object's name
 */
public record TableRef(String database, String name) implements Comparable<TableRef> {
    /** Check the parts. */
    public TableRef {
        database = database == null ? "" : database;
        Objects.requireNonNull(name, "name == null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a table reference needs a name");
        }
    }

    /** Return the reference to {@code name} in the current database. */
    public static TableRef of(String name) {
        return new TableRef("", name);
    }

    /** Return the reference to {@code table}'s database and name. */
    public static TableRef of(TableSpec table) {
        return new TableRef(table.database(), table.name());
    }

    /** Parse {@code name} or {@code database.name} (the form {@link #toString} writes). */
    public static TableRef parse(String text) {
        int dot = text.indexOf('.');
        return dot < 0 ? of(text) : new TableRef(text.substring(0, dot), text.substring(dot + 1));
    }

    /** Return whether this names the same object as {@code other}, an empty database matching {@code currentDatabase}. */
    public boolean sameAs(TableRef other, String currentDatabase) {
        String a = database.isEmpty() ? currentDatabase : database;
        String b = other.database.isEmpty() ? currentDatabase : other.database;
        return name.equals(other.name) && a.equals(b);
    }

    @Override
    public int compareTo(TableRef o) {
        int c = database.compareTo(o.database);
        return c != 0 ? c : name.compareTo(o.name);
    }

    /** Return {@code name} or {@code database.name}. */
    @Override
    public String toString() {
        return database.isEmpty() ? name : database + '.' + name;
    }
}
