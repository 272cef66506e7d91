package dev.chorm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.QueryException;
import dev.chorm.query.expr.Expression;
import dev.chorm.query.expr.F;
import dev.chorm.query.expr.Frame;
import dev.chorm.query.expr.OrderTerm;
import dev.chorm.query.expr.Window;
import dev.chorm.query.fixtures.Hit;
import dev.chorm.query.fixtures.Person;
import dev.chorm.query.fixtures.Purchase;
import dev.chorm.query.fixtures.Version;
import dev.chorm.query.fixtures.Visit;
import dev.chorm.query.internal.SqlCompiler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Render every clause of a SELECT, without an engine (ClauseEngineTest runs the same SQL). */
class ClauseSqlTest extends SqlTestSupport {
    static final QuerySet<Hit> HITS = QuerySet.of(Hit.class);
    static final QuerySet<Person> PEOPLE = QuerySet.of(Person.class);
    static final String PERSON_COLUMNS = "`id`, `first_name`, `last_name`, `birthday`, `height`";

    String count(QuerySet<?> qs) {
        return sent(SqlCompiler.compile(qs.query(), SqlCompiler.Mode.COUNT).sql());
    }

    String exists(QuerySet<?> qs) {
        return sent(SqlCompiler.compile(qs.query(), SqlCompiler.Mode.EXISTS).sql());
    }

    @Test
    void selectsModelFieldsOnlyAndDefer() {
        assertSql(PEOPLE, "SELECT " + PERSON_COLUMNS + " FROM `person`");
        assertSql(PEOPLE.only("firstName", "birthday"),
                "SELECT `first_name`, `birthday` FROM `person`");
        assertSql(PEOPLE.defer("height", "id"),
                "SELECT `first_name`, `last_name`, `birthday` FROM `person`");
    }

    @Test
    void ordersSlicesAndLimits() {
        assertSql(PEOPLE.only("id").orderBy("lastName", "-firstName"),
                "SELECT `id` FROM `person` ORDER BY `last_name` ASC, `first_name` DESC");
        assertSql(HITS.only("id").orderBy(OrderTerm.desc("note").nullsFirst(), F.of("port").plus(1).asc()),
                "SELECT `id` FROM `hit` ORDER BY `note` DESC NULLS FIRST, (`port` + 1) ASC");
        assertSql(HITS.only("id").orderBy("-note").reverse(),
                "SELECT `id` FROM `hit` ORDER BY `note` ASC");
        assertSql(PEOPLE.only("id").orderBy("height").slice(10, 20),
                "SELECT `id` FROM `person` ORDER BY `height` ASC LIMIT 10 OFFSET 10");
        assertSql(PEOPLE.only("id").limit(5), "SELECT `id` FROM `person` LIMIT 5");
        assertSql(PEOPLE.only("id").offset(5), "SELECT `id` FROM `person` OFFSET 5");
        assertSql(PEOPLE.only("id").orderBy("?"), "SELECT `id` FROM `person` ORDER BY rand() ASC");
        assertThatThrownBy(() -> PEOPLE.slice(-1, 3)).hasMessage("Negative indexing is not supported: -1.");
    }

    @Test
    void rendersDistinctAndLimitBy() {
        assertSql(PEOPLE.only("firstName").distinct(),
                "SELECT DISTINCT `first_name` FROM `person`");
        assertSql(HITS.only("id").orderBy("-timestamp").distinctOn("protocol"),
                "SELECT `id` FROM `hit` ORDER BY `timestamp` DESC LIMIT 1 BY `protocol`");
        assertSql(HITS.only("id").limitBy(2, "protocol", Func.toDate("timestamp")).limit(10),
                "SELECT `id` FROM `hit` LIMIT 2 BY `protocol`, toDate(`timestamp`) LIMIT 10");
    }

    @Test
    void rendersLimitByWithAnOffset() {
        assertSql(HITS.only("id").orderBy("port").limitBy(1, 2, List.of("protocol")),
                "SELECT `id` FROM `hit` ORDER BY `port` ASC LIMIT 1 OFFSET 2 BY `protocol`");
        assertThatThrownBy(() -> HITS.limitBy(1, -1, List.of("protocol"))).isInstanceOf(QueryException.class)
                .hasMessage("limitBy needs n > 0, offset >= 0 and at least one key, got 1, -1 and 1.");
    }

