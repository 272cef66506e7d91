package dev.chorm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.db.Database;
import dev.chorm.query.expr.F;
import dev.chorm.query.expr.Q;
import dev.chorm.query.expr.Window;
import dev.chorm.query.fixtures.Customer;
import dev.chorm.query.fixtures.Hit;
import dev.chorm.query.fixtures.IrishLastName;
import dev.chorm.query.fixtures.Person;
import dev.chorm.query.fixtures.Purchase;
import dev.chorm.query.fixtures.Reading;
import dev.chorm.query.fixtures.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Run QuerySets against the engine and check their results: infi's queryset examples and the rest. */
class QuerySetEngineTest {
    private static Database db;

    @BeforeAll
    static void load() {
        db = EngineSupport.open("querysets");
        db.createTables(Hit.class, Person.class, IrishLastName.class, Customer.class, Purchase.class, Version.class,
                Reading.class);
        db.execute("INSERT INTO person (id, first_name, last_name, birthday, height) SELECT number + 1, "
                + "concat('Name', toString(number % 94)), if(number % 10 = 0, 'Murphy', concat('Last', toString(number)))"
                + ", toDate32('1990-01-01') + number * 100, 1.5 + number / 200 FROM numbers(100)");
        db.execute("INSERT INTO irish_last_name (name) VALUES ('Murphy'), ('O''Sullivan')");
        db.execute("INSERT INTO hit (id, ip, port, protocol, timestamp, action, note, tags, attrs, bytes) VALUES "
                + "(1, '1.2.3.4', 80, 'TCP', '2024-01-02 03:04:05.123456', 'PASS', NULL, ['a', 'b'], {'k': 'v'}, 100),"
                + "(2, '2.3.4.5', 443, 'UDP', '2024-02-03 04:05:06', 'DROP', 'x', ['b'], {}, 2000),"
                + "(3, '::1', 8080, 'TCP', '2024-02-03 05:00:00', 'ALERT', 'y', [], {'k': 'w'}, 50)");
        db.execute("INSERT INTO customer (id, name, country) VALUES (10, 'Ann', 'FR'), (12, 'Bob', 'DE')");
        db.execute("INSERT INTO purchase (id, customer_id, amount) VALUES (1, 10, 5.5), (2, 11, 7), (3, 12, 1)");
        db.execute("INSERT INTO version (key, ver, value) SETTINGS optimize_on_insert = 0 SELECT toString(number % 94), number, 'v' FROM numbers(100)");
        db.execute("INSERT INTO reading (sensor, day, value) VALUES ('s1', '2024-01-01', 1.5), ('s1', '2024-01-02', NULL)");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static long count(String personCondition) {
        return ((Number) db.query("SELECT count() AS n FROM person WHERE " + personCondition).get(0).get("n")).longValue();
    }

    private static QuerySet<Person> people() {
        return db.objects(Person.class);
    }

    private static QuerySet<Hit> hits() {
        return db.objects(Hit.class);
    }

    @Test
    void readsEveryFieldTypeIntoModels() {
        Hit h = hits().get("id", 1);
        assertThat(h.id()).isEqualTo(1);
        assertThat(h.ip).isEqualTo("1.2.3.4");
        assertThat(h.port).isEqualTo(80);
        assertThat(h.timestamp).isEqualTo(Instant.parse("2024-01-02T03:04:05.123456Z"));
        assertThat(h.action).isEqualTo(Hit.Action.PASS);
        assertThat(h.note).isNull();
        assertThat(h.tags).containsExactly("a", "b");
        assertThat(h.attrs).isEqualTo(Map.of("k", "v"));
        Hit partial = hits().only("port").filter("id", 2).get();
        assertThat(partial.port).isEqualTo(443);
        assertThat(partial.protocol).isEmpty();
        assertThat(partial.hasId()).isFalse();
    }

    @Test
    void filtersExcludesAndCombinesLikeInfi() {
        assertThat(people().filter(F.of("firstName").like("Name1%")).exclude("birthday__lt", LocalDate.of(1995, 1, 1))
                .count()).isEqualTo(count("first_name LIKE 'Name1%' AND NOT (birthday < '1995-01-01')"));
        assertThat(people().filter("lastName", "Murphy").filter("height__gt", 1.75).count()).isEqualTo(4);
        Q q = Q.of("firstName", "Name3").and(Q.of("lastName", "Last3")).or(Q.of("height__lte", 1.51))
                .and(Q.of("firstName", "Name1").not());
        assertThat(people().filter(q).orderBy("id").valuesList("id", Long.class).fetch()).containsExactly(1L, 3L, 4L);
        assertThat(hits().exclude("note", "x").orderBy("id").valuesList("id", Long.class).fetch())
                .containsExactly(1L, 3L);
        assertThat(hits().filter("timestamp__date", LocalDate.of(2024, 2, 3)).count()).isEqualTo(2);
        assertThat(hits().filter("timestamp__month", 2).filter("timestamp__hour__gte", 5).count()).isEqualTo(1);
        assertThat(hits().filter("tags__contains", List.of("b")).count()).isEqualTo(2);
        assertThat(hits().filter("attrs__k", "w").count()).isEqualTo(1);
        assertThat(hits().filter("ip__contains", "4.5").count()).isEqualTo(1);
        assertThat(hits().filter("protocol__icontains", "cp").filter("bytes__gt", F.of("port")).count()).isEqualTo(1);
    }

    @Test
    void filtersWithInAndNotInSubqueries() {
        QuerySet<IrishLastName> irish = db.objects(IrishLastName.class).only("name");
        assertThat(people().filter("lastName__in", List.of("Murphy", "O'Sullivan")).count()).isEqualTo(10);
        assertThat(people().filter("lastName__in", irish).count()).isEqualTo(10);
        assertThat(people().filter(F.of("lastName").notIn(irish)).count()).isEqualTo(90);
        assertThat(people().prewhere("lastName", "Murphy").filter("height__gt", 1.8).count()).isEqualTo(3);
    }

    @Test
    void countsDistinctAndFinalRowsLikeInfi() {
        assertThat(people().only("firstName").count()).isEqualTo(100);
        assertThat(people().only("firstName").distinct().count()).isEqualTo(94);
        assertThat(db.objects(Version.class).count()).isEqualTo(100);
        assertThat(db.objects(Version.class).asFinal().count()).isEqualTo(94);
        assertThat(db.objects(Version.class).asFinal().filter("key", "1").get().ver).isEqualTo(95);
        assertThat(people().orderBy("id").distinctOn("lastName").count()).isEqualTo(91);
    }

    @Test
    void slicesAndPaginatesLikeInfi() {
        QuerySet<Person> ordered = people().orderBy("lastName", "firstName", "id");
        assertThat(ordered.slice(0, 10).fetch()).hasSize(10);
        assertThat(ordered.slice(10, 20).fetch().get(0).id()).isEqualTo(ordered.fetch().get(10).id());
        Page<Person> page = ordered.paginate(1, 30);
        assertThat(page.numberOfObjects()).isEqualTo(100);
        assertThat(page.pagesTotal()).isEqualTo(4);
        assertThat(page.objects()).hasSize(30);
        Page<Person> last = ordered.paginate(30).page(-1);
        assertThat(last.number()).isEqualTo(4);
        assertThat(last.objects()).hasSize(10);
        assertThat(people().first().orElseThrow().lastName).isEqualTo("Last1");
        assertThat(people().last().orElseThrow().lastName).isEqualTo("Murphy");
        assertThat(people().orderBy("-height").first().orElseThrow().id()).isEqualTo(100);
    }

    @Test
    void aggregatesWithGroupByAndTotalsLikeInfi() {
        Map<String, Object> avg = people().aggregate("averageHeight", Avg.of("height"));
        assertThat((Double) avg.get("averageHeight")).isBetween(1.7, 1.8);
        List<Map<String, Object>> byLast = people().values("lastName").annotate("num", Count.all())
                .orderBy("-num", "lastName").limit(2).fetch();
        assertThat(byLast.get(0)).isEqualTo(Map.of("lastName", "Murphy", "num", 10L));
        WithTotals<Map<String, Object>> t = people().values("firstName").annotate("num", Count.all()).withTotals()
                .orderBy("-num", "firstName").limit(3).fetchWithTotals();
        assertThat(t.rows()).hasSize(3);
        assertThat(t.rows().get(0).get("num")).isEqualTo(2L);
        assertThat(t.totals().get("num")).isEqualTo(100L);
        assertThat(t.totals().get("firstName")).isNull();
        List<Map<String, Object>> weekdays = people().annotate("weekday", Func.of("toDayOfWeek", "birthday"))
                .values("weekday").annotate("num", Count.all()).groupBy("weekday").orderBy("weekday").fetch();
        assertThat(weekdays.stream().mapToLong(r -> (Long) r.get("num")).sum()).isEqualTo(100);
        assertThat(people().values("lastName").annotate("num", Count.all()).having("num__gt", 1).count()).isEqualTo(1);
    }

    @Test
    void returnsNullForAggregatesOverNoRowsAndHonoursDefaults() {
        Map<String, Object> none = hits().filter("port", -1).aggregate(AggregateCases.all());
        assertThat(none.get("count")).isEqualTo(0L);
        assertThat(none.get("countIf")).isEqualTo(0L);
        for (String k : List.of("sum", "avg", "min", "max", "stddev", "variance", "anyLast", "argMax", "quantile",
                "sumIf")) {
            assertThat(none.get(k)).as(k).isNull();
        }
        assertThat(none.get("avgDefault")).isEqualTo(2.5);
        assertThat(none.get("groupArray")).isEqualTo(List.of());
        Map<String, Object> all = hits().aggregate(AggregateCases.all());
        assertThat(all.get("sum")).isEqualTo(2150L);
        assertThat(all.get("sumIf")).isEqualTo(150L);
        assertThat(all.get("countField")).isEqualTo(2L);
        assertThat(all.get("argMax")).isEqualTo("TCP");
        assertThat(all.get("topK")).isEqualTo(List.of("TCP", "UDP"));
        assertThat(all.get("max")).isEqualTo(8080);
    }

    @Test
    void getsFirstLastAndExists() {
        assertThatThrownBy(() -> hits().get("port", 1)).isInstanceOf(DoesNotExist.class)
                .hasMessage("Hit matching query does not exist.");
        assertThatThrownBy(() -> hits().get("protocol", "TCP")).isInstanceOf(MultipleObjectsReturned.class)
                .hasMessage("get() returned more than one Hit -- it returned 2!");
        assertThat(hits().filter("port", 80).exists()).isTrue();
        assertThat(hits().filter("port", 81).exists()).isFalse();
        assertThat(hits().values("protocol").annotate("n", Count.all()).exists()).isTrue();
        assertThat(hits().first().orElseThrow().id()).isEqualTo(1);
        assertThat(hits().last().orElseThrow().id()).isEqualTo(3);
    }

    /** A row of a grouped query. */
    record ProtocolCount(String protocol, long n) {
    }

    @Test
    void shapesRowsAsMapsListsValuesAndRecords() {
        assertThat(hits().orderBy("id").valuesList("port", Integer.class).fetch()).containsExactly(80, 443, 8080);
        assertThat(hits().filter("id", 1).values("timestamp__date", "tags__len", "attrs__keys").get())
                .isEqualTo(Map.of("timestamp__date", LocalDate.of(2024, 1, 2), "tags__len", 2L, "attrs__keys",
                        List.of("k")));
        assertThat(hits().filter("id", 2).valuesList("protocol", "port").get()).isEqualTo(List.of("UDP", 443));
        assertThat(hits().values("protocol").annotate("n", Count.all()).orderBy("protocol").into(ProtocolCount.class)
                .fetch()).containsExactly(new ProtocolCount("TCP", 2), new ProtocolCount("UDP", 1));
        assertThat(db.objects(Reading.class).orderBy("day").fetch()).containsExactly(
                new Reading("s1", LocalDate.of(2024, 1, 1), 1.5), new Reading("s1", LocalDate.of(2024, 1, 2), null));
        assertThat(db.objects(Reading.class).only("day").orderBy("day").first().orElseThrow())
                .isEqualTo(new Reading(null, LocalDate.of(2024, 1, 1), null));
        assertThat(hits().filter("id", 1).values("timestamp").get().get("timestamp"))
                .isEqualTo(Instant.parse("2024-01-02T03:04:05.123456Z"));
    }

    @Test
    void joinsRelationsWithNullForMissingRows() {
        QuerySet<Purchase> purchases = db.objects(Purchase.class);
        assertThat(purchases.filter("customer__country", "FR").valuesList("id", Long.class).fetch()).containsExactly(1L);
        assertThat(purchases.filter("customer__isnull", true).valuesList("id", Long.class).fetch()).isEmpty();
        assertThat(purchases.filter("customer__name__isnull", true).valuesList("id", Long.class).fetch())
                .containsExactly(2L);
        List<Purchase> loaded = purchases.selectRelated("customer").orderBy("id").fetch();
        assertThat(loaded.get(0).customer.name).isEqualTo("Ann");
        assertThat(loaded.get(1).customer).isNull();
        // values() of a related field (read through Native): NULL where the join found no row.
        assertThat(purchases.orderBy("id").values("id", "customer__name").fetch())
                .extracting(m -> m.get("customer__name")).containsExactly("Ann", null, "Bob");
        List<Map<String, Object>> counts = purchases.values("id").annotate("n", Count.of("customer__name"))
                .orderBy("id").fetch();
        assertThat(counts).extracting(m -> m.get("n")).containsExactly(1L, 0L, 1L);
        Map<String, Object> avg = purchases.filter("id", 2).aggregate("a", Avg.of("customer__id").defaultValue(2.5));
        assertThat(avg.get("a")).isEqualTo(2.5);
    }

    @Test
    void runsWindowFunctionsCtesAndExplain() {
        List<Map<String, Object>> ranked = hits().values("id").annotate("rank", Func.of("row_number")
                .over(Window.partitionBy("protocol").andOrderBy("-bytes"))).orderBy("id").fetch();
        assertThat(ranked).extracting(m -> m.get("rank")).containsExactly(1L, 1L, 2L);
        QuerySet<Map<String, Object>> big = hits().filter("bytes__gte", 100).values("id");
        assertThat(hits().withCte("big_ids", big).filter("id__in", Func.identifier("big_ids")).count()).isEqualTo(2);
        assertThat(hits().filter("port", 80).explain()).contains("ReadFromMergeTree");
        assertThat(hits().values("tags").arrayJoin("tags").valuesList("tags", String.class).fetch())
                .containsExactlyInAnyOrder("a", "b", "b");
        assertThat(hits().settings(Map.of("max_threads", 1)).count()).isEqualTo(3);
    }

    @Test
    void runsRawSqlWithTypedParameters() {
        String nasty = "it's {x} \\ ? % _ \n\0 é";
        RawQuery raw = db.raw("SELECT {s:String} AS s, * FROM hit WHERE port > {port:UInt16} AND protocol = {p:String}"
                + " AND '{not:String}' != '' ORDER BY id", "s", nasty, "port", 100, "p", "TCP");
        assertThat(raw.fetchMaps()).extracting(m -> m.get("s")).containsExactly(nasty);
        assertThat(raw.fetch(Hit.class)).extracting(h -> h.port).containsExactly(8080);
        assertThat(db.raw("SELECT protocol, count() AS n FROM hit GROUP BY protocol ORDER BY protocol")
                .fetch(ProtocolCount.class)).containsExactly(new ProtocolCount("TCP", 2), new ProtocolCount("UDP", 1));
        assertThatThrownBy(() -> db.raw("SELECT {a:Int32}")).hasMessageStartingWith("The SQL uses {a:Int32} but no value");
    }

    @Test
    void streamsAndClosesEarly() {
        try (Stream<Hit> s = hits().orderBy("id").stream()) {
            assertThat(s.limit(1).map(Hit::id).toList()).containsExactly(1L);
        }
        try (RowIterator<Person> it = people().iterator()) {
            assertThat(it.hasNext()).isTrue();
            it.next();
        }
        assertThat(people().count()).isEqualTo(100);
    }
}
