package dev.chorm.query.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ChormException;
import dev.chorm.db.Database;
import dev.chorm.model.Model;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.types.annotation.Decimal;
import dev.chorm.types.annotation.Dynamic;
import dev.chorm.types.annotation.Nullable;
import dev.chorm.types.annotation.SimpleAggregateFunction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Decimal values with more digits than the scale: rejected by default, rounded where the field asks for it. */
class DecimalRoundingEngineTest {
    /** One exact and two rounding Decimal(9, 2) fields. */
    @MergeTree(orderBy = "id")
    public static class Price extends Model {
        @Decimal(precision = 9, scale = 2) public BigDecimal exact = BigDecimal.ZERO;
        @Decimal(precision = 9, scale = 2, rounding = RoundingMode.HALF_EVEN) public BigDecimal even = BigDecimal.ZERO;
        @Decimal(precision = 9, scale = 2, rounding = RoundingMode.HALF_UP) public BigDecimal up = BigDecimal.ZERO;
    }

    /** A record model rounding down. */
    @MergeTree(orderBy = "amount")
    public record Amount(@Decimal(precision = 9, scale = 1, rounding = RoundingMode.DOWN) BigDecimal amount) { }

    /** A rounding Decimal inside SimpleAggregateFunction columns, written as Native. */
    @MergeTree(orderBy = "id")
    public static class Totals extends Model {
        @SimpleAggregateFunction("sum") @Decimal(precision = 38, scale = 2, rounding = RoundingMode.HALF_EVEN)
        public BigDecimal total = BigDecimal.ZERO;
        @SimpleAggregateFunction("max") @Nullable @Decimal(precision = 9, scale = 1, rounding = RoundingMode.DOWN)
        public BigDecimal peak;
    }

    /** The same columns beside a Dynamic one, which makes the model's INSERT RowBinary. */
    @MergeTree(orderBy = "id")
    public static class DynamicTotals extends Model {
        @SimpleAggregateFunction("sum") @Decimal(precision = 38, scale = 2, rounding = RoundingMode.HALF_EVEN)
        public BigDecimal total = BigDecimal.ZERO;
        @SimpleAggregateFunction("max") @Nullable @Decimal(precision = 9, scale = 1, rounding = RoundingMode.DOWN)
        public BigDecimal peak;
        @Dynamic public Object note;
    }

    private static Database db;

    @BeforeAll
    static void open() {
        db = WriteTesting.open("decimals", Map.of(), Price.class, Amount.class, Totals.class,
                DynamicTotals.class);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void extraDigitsAreRejectedUnlessTheFieldRounds() {
        Price p = new Price();
        p.exact = new BigDecimal("1.005");
        assertThatThrownBy(() -> db.objects(Price.class).create(p)).isInstanceOf(ChormException.class)
                .hasMessage("Cannot insert row 0 of the batch into `price`: Price.exact: Cannot write 1.005 (BigDecimal)"
                        + " as Decimal(9, 2): it has more than 2 digits after the point; round it first or let the field"
                        + " round it with @Decimal(rounding = RoundingMode.HALF_EVEN).");
        p.exact = new BigDecimal("1.01");
        p.even = new BigDecimal("1.005");
        p.up = new BigDecimal("1.005");
        db.objects(Price.class).bulkCreate(List.of(p));
        Price back = db.objects(Price.class).get();
        assertThat(List.of(back.exact, back.even, back.up)).containsExactly(new BigDecimal("1.01"),
                new BigDecimal("1.00"), new BigDecimal("1.01"));
        db.objects(Amount.class).create(new Amount(new BigDecimal("2.99")));
        assertThat(db.objects(Amount.class).get().amount()).isEqualByComparingTo("2.9");
    }

    @Test
    void aSimpleAggregateFunctionOfDecimalRoundsAsTheFieldAsks() {
        Totals t = new Totals();
        t.total = new BigDecimal("1.005");
        t.peak = new BigDecimal("2.99");
        db.objects(Totals.class).bulkCreate(List.of(t));
        Totals back = db.objects(Totals.class).get();
        assertThat(List.of(back.total, back.peak)).containsExactly(new BigDecimal("1.00"), new BigDecimal("2.9"));
        DynamicTotals d = new DynamicTotals();
        d.total = new BigDecimal("1.015");
        d.peak = new BigDecimal("-2.99");
        db.objects(DynamicTotals.class).bulkCreate(List.of(d));
        DynamicTotals dBack = db.objects(DynamicTotals.class).get();
        assertThat(List.of(dBack.total, dBack.peak)).containsExactly(new BigDecimal("1.02"), new BigDecimal("-2.9"));
    }
}
