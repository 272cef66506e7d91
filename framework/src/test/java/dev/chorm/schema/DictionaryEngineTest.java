package dev.chorm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.embedded.EmbeddedClickHouse;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.TableSpec;
import dev.chorm.query.Dictionaries;
import dev.chorm.query.expr.F;
import dev.chorm.query.Func;
import dev.chorm.schema.DictionaryModels.Country;
import dev.chorm.schema.DictionaryModels.CountryByCode;
import dev.chorm.schema.DictionaryModels.CountryDict;
import dev.chorm.schema.DictionaryModels.CountryDirect;
import dev.chorm.schema.DictionaryModels.PopulatedCountry;
import dev.chorm.schema.DictionaryModels.Tariff;
import dev.chorm.schema.DictionaryModels.TariffByComplexKey;
import dev.chorm.schema.DictionaryModels.TariffDict;
import dev.chorm.schema.DictionaryModels.Visit;
import dev.chorm.testing.TestEngine;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dictionaries over model tables in the real engine: created from their models, filled from their
 * source (a CLICKHOUSE source without a host reads the engine itself), read with dictGet, dictHas,
 * dictGetOrDefault and dictGetOrNull in QuerySets with typed results, read like models, and read back
 * by the introspector equal to their models.
 */
class DictionaryEngineTest {
    private static Database db;

