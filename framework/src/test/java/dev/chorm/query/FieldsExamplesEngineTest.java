package dev.chorm.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.fixtures.EnumTest;
import dev.chorm.model.fixtures.IPTest;
import dev.chorm.model.fixtures.JSONModel;
import dev.chorm.model.fixtures.MapModel;
import dev.chorm.model.fixtures.NamedTupleModel;
import dev.chorm.model.fixtures.NestedArrayModel;
import dev.chorm.model.fixtures.TupleModel;
import dev.chorm.query.expr.F;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reproduce the query examples of the reference backend's Fields.md against the engine. */
class FieldsExamplesEngineTest {
    private static Database db;

    @BeforeAll
    static void load() {
        db = EngineSupport.open("fields");
        db.createTables(NestedArrayModel.class, TupleModel.class, NamedTupleModel.class, MapModel.class,
                JSONModel.class, EnumTest.class, IPTest.class);
        insert(NestedArrayModel.class, "(id, array) VALUES (1, [[[12, 13, 0, 1], [12]], [[12, 13, 0, 1], [12], [13, 14]]])");
        insert(TupleModel.class, "(id, tuple) VALUES (1, (100, 'test', '::ffff:3.4.5.6'))");
        insert(NamedTupleModel.class, "(id, tuple) VALUES (1, (100, 'test', '::ffff:3.4.5.6'))");
        insert(MapModel.class, "(id, map) VALUES (1, {'baidu': '39.156.66.10', 'bing.com': '13.107.21.200', "
                + "'google.com': '172.217.163.46'})");
        insert(JSONModel.class, "(id, json) VALUES (1, '{\"a\": [1, 2, 3], \"b\": [{\"c\": 1}, {\"d\": 2}], \"c\": {\"d\": \"e\"}}')");
        insert(EnumTest.class, "(id, enum_field) VALUES (1, 'banana'), (2, 'pear'), (3, 'apple')");
        insert(IPTest.class, "(id, ipv4, ipv6, ip) VALUES (1, '1.2.3.4', '1.2.3.4', '1.2.3.4'), "
                + "(2, '2.3.4.5', '2.3.4.5', '2.3.4.5')");
    }

    private static void insert(Class<?> model, String rest) {
        db.execute("INSERT INTO `" + ModelMeta.of(model).table().name() + "` " + rest);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void arrayLookups() {
        QuerySet<NestedArrayModel> qs = db.objects(NestedArrayModel.class);
        List<List<Long>> first = List.of(List.of(12L, 13L, 0L, 1L), List.of(12L));
        List<List<Long>> second = List.of(List.of(12L, 13L, 0L, 1L), List.of(12L), List.of(13L, 14L));
        assertThat(qs.filter("array__contains", List.of(first)).exists()).isTrue();
        assertThat(qs.filter("array__contained_by", List.of(first, second, List.of(List.of(1L)))).exists()).isTrue();
        assertThat(qs.filter("array", List.of(first, second)).exists()).isTrue();
        assertThat(qs.filter("array__overlap", List.of(first, List.of(List.of(1L)))).exists()).isTrue();
        assertThat(qs.filter("array__any", first).exists()).isTrue();
        assertThat(qs.filter("array__len", 2).exists()).isTrue();
        assertThat(qs.filter("array__1", second).exists()).isTrue();
        assertThat(qs.filter("array__1__2", List.of(13L, 14L)).exists()).isTrue();
        assertThat(qs.filter("array__1__2__0", 13).exists()).isTrue();
        assertThat(qs.filter("array__1_2", List.of(second)).exists()).isTrue();
        assertThat(qs.filter("array__1__0__0_2", List.of(12L, 13L)).exists()).isTrue();
        assertThat(qs.filter("array__0__0__0", 99).exists()).isFalse();
    }

    @Test
    void tupleLookups() {
        assertThat(db.objects(TupleModel.class).get().tuple).isEqualTo(new TupleModel.Triple((byte) 100, "test", "3.4.5.6"));
        assertThat(db.objects(TupleModel.class).filter("tuple__1", "test").exists()).isTrue();
        assertThat(db.objects(NamedTupleModel.class).filter("tuple__str", "test").exists()).isTrue();
        assertThat(db.objects(NamedTupleModel.class).filter("tuple__ip__startswith", "3.4").exists()).isTrue();
        assertThat(db.objects(NamedTupleModel.class).filter("tuple__ip__startswith", "::ffff:").exists()).isFalse();
    }

    @Test
    void mapLookups() {
        QuerySet<MapModel> qs = db.objects(MapModel.class);
        assertThat(qs.filter("map__has_key", "baidu").exists()).isTrue();
        assertThat(qs.values("map__len").get()).isEqualTo(Map.of("map__len", 3L));
        assertThat(qs.values("map__keys").get().get("map__keys")).isEqualTo(List.of("baidu", "bing.com", "google.com"));
        assertThat((List<?>) qs.values("map__values").get().get("map__values")).hasSize(3);
        assertThat(qs.values("map__baidu").get().get("map__baidu").toString()).contains("39.156.66.10");
        assertThat(qs.annotate("value", F.of("map").key("len")).values("value").get().get("value").toString())
                .isEqualTo("/0:0:0:0:0:0:0:0");
        assertThat(qs.annotate("value", F.of("map").key("bing.com")).values("value").get().get("value").toString())
                .contains("13.107.21.200");
    }

    @Test
    void jsonKeyPaths() {
        QuerySet<JSONModel> qs = db.objects(JSONModel.class);
        assertThat(qs.values("json__a").get().get("json__a")).isEqualTo(List.of(1L, 2L, 3L));
        assertThat(qs.values("json__c__d").get().get("json__c__d")).isEqualTo("e");
        assertThat(qs.values("json__b__0__c").get().get("json__b__0__c")).isEqualTo(1L);
        assertThat(qs.filter("json__c__d", "e").exists()).isTrue();
        assertThat(qs.filter("json__c__d__startswith", "x").exists()).isFalse();
    }

    @Test
    void enumAndIpLookups() {
        QuerySet<EnumTest> enums = db.objects(EnumTest.class);
        assertThat(enums.filter("enumField", 1).get().enumField).isEqualTo(EnumTest.Fruit.banana);
        assertThat(enums.filter("enumField", "pear").get().enumField).isEqualTo(EnumTest.Fruit.pear);
        assertThat(enums.filter("enumField", EnumTest.Fruit.apple).get().id()).isEqualTo(3);
        assertThat(enums.filter("enumField__gt", 1).count()).isEqualTo(2);
        assertThat(enums.filter("enumField__gte", "pear").count()).isEqualTo(2);
        assertThat(enums.filter("enumField__contains", "ana").get().enumField).isEqualTo(EnumTest.Fruit.banana);
        QuerySet<IPTest> ips = db.objects(IPTest.class);
        assertThat(ips.filter("ipv4", "1.2.3.4").count()).isEqualTo(1);
        assertThat(ips.filter("ipv6", "1.2.3.4").count()).isEqualTo(1);
        assertThat(ips.filter("ip", "1.2.3.4").count()).isEqualTo(1);
        assertThat(ips.filter("ipv6__gt", "1.2.3.4").get().ip).isEqualTo("2.3.4.5");
        IPTest ip = ips.get("ipv6__contains", "4.5");
        assertThat(List.of(ip.ipv4, ip.ipv6, ip.ip)).isEqualTo(List.of("2.3.4.5", "::ffff:2.3.4.5", "2.3.4.5"));
    }
}
