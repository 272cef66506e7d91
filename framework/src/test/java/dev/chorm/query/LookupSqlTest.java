package dev.chorm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.QueryException;
import dev.chorm.query.expr.F;
import dev.chorm.query.expr.Lookup;
import dev.chorm.query.expr.Lookups;
import dev.chorm.query.expr.Q;
import dev.chorm.query.fixtures.Hit;
import dev.chorm.query.fixtures.IrishLastName;
import dev.chorm.query.fixtures.Person;
import dev.chorm.types.DataType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Render every lookup and transform to SQL, without an engine (LookupEngineTest runs the same SQL). */
class LookupSqlTest extends SqlTestSupport {
    static final QuerySet<Hit> HITS = QuerySet.of(Hit.class);

    /** Return the WHERE clause of {@code qs} selecting only ids. */
    String where(QuerySet<?> qs) {
        String sql = sql(qs);
        return sql.substring(sql.indexOf(" WHERE ") + 7);
    }

    String where(String lookup, Object value) {
        return where(HITS.filter(lookup, value));
    }

    @Test
    void rendersComparisons() {
        assertThat(where("port", 80)).isEqualTo("`port` = 80");
        assertThat(where("port__exact", 80)).isEqualTo("`port` = 80");
        assertThat(where("port__ne", 80)).isEqualTo("`port` != 80");
        assertThat(where("port__gt", 80)).isEqualTo("`port` > 80");
        assertThat(where("port__gte", 80)).isEqualTo("`port` >= 80");
        assertThat(where("port__lt", 80)).isEqualTo("`port` < 80");
        assertThat(where("port__lte", 80)).isEqualTo("`port` <= 80");
        assertThat(where("port__range", List.of(10, 20))).isEqualTo("`port` BETWEEN 10 AND 20");
        assertThat(where("port__between", new int[] {10, 20})).isEqualTo("`port` BETWEEN 10 AND 20");
        assertThat(where("note", null)).isEqualTo("isNull(`note`)");
        assertThat(where("note__isnull", true)).isEqualTo("isNull(`note`)");
        assertThat(where("note__isnull", false)).isEqualTo("isNotNull(`note`)");
    }

    @Test
    void registeredLookupRendersItself() {
        // The example of docs/queries.md, "Your own lookups".
        Lookups.register(Lookup.of("hasprefix", (ctx, lhs, value) ->
                ctx.sql("startsWith(").visit(lhs).sql(", ").value(value, DataType.string()).sql(")")));
        try {
            QuerySet<Person> people = QuerySet.of(Person.class);
            assertThat(where(people.filter("lastName__hasprefix", "Sm"))).isEqualTo("startsWith(`last_name`, 'Sm')");
            assertThat(where(people.filter(F.of("lastName").lookup("hasprefix", "it's"))))
                    .isEqualTo("startsWith(`last_name`, 'it\\'s')");
            assertThat(Lookups.choices(DataType.string())).endsWith("hasprefix");
            assertThatThrownBy(() -> Lookups.register(Lookup.of("exact", (ctx, lhs, value) -> { })))
                    .hasMessage("A lookup named 'exact' is registered already; choose another name.");
        } finally {
            Lookups.unregister("hasprefix");
        }
        assertThatThrownBy(() -> sql(QuerySet.of(Person.class).filter(F.of("lastName").lookup("hasprefix", "Sm"))))
                .hasMessageStartingWith("Unknown lookup 'hasprefix'. Choices: exact, iexact,");
    }

    @Test
    void neNullMeansHasAValue() {
        assertThat(where("note__ne", null)).isEqualTo("isNotNull(`note`)");
        assertThat(where(HITS.exclude("note__ne", null))).isEqualTo("NOT ifNull(isNotNull(`note`), 0)");
    }

    @Test
    void rendersInWithListsAndSubqueries() {
        assertThat(where("port__in", List.of(1, 2, 3))).isEqualTo("`port` IN (1, 2, 3)");
        assertThat(where("port__not_in", List.of(1))).isEqualTo("`port` NOT IN (1)");
        assertThat(where("port__in", List.of())).isEqualTo("0");
        assertThat(where("protocol__in", List.of("TCP", "it's"))).isEqualTo("`protocol` IN ('TCP', 'it\\'s')");
        QuerySet<IrishLastName> irish = QuerySet.of(IrishLastName.class).only("name");
        assertThat(where(QuerySet.of(Person.class).filter("lastName__in", irish)))
                .isEqualTo("`last_name` IN (SELECT `name` FROM `irish_last_name`)");
        assertThat(where(QuerySet.of(Person.class).exclude("lastName__in", irish)))
                .isEqualTo("NOT (`last_name` IN (SELECT `name` FROM `irish_last_name`))");
        assertThat(where(QuerySet.of(Person.class).filter(F.of("lastName").notIn(
                QuerySet.of(IrishLastName.class).valuesList("name", String.class)))))
                .isEqualTo("`last_name` NOT IN (SELECT `name` FROM `irish_last_name`)");
    }