    @BeforeAll
    static void open() {
        EmbeddedClickHouse engine = TestEngine.shared();
        String name = TestEngine.freshDatabase("dictionaries");
        db = Database.open("test", engine.jdbcUrl(name), engine.jdbcProperties(), Map.of());
        db.createTables(Country.class, Visit.class, Tariff.class, CountryDict.class, CountryByCode.class,
                PopulatedCountry.class, TariffDict.class, TariffByComplexKey.class, CountryDirect.class);
        db.execute("INSERT INTO country (id, code, name, population, parent_id) VALUES"
                + " (1, 'eu', 'Europe', 0, 0), (2, 'fr', 'France', 68, 1), (3, 'de', 'Germany', 84, 1)");
        db.execute("INSERT INTO visit (id, country_id, country_code) VALUES (10, 2, 'fr'), (11, 3, 'de'), (12, 9, 'xx')");
        db.execute("INSERT INTO tariff (id, valid_from, valid_to, rate) VALUES"
                + " (1, '2024-01-01', '2024-06-30', 1.5), (1, '2024-07-01', '2024-12-31', 2.5)");
        db.createTables(DictionaryModels.VisitCountry.class);
        for (String dictionary : List.of("country_dict", "country_by_code", "populated_country", "tariff_dict",
                "tariff_by_complex_key")) {
            db.execute("SYSTEM RELOAD DICTIONARY " + dictionary);
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void dictGetAnnotatesRowsWithTypedAttributes() {
        List<Map<String, Object>> rows = db.objects(Visit.class).values("id")
                .annotate("country", Dictionaries.dictGet(CountryDict.class, "name", "country_id"))
                .annotate("population", Dictionaries.dictGet(CountryDict.class, "population", "country_id"))
                .annotate("upper", Dictionaries.dictGet(CountryDict.class, "upper_code", "country_id"))
                .annotate("by_code", Dictionaries.dictGet(CountryByCode.class, "name", "country_code"))
                .orderBy("id").fetch();
        assertThat(rows).containsExactly(
                Map.of("id", 10L, "country", "France", "population", 68L, "upper", "FR", "by_code", "France"),
                Map.of("id", 11L, "country", "Germany", "population", 84L, "upper", "DE", "by_code", "Germany"),
                Map.of("id", 12L, "country", "?", "population", 0L, "upper", "", "by_code", ""));
    }

    @Test
    void dictHasFiltersAndOrDefaultAndOrNullFillMissingKeys() {
        assertThat(db.objects(Visit.class).filter(Dictionaries.has(CountryDict.class, "country_id"))
                .orderBy("id").valuesList("id").fetch()).containsExactly(List.of(10L), List.of(11L));
        assertThat(db.objects(Visit.class).exclude(Dictionaries.has(CountryByCode.class, "country_code"))
                .valuesList("id").fetch()).containsExactly(List.of(12L));
        List<Map<String, Object>> rows = db.objects(Visit.class).values("id")
                .annotate("name", Dictionaries.dictGetOrDefault(CountryDict.class, "name", "country_id", "none"))
                .annotate("maybe", Dictionaries.dictGetOrNull(CountryDict.class, "population", "country_id"))
                .annotate("known", Dictionaries.dictHas(CountryDict.class, "country_id"))
                .filter("id__gte", 11).orderBy("id").fetch();
        assertThat(rows.get(0)).containsEntry("name", "Germany").containsEntry("maybe", 84L);
        assertThat(rows.get(1)).containsEntry("name", "none").containsEntry("maybe", null);
        assertThat(rows).extracting(r -> r.get("known")).containsExactly((short) 1, (short) 0); // UInt8 reads as short
    }

    @Test
    void dictGetFiltersOnAnAttributeAndRangeLookupsTakeTheDay() {
        assertThat(db.objects(Visit.class).filter(Dictionaries.dictGet(CountryDict.class, "population", "country_id")
                .gt(70)).valuesList("id").fetch()).containsExactly(List.of(11L));
        assertThat(db.objects(Tariff.class).values("valid_from").annotate("rate", Dictionaries.dictGet(TariffDict.class,
                "rate", "id", "valid_from")).orderBy("valid_from").fetch()).extracting(r -> r.get("rate"))
                .containsExactly(1.5, 2.5);
        assertThat(db.objects(Visit.class).filter("id", 10).values("id").annotate("direct",
                Dictionaries.dictGet(CountryDirect.class, "name", F.of("country_id"))).fetch())
                .extracting(r -> r.get("direct")).containsExactly("France");
        assertThat(db.objects(Visit.class).filter("id", 10).values("id").annotate("query", Dictionaries.dictGet(
                PopulatedCountry.class, "name", Func.value(3L))).fetch()).extracting(r -> r.get("query"))
                .containsExactly("n3");
    }

    @Test
    void aDictionaryReadsLikeAModelAndReloadsNewRows() {
        assertThat(db.objects(CountryByCode.class).orderBy("code").valuesList("code", "name").fetch())
                .containsExactly(List.of("de", "Germany"), List.of("eu", "Europe"), List.of("fr", "France"));
        CountryDict fr = db.objects(CountryDict.class).get("id", 2);
        assertThat(fr.name).isEqualTo("France");
        assertThat(fr.upperCode).isEqualTo("FR");
        assertThat(fr.parentId).isEqualTo(1);
    }

    @Test
    void aViewLooksValuesUpInTheDictionary() {
        assertThat(db.objects(DictionaryModels.VisitCountry.class).orderBy("id").valuesList("country").fetch())
                .containsExactly(List.of("France"), List.of("Germany"), List.of("?"));
    }

    @Test
    void aComplexKeyRangeLookupTakesTheKeyAsATupleAndTheDay() {
        assertThat(db.query("SELECT dictGet('tariff_by_complex_key', 'rate', tuple(toUInt64(1)), toDate('2024-08-01')) AS r"))
                .extracting(r -> r.get("r")).containsExactly(2.5);
    }

    @ParameterizedTest
    @ValueSource(classes = {CountryDict.class, CountryByCode.class, PopulatedCountry.class, TariffDict.class,
            TariffByComplexKey.class, CountryDirect.class})
    void introspectedDictionaryEqualsModel(Class<?> model) {
        TableSpec spec = ModelMeta.of(model).table();
        SchemaEditor editor = db.schemaEditor();
        assertThat(editor.introspect(spec).orElseThrow()).isEqualTo(editor.canonicalize(spec));
    }
}
