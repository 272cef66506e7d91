package dev.chorm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.QueryException;
import dev.chorm.db.Database;
import dev.chorm.model.Dictionary;
import dev.chorm.model.DictionaryLayout;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.schema.DictionaryModels.CountryDict;
import dev.chorm.schema.DictionaryModels.TariffDict;
import dev.chorm.schema.DictionaryModels.Visit;
import dev.chorm.types.annotation.UInt64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dictionary lookups with a key of two columns (sent as one tuple) on the engine, and the messages of
 * a wrong lookup, given before any SQL.
 */
class DictionariesEngineTest {
    private static Database db;

    /** Prices by region and product: the source of a dictionary keyed by both. */
    @MergeTree(orderBy = {"region", "product"})
    public static class Price {
        public String region;
        @UInt64 public long product;
        public double amount;
    }

    /** A COMPLEX_KEY_HASHED dictionary keyed by two columns. */
    @Dictionary(source = Price.class, primaryKey = {"region", "product"}, layout = DictionaryLayout.COMPLEX_KEY_HASHED,
            lifetimeMax = 0)
    public static class PriceDict {
        public String region;
        @UInt64 public long product;
        public double amount;
    }

    /** An order line that names its price by region and product. */
    @MergeTree(orderBy = "id")
    public static class OrderLine {
        @UInt64 public long id;
        public String region;
        @UInt64 public long product;
    }

    @BeforeAll
    static void open() {
        db = EngineSupport.open("dict_lookups");
        db.createTables(Price.class, OrderLine.class, PriceDict.class);
        db.execute("INSERT INTO price (region, product, amount) VALUES ('eu', 1, 2.5), ('eu', 2, 4.0), ('us', 1, 3.0)");
        db.execute("INSERT INTO order_line (id, region, product) VALUES (1, 'eu', 2), (2, 'us', 1), (3, 'us', 2)");
        db.execute("SYSTEM RELOAD DICTIONARY price_dict");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aKeyOfTwoColumnsLooksUpTheTupleOfBoth() {
        List<Map<String, Object>> rows = db.objects(OrderLine.class).values("id")
                .annotate("amount", Dictionaries.dictGet(PriceDict.class, "amount", "region", "product"))
                .annotate("or_default", Dictionaries.dictGetOrDefault(PriceDict.class, "amount",
                        List.of("region", "product"), -1.0))
                .annotate("known", Dictionaries.dictHas(PriceDict.class, "region", "product"))
                .orderBy("id").fetch();
        assertThat(rows).containsExactly(
                Map.of("id", 1L, "amount", 4.0, "or_default", 4.0, "known", (short) 1),
                Map.of("id", 2L, "amount", 3.0, "or_default", 3.0, "known", (short) 1),
                Map.of("id", 3L, "amount", 0.0, "or_default", -1.0, "known", (short) 0));
    }

    @Test
    void aWrongLookupIsRefusedNamingTheDictionaryAndTheFix() {
        assertThatThrownBy(() -> Dictionaries.dictGet(Visit.class, "country_id", "id"))
                .isInstanceOf(QueryException.class)
                .hasMessage("Visit is not a dictionary; declare it with @Dictionary or look it up with a join.");
        assertThatThrownBy(() -> Dictionaries.dictGet(PriceDict.class, "amount", "region"))
                .isInstanceOf(QueryException.class)
                .hasMessage("Dictionary PriceDict has key (region, product) but 1 value(s) were given; give one per key"
                        + " column.");
        assertThatThrownBy(() -> Dictionaries.dictHas(TariffDict.class, "id"))
                .isInstanceOf(QueryException.class)
                .hasMessage("Dictionary TariffDict has key (id) and a range but 1 value(s) were given; give one per key"
                        + " column, then the value inside the range.");
        assertThatThrownBy(() -> Dictionaries.dictGet(CountryDict.class, "capital", "country_id"))
                .isInstanceOf(QueryException.class)
                .hasMessage("Dictionary CountryDict has no attribute 'capital'; use one of [name, population, parent_id,"
                        + " upper_code].");
        assertThatThrownBy(() -> Dictionaries.dictGetOrDefault(PriceDict.class, "product", List.of("region", "product"), 0))
                .isInstanceOf(QueryException.class)
                .hasMessage("PriceDict.product is a key column, not an attribute; dictGet reads attributes ([amount]).");
    }
}
