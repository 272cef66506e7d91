package dev.chorm.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.model.SelectText;
import dev.chorm.query.expr.F;
import dev.chorm.query.fixtures.Blob;
import dev.chorm.query.fixtures.Purchase;
import dev.chorm.types.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Render the SELECT other statements embed: columns as stored, named as the result names them. */
class AsSelectSqlTest {
    @Test
    void columnsAreSelectedAsStoredUnlikeTheReadingSelect() {
        QuerySet<Blob> blobs = QuerySet.of(Blob.class);
        assertThat(blobs.toSql()).isEqualTo("SELECT `id`, hex(`data`), hex(`fixed`) FROM `blob`");
        assertThat(blobs.asSelect().sql()).isEqualTo("SELECT `id`, `data`, `fixed` FROM `blob`");
        assertThat(blobs.values("id", "data").asSelect().columns()).containsExactly(
                new SelectText.Column("id", DataType.int64()), new SelectText.Column("data", DataType.string()));
    }

    @Test
    void namesAreAliasesOrTheColumnsSelected() {
        SelectText s = QuerySet.of(Purchase.class).values("customerId", "customer__country")
                .annotate("doubled", F.of("amount").times(2)).asSelect();
        assertThat(s.names()).isEqualTo(List.of("customerId", "customer__country", "doubled"));
        assertThat(s.sql()).isEqualTo("SELECT `purchase`.`customer_id` AS `customerId`, `customer`.`country` AS"
                + " `customer__country`, (`purchase`.`amount` * 2) AS `doubled` FROM `purchase` LEFT OUTER JOIN"
                + " `customer` AS `customer` ON `purchase`.`customer_id` = `customer`.`id` SETTINGS join_use_nulls = 1");
        assertThat(QuerySet.of(Purchase.class).values("customer_id", "amount").asSelect().names())
                .isEqualTo(List.of("customer_id", "amount"));
    }
}
