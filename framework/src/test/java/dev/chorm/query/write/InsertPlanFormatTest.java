package dev.chorm.query.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.data.ClickHouseFormat;
import dev.chorm.model.AutoNow;
import dev.chorm.model.AutoNowAdd;
import dev.chorm.model.Model;
import dev.chorm.model.Table;
import dev.chorm.model.engine.MergeTree;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which wire format an insert plan picks: Native unless a null field must take the column's default. */
class InsertPlanFormatTest {
    @Table(name = "stamped")
    @MergeTree(orderBy = "id")
    static class Stamped extends Model {
        public String name = "";
        @AutoNowAdd public Instant createdAt;
        @AutoNow public Instant updatedAt;
    }

    @Test
    void autoTimeFieldsOfAClassAreStampedBeforeEncodingSoTheModelGoesNative() {
        assertThat(InsertPlan.of(Stamped.class).format()).isEqualTo(ClickHouseFormat.Native);
    }

    @Test
    void aRecordsNullAutoTimeFieldTakesTheServerDefaultSoItStaysRowBinaryWithDefaults() {
        assertThat(InsertPlan.of(WriteModels.Measurement.class).format()).isEqualTo(ClickHouseFormat.RowBinaryWithDefaults);
    }

    @Test
    void aNullableFieldOnADefaultColumnStaysRowBinaryWithDefaults() {
        assertThat(InsertPlan.of(WriteModels.Reading.class).format()).isEqualTo(ClickHouseFormat.RowBinaryWithDefaults);
    }
}
