package dev.chorm.schema;

import dev.chorm.model.Default;
import dev.chorm.model.Dictionary;
import dev.chorm.model.DictionaryAttribute;
import dev.chorm.model.DictionaryLayout;
import dev.chorm.model.Table;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.types.annotation.UInt64;
import java.time.LocalDate;

/** Tables and the dictionaries over them, for the dictionary DDL, engine and introspection tests. */
public final class DictionaryModels {
    private DictionaryModels() {
    }

    /** The source table: countries by numeric id, with a parent region. */
    @MergeTree(orderBy = "id")
    public static class Country {
        @UInt64 public long id;
        public String code;
        public String name;
        public long population;
        @UInt64 public long parentId;
    }

    /** A HASHED dictionary over Country that never reloads by itself (SYSTEM RELOAD DICTIONARY does). */
    @Table(name = "country_dict", comment = "countries by id")
    @Dictionary(source = Country.class, primaryKey = "id", layout = DictionaryLayout.HASHED, lifetimeMax = 0)
    public static class CountryDict {
        @UInt64 public long id;
        @Default("'?'") @DictionaryAttribute(injective = true) public String name;
        public long population;
        @DictionaryAttribute(hierarchical = true) @UInt64 public long parentId;
        @DictionaryAttribute(expression = "upper(code)") public String upperCode;
    }

    /** A COMPLEX_KEY_HASHED dictionary over Country keyed by its code. */
    @Dictionary(source = Country.class, primaryKey = "code", layout = DictionaryLayout.COMPLEX_KEY_HASHED,
            lifetimeMin = 60, lifetimeMax = 600)
    public static class CountryByCode {
        public String code;
        public String name;
    }

    /**
     * A dictionary loaded by a query rather than a table; the query runs in the {@code default} database
     * whatever the dictionary's, so it names its tables with their database.
     */
    @Dictionary(query = "SELECT number + 1 AS id, concat('n', toString(number + 1)) AS name FROM system.numbers LIMIT 3",
            primaryKey = "id",
            layout = DictionaryLayout.FLAT)
    public static class PopulatedCountry {
        @UInt64 public long id;
        public String name;
    }

    /** Visits that name a country by id: the table the dictionaries are looked up from. */
    @MergeTree(orderBy = "id")
    public static class Visit {
        @UInt64 public long id;
        @UInt64 public long countryId;
        public String countryCode;
    }

    /** Rates valid between two dates. */
    @MergeTree(orderBy = {"id", "valid_from"})
    public static class Tariff {
        @UInt64 public long id;
        public LocalDate validFrom;
        public LocalDate validTo;
        public double rate;
    }

    /** A RANGE_HASHED dictionary: the rate of a tariff on a given day. */
    @Dictionary(source = Tariff.class, primaryKey = "id", layout = DictionaryLayout.RANGE_HASHED,
            rangeMin = "valid_from", rangeMax = "valid_to")
    public static class TariffDict {
        @UInt64 public long id;
        public LocalDate validFrom;
        public LocalDate validTo;
        public double rate;
    }

    /** The same rates keyed as a complex key: COMPLEX_KEY_RANGE_HASHED, whose key may be of any type. */
    @Dictionary(source = Tariff.class, primaryKey = "id", layout = DictionaryLayout.COMPLEX_KEY_RANGE_HASHED,
            rangeMin = "valid_from", rangeMax = "valid_to", lifetimeMax = 0)
    public static class TariffByComplexKey {
        @UInt64 public long id;
        public LocalDate validFrom;
        public LocalDate validTo;
        public double rate;
    }

    /** A DIRECT dictionary: no memory, no lifetime, every lookup reads Country. */
    @Dictionary(source = Country.class, primaryKey = "id", layout = DictionaryLayout.DIRECT)
    public static class CountryDirect {
        @UInt64 public long id;
        public String name;
    }

    /** A view whose QuerySet looks the country up: it depends on the dictionary without listing it. */
    @dev.chorm.model.View
    public static class VisitCountry {
        @UInt64 public long id;
        public String country;

        @dev.chorm.model.ViewQuery
        static dev.chorm.query.QuerySet<?> query() {
            return dev.chorm.query.QuerySet.of(Visit.class).values("id")
                    .annotate("country", dev.chorm.query.Dictionaries.dictGet(CountryDict.class, "name", "country_id"));
        }
    }
}