    @Test
    void rendersTextLookups() {
        assertThat(where("protocol__iexact", "tcp")).isEqualTo("lowerUTF8(`protocol`) = lowerUTF8('tcp')");
        assertThat(where("protocol__contains", "C%_\\")).isEqualTo("`protocol` LIKE '%C\\\\%\\\\_\\\\\\\\%'");
        assertThat(where("protocol__icontains", "cp")).isEqualTo("`protocol` ILIKE '%cp%'");
        assertThat(where("protocol__startswith", "T")).isEqualTo("`protocol` LIKE 'T%'");
        assertThat(where("protocol__istartswith", "t")).isEqualTo("`protocol` ILIKE 't%'");
        assertThat(where("protocol__endswith", "P")).isEqualTo("`protocol` LIKE '%P'");
        assertThat(where("protocol__iendswith", "p")).isEqualTo("`protocol` ILIKE '%p'");
        assertThat(where("protocol__regex", "^T.P$")).isEqualTo("match(`protocol`, '^T.P$')");
        assertThat(where("protocol__iregex", "^t")).isEqualTo("match(`protocol`, '(?i)^t')");
        assertThat(where("ip__contains", "4.5"))
                .isEqualTo("replaceRegexpOne(toString(`ip`), '^::ffff:([0-9.]+)$', '\\\\1') LIKE '%4.5%'");
        assertThat(where("action__contains", "RO")).isEqualTo("toString(`action`) LIKE '%RO%'");
        assertThat(where("action", Hit.Action.DROP)).isEqualTo("`action` = 'DROP'");
        assertThat(where("ip", "1.2.3.4")).isEqualTo("`ip` = CAST('1.2.3.4' AS IPv6)");
    }

    @Test
    void rendersDateTransforms() {
        assertThat(where("timestamp__date", LocalDate.of(2024, 1, 2)))
                .isEqualTo("toDate32(`timestamp`) = CAST('2024-01-02' AS Date32)");
        assertThat(where("timestamp__year", 2024)).isEqualTo("toYear(`timestamp`) = 2024");
        assertThat(where("timestamp__year__gte", 2024)).isEqualTo("toYear(`timestamp`) >= 2024");
        assertThat(where("timestamp__quarter", 1)).isEqualTo("toQuarter(`timestamp`) = 1");
        assertThat(where("timestamp__month__in", List.of(1, 2))).isEqualTo("toMonth(`timestamp`) IN (1, 2)");
        assertThat(where("timestamp__week", 1)).isEqualTo("toISOWeek(`timestamp`) = 1");
        assertThat(where("timestamp__week_day", 1)).isEqualTo("toDayOfWeek(`timestamp`, 3) = 1");
        assertThat(where("timestamp__day", 2)).isEqualTo("toDayOfMonth(`timestamp`) = 2");
        assertThat(where("timestamp__hour__lt", 12)).isEqualTo("toHour(`timestamp`) < 12");
        assertThat(where("timestamp__minute", 4)).isEqualTo("toMinute(`timestamp`) = 4");
        assertThat(where("timestamp__second", 5)).isEqualTo("toSecond(`timestamp`) = 5");
        assertThat(where("timestamp__date__year", 2024)).isEqualTo("toYear(toDate32(`timestamp`)) = 2024");
        assertThat(where("timestamp__gte", Instant.parse("2024-01-02T03:04:05.123456Z")))
                .isEqualTo("`timestamp` >= toDateTime64('2024-01-02 03:04:05.123456', 6, 'UTC')");
        assertThat(where(QuerySet.of(Person.class).filter("birthday__lt", "2000-01-01")))
                .isEqualTo("`birthday` < CAST('2000-01-01' AS Date32)");
    }

    @Test
    void rendersArrayLookups() {
        assertThat(where("tags__contains", List.of("a", "b"))).isEqualTo("hasAll(`tags`, ['a', 'b'])");
        assertThat(where("tags__contained_by", List.of("a", "b"))).isEqualTo("hasAll(['a', 'b'], `tags`)");
        assertThat(where("tags__overlap", List.of("a"))).isEqualTo("hasAny(`tags`, ['a'])");
        assertThat(where("tags__any", "a")).isEqualTo("has(`tags`, 'a')");
        assertThat(where("tags", List.of("a"))).isEqualTo("`tags` = ['a']");
        assertThat(where("tags__len", 2)).isEqualTo("length(`tags`) = 2");
        assertThat(where("tags__len__gt", 1)).isEqualTo("length(`tags`) > 1");
        assertThat(where("tags__0", "a")).isEqualTo("arrayElement(`tags`, 1) = 'a'");
        assertThat(where("tags__1__startswith", "b")).isEqualTo("arrayElement(`tags`, 2) LIKE 'b%'");
        assertThat(where("tags__0_2", List.of("a", "b"))).isEqualTo("arraySlice(`tags`, 1, 2) = ['a', 'b']");
        assertThat(where("tags__0_2__len", 2)).isEqualTo("length(arraySlice(`tags`, 1, 2)) = 2");
    }