    @Test
    void rendersClickHouseModifiers() {
        assertSql(QuerySet.of(Version.class).asFinal(),
                "SELECT `key`, `ver`, `value` FROM `version` FINAL");
        assertSql(QuerySet.of(Visit.class).sample(0.1),
                "SELECT `user_hash`, `page` FROM `visit` SAMPLE 0.1");
        assertSql(QuerySet.of(Visit.class).sample(0.5, 0.5),
                "SELECT `user_hash`, `page` FROM `visit` SAMPLE 0.5 OFFSET 0.5");
        assertSql(HITS.only("id").prewhere("action", Hit.Action.DROP).filter("port", 80),
                "SELECT `id` FROM `hit` PREWHERE `action` = 'DROP' WHERE `port` = 80");
        assertSql(HITS.only("id").settings(Map.of("max_threads", 2)),
                "SELECT `id` FROM `hit` SETTINGS max_threads = 2");
        assertSql(HITS.values("tags").arrayJoin("tags").filter("tags__startswith", "a"),
                "SELECT `tags` FROM `hit` ARRAY JOIN `tags` WHERE `tags` LIKE 'a%'");
        assertSql(HITS.values("id", "tag").arrayJoin("tags", "tag").filter("tag", "a"),
                "SELECT `id`, `tag` FROM `hit` ARRAY JOIN `tags` AS `tag` WHERE `tag` = 'a'");
        assertThatThrownBy(() -> PEOPLE.sample(2)).hasMessage("A sample ratio or offset must be within 0..1, got 2.0.");
        assertThatThrownBy(() -> PEOPLE.settings(Map.of("x; DROP", 1)))
                .hasMessage("Not a setting name: 'x; DROP'. Use letters, digits and underscores.");
    }

    @Test
    void rendersValuesAnnotationsAndGrouping() {
        assertSql(HITS.values("protocol").annotate("n", Count.all()).orderBy("-n").limit(10),
                "SELECT `protocol`, count() AS `n` FROM `hit` GROUP BY `protocol` ORDER BY `n` DESC LIMIT 10");
        assertSql(HITS.values("protocol", "timestamp__date").annotate("bytes_total", Sum.of("bytes"))
                .having("bytes_total__gt", 100),
                "SELECT `protocol`, toDate32(`timestamp`) AS `timestamp__date`, sumOrNull(`bytes`) AS "
                        + "`bytes_total` FROM `hit` GROUP BY `protocol`, toDate32(`timestamp`) HAVING `bytes_total` > 100");
        assertSql(PEOPLE.values("lastName").annotate("num", Count.all()),
                "SELECT `last_name` AS `lastName`, count() AS `num` FROM `person` GROUP BY `last_name`");
        assertSql(PEOPLE.annotate("weekday", Func.of("toDayOfWeek", "birthday")).values("weekday")
                .annotate("num", Count.all()).groupBy("weekday"), "SELECT toDayOfWeek(`birthday`) AS `weekday`, "
                + "count() AS `num` FROM `person` GROUP BY `weekday`");
        assertSql(HITS.valuesList("port", Integer.class), "SELECT `port` FROM `hit`");
    }

