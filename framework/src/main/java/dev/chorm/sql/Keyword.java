package dev.chorm.sql;


/**
 * Name one SQL keyword; the constants are the only keywords chorm writes.
 *
 * <pre>{@code ctx.visit(Keyword.WHERE).sql(' ')}</pre>
 */
public enum Keyword implements QueryPart {
    SELECT("SELECT"), DISTINCT("DISTINCT"), FROM("FROM"), AS("AS"), FINAL("FINAL"), SAMPLE("SAMPLE"),
    OFFSET("OFFSET"), ARRAY_JOIN("ARRAY JOIN"), LEFT_JOIN("LEFT OUTER JOIN"), ON("ON"), PREWHERE("PREWHERE"),
    WHERE("WHERE"), GROUP_BY("GROUP BY"), WITH_TOTALS("WITH TOTALS"), HAVING("HAVING"), ORDER_BY("ORDER BY"),
    ASC("ASC"), DESC("DESC"), NULLS_FIRST("NULLS FIRST"), NULLS_LAST("NULLS LAST"), LIMIT("LIMIT"), BY("BY"),
    SETTINGS("SETTINGS"), WITH("WITH"), AND("AND"), OR("OR"), NOT("NOT"), IN("IN"), NOT_IN("NOT IN"),
    BETWEEN("BETWEEN"), LIKE("LIKE"), ILIKE("ILIKE"), NULL("NULL"), CAST("CAST"), OVER("OVER"),
    PARTITION_BY("PARTITION BY"), ROWS("ROWS"), RANGE("RANGE"), EXPLAIN("EXPLAIN"), ON_CLUSTER("ON CLUSTER"), TRUE("true"), FALSE("false"),
    INSERT_INTO("INSERT INTO");

    private final String text;

    Keyword(String text) {
        this.text = text;
    }

    /** Return the keyword as written in SQL. */
    public String text() {
        return text;
    }

    @Override
    public void accept(RenderContext ctx) {
        ctx.sql(text);
    }
}
