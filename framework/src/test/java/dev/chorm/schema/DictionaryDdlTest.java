package dev.chorm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.model.ModelMeta;
import dev.chorm.model.TableSpec;
import dev.chorm.schema.internal.DictionaryQueryParser;
import org.junit.jupiter.api.Test;

/** The DDL of dictionaries, and reading it back, as text (no engine). */
class DictionaryDdlTest {
    private final DdlRenderer ddl = new DdlRenderer();

    private static TableSpec spec(Class<?> model) {
        return ModelMeta.of(model).table();
    }

    @Test
    void createDictionaryOverAModelsTable() {
        assertThat(ddl.createTable(spec(DictionaryModels.CountryDict.class), false)).isEqualTo("""
                CREATE DICTIONARY `country_dict`
                (
                    `id` UInt64,
                    `name` String DEFAULT '?' INJECTIVE,
                    `population` Int64,
                    `parent_id` UInt64 HIERARCHICAL,
                    `upper_code` String EXPRESSION upper(code)
                )
                PRIMARY KEY `id`
                SOURCE(CLICKHOUSE(TABLE 'country'))
                LAYOUT(HASHED())
                LIFETIME(MIN 0 MAX 0)
                COMMENT 'countries by id'""");
    }

    @Test
    void rangeDirectAndQueryDictionaries() {
        assertThat(ddl.createTable(spec(DictionaryModels.TariffDict.class), true)).isEqualTo("""
                CREATE DICTIONARY IF NOT EXISTS `tariff_dict`
                (
                    `id` UInt64,
                    `valid_from` Date32,
                    `valid_to` Date32,
                    `rate` Float64
                )
                PRIMARY KEY `id`
                SOURCE(CLICKHOUSE(TABLE 'tariff'))
                LAYOUT(RANGE_HASHED())
                LIFETIME(MIN 0 MAX 300)
                RANGE(MIN `valid_from` MAX `valid_to`)""");
        assertThat(ddl.createTable(spec(DictionaryModels.CountryDirect.class), false))
                .endsWith("SOURCE(CLICKHOUSE(TABLE 'country'))\nLAYOUT(DIRECT())");
        assertThat(ddl.createTable(spec(DictionaryModels.PopulatedCountry.class), false)).contains(
                "SOURCE(CLICKHOUSE(QUERY 'SELECT number + 1 AS id, concat(\\'n\\', toString(number + 1)) AS name FROM"
                        + " system.numbers LIMIT 3'))\nLAYOUT(FLAT())");
    }

    @Test
    void onClusterAndAnotherDatabase() {
        TableSpec t = spec(DictionaryModels.CountryByCode.class).toBuilder().database("geo").cluster("main").build();
        TableSpec moved = t.toBuilder().dictionary(new dev.chorm.model.DictionarySpec("country", "geo", "",
                t.dictionary().primaryKey(), t.dictionary().layout(), 60, 600, "", "", java.util.List.of(),
                java.util.List.of(), java.util.Map.of())).build();
        assertThat(ddl.replaceDictionary(moved)).isEqualTo("""
                CREATE OR REPLACE DICTIONARY `geo`.`country_by_code` ON CLUSTER `main`
                (
                    `code` String,
                    `name` String
                )
                PRIMARY KEY `code`
                SOURCE(CLICKHOUSE(TABLE 'country' DB 'geo'))
                LAYOUT(COMPLEX_KEY_HASHED())
                LIFETIME(MIN 60 MAX 600)""");
        assertThat(ddl.dropTable(moved, true, true)).isEqualTo("DROP DICTIONARY IF EXISTS `geo`.`country_by_code` ON CLUSTER `main`");
    }

    @Test
    void theCreateQueryClickHouseStoresReadsBackToTheSpec() {
        // as system.tables.create_table_query shows it: one line, backticked columns, LIFETIME before LAYOUT
        DictionaryQueryParser p = new DictionaryQueryParser("CREATE DICTIONARY db.country_dict (`id` UInt64, `name` String"
                + " DEFAULT '?' INJECTIVE, `population` Int64, `parent_id` UInt64 HIERARCHICAL, `upper_code` String"
                + " EXPRESSION upper(code)) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 'country')) LIFETIME(MIN 0 MAX 0)"
                + " LAYOUT(HASHED()) COMMENT 'countries by id'");
        TableSpec model = spec(DictionaryModels.CountryDict.class);
        assertThat(p.columns()).isEqualTo(model.columns());
        assertThat(p.dictionary()).isEqualTo(model.dictionary());
        DictionaryQueryParser range = new DictionaryQueryParser("CREATE DICTIONARY db.tariff_dict (`id` UInt64,"
                + " `valid_from` Date32, `valid_to` Date32, `rate` Float64) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 'tariff'"
                + " DB 'db' USER 'default' PASSWORD '[HIDDEN]')) LIFETIME(MIN 0 MAX 300) LAYOUT(RANGE_HASHED())"
                + " RANGE(MIN valid_from MAX valid_to)");
        assertThat(range.dictionary().sourceDatabase()).isEqualTo("db");
        assertThat(range.dictionary().rangeMin()).isEqualTo("valid_from");
        assertThat(range.dictionary().rangeMax()).isEqualTo("valid_to");
    }

    @Test
    void aViewThatLooksUpADictionaryDependsOnIt() {
        assertThat(spec(DictionaryModels.VisitCountry.class).dependencies()).containsExactly(
                dev.chorm.model.TableRef.of("visit"), dev.chorm.model.TableRef.of("country_dict"));
        assertThat(spec(DictionaryModels.CountryDict.class).dependencies())
                .containsExactly(dev.chorm.model.TableRef.of("country"));
    }
}
