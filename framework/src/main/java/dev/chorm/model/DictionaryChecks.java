package dev.chorm.model;

import dev.chorm.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Check a dictionary's {@link TableSpec} (see {@link DictionaryReader}): key, layout, range and
 * lifetime always; the columns against the source model's table when it is known (a model being read,
 * not a spec rebuilt from a migration file).
 */
final class DictionaryChecks {
    private final TableSpec table;
    private final DictionarySpec d;
    private final String owner;
    private final Problems problems;

    DictionaryChecks(TableSpec table, String owner, Problems problems) {
        this.table = table;
        this.d = table.dictionary();
        this.owner = owner;
        this.problems = problems;
    }

    /** Check the key, layout, range, lifetime and attribute options (what a migration file's spec holds too). */
    void run() {
        checkKey();
        checkRange();
        checkLifetime();
        checkAttributes();
    }

    private void checkKey() {
        List<String> key = d.primaryKey();
        if (key.isEmpty()) {
            problems.add("%s: @Dictionary(primaryKey) is empty; name the key column(s), for example primaryKey = \"id\".", owner);
            return;
        }
        List<ColumnSpec> keyColumns = new ArrayList<>();
        for (String k : key) {
            table.column(k).ifPresentOrElse(keyColumns::add, () -> problems.add(
                    "%s: @Dictionary primaryKey names unknown column '%s'; declare a field for it or fix primaryKey.", owner, k));
        }
        for (ColumnSpec c : keyColumns) {
            if (c.defaultKind() != DefaultKind.NONE) {
                problems.add("%s.%s: a key column cannot have a DEFAULT; remove @Default (a default is for attributes).",
                        owner, c.name());
            }
        }
        DictionaryLayout layout = d.layout();
        if (layout.complexKey() || keyColumns.size() != key.size()) {
            return;
        }
        DictionaryLayout complex = complexLayout(layout);
        if (key.size() > 1) {
            problems.add("%s: layout %s takes one key column, found %d (%s); use layout %s for a composite key.",
                    owner, layout, key.size(), String.join(", ", key), complex);
        } else if (!isSimpleKeyType(keyColumns.get(0).type())) {
            problems.add("%s.%s: layout %s needs an integer key (it is read as UInt64), found %s; use layout %s for"
                    + " this key, or an integer key column.", owner, key.get(0), layout, keyColumns.get(0).type().sql(), complex);
        }
    }

    /** The complex-key layout that stores like {@code layout}: FLAT has none, HASHED is the nearest. */
    private static DictionaryLayout complexLayout(DictionaryLayout layout) {
        return layout == DictionaryLayout.FLAT ? DictionaryLayout.COMPLEX_KEY_HASHED
                : DictionaryLayout.valueOf("COMPLEX_KEY_" + layout.name());
    }

    private static boolean isSimpleKeyType(DataType type) {
        return type.kind().isInteger() && type.kind().byteWidth() <= 8;
    }

    private void checkRange() {
        boolean given = !d.rangeMin().isEmpty() || !d.rangeMax().isEmpty();
        if (!d.layout().ranged()) {
            if (given) {
                problems.add("%s: rangeMin and rangeMax need layout RANGE_HASHED or COMPLEX_KEY_RANGE_HASHED, found %s;"
                        + " remove them or change the layout.", owner, d.layout());
            }
            return;
        }
        if (d.rangeMin().isEmpty() || d.rangeMax().isEmpty()) {
            problems.add("%s: layout %s needs rangeMin and rangeMax, the columns where a row's validity starts and ends;"
                    + " set both.", owner, d.layout());
            return;
        }
        for (String column : List.of(d.rangeMin(), d.rangeMax())) {
            table.column(column).ifPresentOrElse(c -> {
                DataType t = ModelChecks.unwrap(c.type());
                if (!(t.kind().isInteger() || t.kind().isTemporal())) {
                    problems.add("%s.%s: a range column needs a date, time or integer type, found %s; change the field type.",
                            owner, column, c.type().sql());
                }
            }, () -> problems.add("%s: @Dictionary range names unknown column '%s'; declare a field for it or fix"
                    + " rangeMin/rangeMax.", owner, column));
        }
    }

    private void checkLifetime() {
        if (d.lifetimeMin() < 0 || d.lifetimeMax() < 0) {
            problems.add("%s: @Dictionary lifetime cannot be negative (lifetimeMin %d, lifetimeMax %d); use seconds >= 0,"
                    + " 0 for never.", owner, d.lifetimeMin(), d.lifetimeMax());
        } else if (d.lifetimeMin() > d.lifetimeMax()) {
            problems.add("%s: @Dictionary lifetimeMin %d is greater than lifetimeMax %d; ClickHouse reloads at a random time"
                    + " between them, so make lifetimeMin <= lifetimeMax.", owner, d.lifetimeMin(), d.lifetimeMax());
        }
    }

    private void checkAttributes() {
        for (String name : d.hierarchical()) {
            if (d.isKey(name)) {
                problems.add("%s.%s: a key column cannot be hierarchical; mark the attribute that holds the parent key.",
                        owner, name);
            } else if (d.primaryKey().size() == 1) {
                table.column(d.primaryKey().get(0)).ifPresent(key -> table.column(name).ifPresent(c -> {
                    if (!c.type().equals(key.type())) {
                        problems.add("%s.%s: a hierarchical attribute holds a parent key, so it needs the key's type %s,"
                                + " found %s; change the field type.", owner, name, key.type().sql(), c.type().sql());
                    }
                }));
            }
        }
        for (String name : d.injective()) {
            if (d.isKey(name)) {
                problems.add("%s.%s: a key column cannot be injective; mark attributes only.", owner, name);
            }
        }
        d.expressions().keySet().stream().filter(d::isKey).forEach(name -> problems.add(
                "%s.%s: a key column is read from the source, not computed; remove @DictionaryAttribute(expression).",
                owner, name));
    }

    /** Check the columns read from the source against {@code source}, the table of model {@code sourceName}. */
    void checkAgainstSource(TableSpec source, String sourceName) {
        if (!table.database().isEmpty() && source.database().isEmpty()) {
            problems.add("%s: the dictionary is in database '%s' but its source %s is in the connection's database, which"
                    + " the dictionary cannot name; give %s a @Table(database) too, or leave the dictionary's out.",
                    owner, table.database(), sourceName, sourceName);
        }
        for (ColumnSpec c : table.columns()) {
            if (d.expressions().containsKey(c.name())) {
                continue;
            }
            source.column(c.name()).ifPresentOrElse(s -> {
                if (!DictionaryReader.withoutLowCardinality(s.type()).equals(c.type())) {
                    problems.add("%s.%s: type %s differs from %s.%s's %s; declare the field with the source column's type.",
                            owner, c.name(), c.type().sql(), sourceName, s.name(), s.type().sql());
                }
            }, () -> problems.add("%s.%s: source %s (table %s) has no column '%s'; name one of its columns (%s) or compute"
                    + " the attribute with @DictionaryAttribute(expression = ...).", owner, c.name(), sourceName,
                    source.name(), c.name(), String.join(", ", source.columns().stream().map(ColumnSpec::name).toList())));
        }
    }
}