    @Test
    void rendersMapLookups() {
        assertThat(where("attrs__has_key", "k")).isEqualTo("mapContains(`attrs`, 'k')");
        assertThat(where("attrs__len", 1)).isEqualTo("length(`attrs`) = 1");
        assertThat(where("attrs__keys__any", "k")).isEqualTo("has(mapKeys(`attrs`), 'k')");
        assertThat(where("attrs__values__any", "v")).isEqualTo("has(mapValues(`attrs`), 'v')");
        assertThat(where("attrs__k", "v")).isEqualTo("arrayElement(`attrs`, 'k') = 'v'");
        assertThat(where("attrs__k__startswith", "v")).isEqualTo("arrayElement(`attrs`, 'k') LIKE 'v%'");
        assertThat(where(HITS.filter(F.of("attrs").key("len").eq("x"))))
                .isEqualTo("arrayElement(`attrs`, 'len') = 'x'");
    }

    @Test
    void rendersQObjectsLikeInfi() {
        Q q = Q.of("firstName", "Ciaran").and(Q.of("lastName", "Carver")).or(Q.of("height__lte", 1.8))
                .and(Q.of("firstName", "David").not());
        assertThat(where(QuerySet.of(Person.class).filter(q))).isEqualTo(
                "((`first_name` = 'Ciaran' AND `last_name` = 'Carver') OR `height` <= 1.8)"
                        + " AND NOT (`first_name` = 'David')");
        assertThat(where(QuerySet.of(Person.class).filter(F.of("firstName").like("V%"))
                .exclude("birthday__lt", LocalDate.of(2000, 1, 1))))
                .isEqualTo("`first_name` LIKE 'V%' AND NOT (`birthday` < CAST('2000-01-01' AS Date32))");
        assertThat(where(QuerySet.of(Person.class).filter("lastName", "Smith").filter("height__gt", 1.75)))
                .isEqualTo("`last_name` = 'Smith' AND `height` > 1.75");
    }

    @Test
    void keepsNullRowsWhenExcludingNullableColumns() {
        assertThat(where(HITS.exclude("note", "x"))).isEqualTo("NOT ifNull(`note` = 'x', 0)");
        assertThat(where(HITS.exclude("port", 1))).isEqualTo("NOT (`port` = 1)");
    }

    @Test
    void rendersFExpressions() {
        assertThat(where(HITS.filter("bytes__gt", F.of("port").times(2).plus(1))))
                .isEqualTo("`bytes` > ((`port` * 2) + 1)");
        assertThat(where(HITS.filter(F.of("bytes").div(F.of("port")).lt(10.5))))
                .isEqualTo("(`bytes` / `port`) < 10.5");
        assertThat(where(HITS.filter("protocol__contains", F.of("note"))))
                .isEqualTo("`protocol` LIKE concat('%', `note`, '%')");
    }

    @Test
    void acceptsJavaAndColumnNames() {
        assertThat(where(QuerySet.of(Person.class).filter("first_name", "A")))
                .isEqualTo(where(QuerySet.of(Person.class).filter("firstName", "A")));
    }

    @Test
    void namesChoicesForUnknownFieldsAndLookups() {
        assertThatThrownBy(() -> HITS.filter("prot", "TCP").toSql()).isInstanceOf(QueryException.class)
                .hasMessage("Hit has no field 'prot'. Choices: id, ip, port, protocol, timestamp, action, note, tags,"
                        + " attrs, bytes.");
        assertThatThrownBy(() -> HITS.filter("port__foo", 1).toSql()).isInstanceOf(QueryException.class)
                .hasMessageStartingWith("Unsupported lookup 'foo' for Hit.port (UInt16). Choices: exact, iexact");
        assertThatThrownBy(() -> HITS.filter("timestamp__fortnight", 1).toSql())
                .hasMessageEndingWith("date, year, iso_year, quarter, month, week, week_day, iso_week_day, day, hour,"
                        + " minute, second.");
        assertThatThrownBy(() -> HITS.filter("port____gt", 1).toSql()).isInstanceOf(QueryException.class)
                .hasMessageContaining("Malformed lookup 'port____gt'");
        assertThatThrownBy(() -> HITS.only("nope")).hasMessageStartingWith("Hit has no field 'nope'. Choices: id");
        assertThatThrownBy(() -> HITS.filter("port__range", List.of(1)).toSql())
                .hasMessage("A range lookup needs two bounds, got 1: [1]");
        assertThatThrownBy(() -> HITS.annotate("port", Count.all())).hasMessageContaining("conflicts with a field");
    }

    @Test
    void rendersMapKeysAsValues() {
        assertSql(HITS.values("attrs__len", "attrs__keys", "attrs__values", "attrs__k"), 
                "SELECT length(`attrs`) AS `attrs__len`, mapKeys(`attrs`) AS `attrs__keys`, mapValues(`attrs`) AS "
                        + "`attrs__values`, arrayElement(`attrs`, 'k') AS `attrs__k` FROM `hit`");
        assertSql(HITS.values("id").filter(Map.of("a", 1).isEmpty() ? Q.and() : Q.or()),
                "SELECT `id` FROM `hit` WHERE 0");
    }
}