    @Test
    void rendersAggregatesWithOrNullIfAndDefaults() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("count", "count()"),
                Map.entry("countField", "count(`note`)"),
                Map.entry("distinct", "uniqExact(`protocol`)"),
                Map.entry("sum", "sumOrNull(`bytes`)"),
                Map.entry("avg", "avgOrNull(`port`)"),
                Map.entry("min", "minOrNull(`port`)"),
                Map.entry("max", "maxOrNull(`port`)"),
                Map.entry("stddev", "stddevPopOrNull(`port`)"),
                Map.entry("stddevSample", "stddevSampOrNull(`port`)"),
                Map.entry("variance", "varPopOrNull(`port`)"),
                Map.entry("varianceSample", "varSampOrNull(`port`)"),
                Map.entry("uniq", "uniq(`ip`)"),
                Map.entry("uniqExact", "uniqExact(`ip`)"),
                Map.entry("uniqCombined", "uniqCombined(`ip`)"),
                Map.entry("anyLast", "anyLastOrNull(`protocol`)"),
                Map.entry("argMin", "argMinOrNull(`protocol`, `timestamp`)"),
                Map.entry("argMax", "argMaxOrNull(`protocol`, `timestamp`)"),
                Map.entry("quantile", "quantileOrNull(0.9)(`bytes`)"),
                Map.entry("quantiles", "quantiles(0.5, 0.9)(`bytes`)"),
                Map.entry("groupArray", "groupArray(`port`)"),
                Map.entry("topK", "topK(2)(`protocol`)"),
                Map.entry("sumIf", "sumIfOrNull(`bytes`, `protocol` = 'TCP')"),
                Map.entry("countIf", "countIf(`port` > 1024)"),
                Map.entry("avgDefault", "coalesce(avgOrNull(`port`), 2.5)"));
        for (Map.Entry<String, Expression> e : AggregateCases.all().entrySet()) {
            assertThat(sql(HITS.values().annotate("x", e.getValue()))).as(e.getKey())
                    .contains(", " + expected.get(e.getKey()) + " AS `x` FROM `hit`");
        }
        assertThat(expected.keySet()).isEqualTo(AggregateCases.all().keySet());
    }

    @Test
    void rendersWindowFunctions() {
        Expression rank = Func.of("row_number").over(Window.partitionBy("protocol").andOrderBy("-bytes"));
        assertSql(HITS.values("id").annotate("rank", rank), "SELECT `id`, row_number() OVER "
                + "(PARTITION BY `protocol` ORDER BY `bytes` DESC) AS `rank` FROM `hit`");
        Expression running = Sum.of("bytes").over(Window.orderBy("timestamp")
                .frame(Frame.rows(Frame.unboundedPreceding(), Frame.currentRow())));
        assertSql(HITS.values("id").annotate("running", running), "SELECT `id`, sumOrNull(`bytes`)"
                + " OVER (ORDER BY `timestamp` ASC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `running` FROM `hit`");
        assertThat(sql(HITS.values("id"))).doesNotContain("GROUP BY");
    }

    @Test
    void rendersCtesAndCounts() {
        QuerySet<Hit> big = HITS.filter("bytes__gt", 1000);
        assertSql(HITS.values("id").withCte("big_ids", big.values("id")).filter("id__in", Func.identifier("big_ids"))
                , "WITH `big_ids` AS (SELECT `id` FROM `hit` WHERE `bytes` > 1000) SELECT `id` FROM"
                + " `hit` WHERE `id` IN `big_ids`");
        assertThat(count(PEOPLE.filter("height__gt", 1.8).orderBy("height")))
                .isEqualTo("SELECT count() FROM `person` WHERE `height` > 1.8");
        assertThat(count(PEOPLE.only("firstName").distinct()))
                .isEqualTo("SELECT count() FROM (SELECT DISTINCT `first_name` FROM `person`)");
        assertThat(count(QuerySet.of(Version.class).asFinal().settings(Map.of("max_threads", 1))))
                .isEqualTo("SELECT count() FROM `version` FINAL SETTINGS max_threads = 1");
        assertThat(exists(PEOPLE.filter("lastName", "Smith")))
                .isEqualTo("SELECT 1 FROM `person` WHERE `last_name` = 'Smith' LIMIT 1");
        assertThat(count(PEOPLE.limit(3).settings(Map.of("max_threads", 1))))
                .isEqualTo("SELECT count() FROM (SELECT " + PERSON_COLUMNS + " FROM `person` LIMIT 3) SETTINGS max_threads = 1");
    }

    @Test
    void rendersTotalsQuery() {
        QuerySet<Map<String, Object>> qs = PEOPLE.values("firstName").annotate("num", Count.all()).withTotals()
                .orderBy("-num").limit(3);
        assertThat(sent(SqlCompiler.compile(qs.query(), SqlCompiler.Mode.TOTALS).sql()))
                .isEqualTo("SELECT NULL AS `firstName`, count() AS `num` FROM `person`");
    }

    @Test
    void joinsAcrossRelationsWithNullsForMissingRows() {
        QuerySet<Purchase> purchases = QuerySet.of(Purchase.class);
        assertSql(purchases.values("amount").filter("customer__country", "FR"), 
                "SELECT `purchase`.`amount` FROM `purchase` LEFT OUTER JOIN `customer` AS `customer` ON "
                        + "`purchase`.`customer_id` = `customer`.`id` WHERE `customer`.`country` = 'FR' SETTINGS "
                        + "join_use_nulls = 1");
        assertSql(purchases.values("customer__name").annotate("total", Sum.of("amount")), 
                "SELECT `customer`.`name` AS `customer__name`, sumOrNull(`purchase`.`amount`) AS `total` FROM "
                        + "`purchase` LEFT OUTER JOIN `customer` AS `customer` ON `purchase`.`customer_id` = "
                        + "`customer`.`id` GROUP BY `customer`.`name` SETTINGS join_use_nulls = 1");
        assertSql(purchases.values("id").filter("customer", 5),
                "SELECT `id` FROM `purchase` WHERE `customer_id` = 5");
        assertSql(purchases.selectRelated("customer"), "SELECT `purchase`.`id`, "
                + "`purchase`.`customer_id`, `purchase`.`amount`, `customer`.`id` AS `customer__id`, `customer`.`name` AS "
                + "`customer__name`, `customer`.`country` AS `customer__country` FROM `purchase` LEFT OUTER JOIN "
                + "`customer` AS `customer` ON `purchase`.`customer_id` = `customer`.`id` SETTINGS join_use_nulls = 1");
        assertThatThrownBy(() -> purchases.filter("customer__city", "x").toSql())
                .hasMessage("Customer has no field 'city' (in 'customer__city'). Choices: id, name, country, purchase.");
    }

    @Test
    void rendersFunctions() {
        List<Expression> fs = List.of(Func.toYYYYMM("timestamp"), Func.toYYYYMMDD("timestamp"),
                Func.toStartOfDay("timestamp"), Func.toStartOfHour("timestamp"), Func.toStartOfMinute("timestamp"),
                Func.toStartOfInterval("timestamp", 15, "minute"), Func.toDate("timestamp"),
                Func.dateDiff("day", "timestamp", Func.now()), Func.today(), Func.lower("protocol"),
                Func.upper("protocol"), Func.length("tags"), Func.concat("protocol", Func.value(":"), "port"),
                Func.ifElse(F.of("port").gt(1024), Func.value("high"), Func.value("low")),
                Func.multiIf(F.of("port").lt(100), 1, F.of("port").lt(1000), 2, 3), Func.coalesce("note", Func.value("")),
                Func.cityHash64("ip"), Func.sipHash64("ip"), Func.xxHash64("ip"), Func.murmurHash3_64("ip"),
                Func.rand(), Func.generateUUIDv4(), Func.of("lower", "protocol"));
        String sql = sql(HITS.values("id").annotate(functionAliases(fs)));
        assertThat(sql).isEqualTo("SELECT `id`, toYYYYMM(`timestamp`) AS `f0`, toYYYYMMDD(`timestamp`) AS `f1`, "
                + "toStartOfDay(`timestamp`) AS `f2`, toStartOfHour(`timestamp`) AS `f3`, toStartOfMinute(`timestamp`) AS"
                + " `f4`, toStartOfInterval(`timestamp`, toIntervalMinute(15)) AS `f5`, toDate(`timestamp`) AS `f6`, "
                + "dateDiff('day', `timestamp`, now()) AS `f7`, today() AS `f8`, lowerUTF8(`protocol`) AS `f9`, "
                + "upperUTF8(`protocol`) AS `f10`, length(`tags`) AS `f11`, concat(`protocol`, ':', `port`) AS `f12`, "
                + "if(`port` > 1024, 'high', 'low') AS `f13`, multiIf(`port` < 100, 1, `port` < 1000, 2, 3) AS `f14`, "
                + "coalesce(`note`, '') AS `f15`, cityHash64(`ip`) AS `f16`, sipHash64(`ip`) AS `f17`, xxHash64(`ip`) AS"
                + " `f18`, murmurHash3_64(`ip`) AS `f19`, rand() AS `f20`, generateUUIDv4() AS `f21`, lower(`protocol`) "
                + "AS `f22` FROM `hit`");
        assertThatThrownBy(() -> Func.of("x(); DROP TABLE t; --")).isInstanceOf(QueryException.class);
    }

    static Map<String, Expression> functionAliases(List<Expression> fs) {
        Map<String, Expression> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fs.size(); i++) {
            out.put("f" + i, fs.get(i));
        }
        return out;
    }
}
