package dev.chorm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.migrations.fixtures.rollup.EventsPerMinute;
import dev.chorm.migrations.fixtures.rollup.EventsPerMinuteMv;
import dev.chorm.migrations.fixtures.rollup.RawEvent;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.TableSpec;
import dev.chorm.query.Aggregate;
import dev.chorm.query.Count;
import dev.chorm.query.Func;
import dev.chorm.query.QuerySet;
import dev.chorm.query.Sum;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rollup walk-through of docs/views.md at scale: 1,000,000 raw events inserted in 20 bulkCreate
 * batches through a migrated materialized view into a per-minute AggregatingMergeTree; the merged
 * states read through a QuerySet equal the same aggregation over the raw table.
 */
class RollupViewEngineTest {
    static final int BATCHES = 20;
    static final int ROWS_PER_BATCH = 50_000;
    /** Few enough rows per minute (4,000) that quantiles keeps every value and merges exactly. */
    static final int MINUTES = 250;
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void millionRowsThroughTheViewGiveTheRawNumbers() {
        try (Database db = TestDatabases.open(TestDatabases.fresh("rollup"))) {
            Migrations migrations = Migrations.builder()
                    .models(AppModels.of("analytics", EventsPerMinuteMv.class, EventsPerMinute.class, RawEvent.class))
                    .directory(dir).classLoader(null).sql(db.executor()).build();
            migrations.makeMigrations(MakeMigrationsOptions.defaults());
            migrations.migrate(MigrateOptions.latest());
            for (Class<?> model : List.of(RawEvent.class, EventsPerMinute.class, EventsPerMinuteMv.class)) {
                TableSpec spec = ModelMeta.of(model).table();
                assertThat(db.schemaEditor().compare(spec).differences()).as(model.getSimpleName()).isEmpty();
            }

            SplittableRandom random = new SplittableRandom(11);
            long seconds = MINUTES * 60L;
            for (int b = 0; b < BATCHES; b++) {
                List<RawEvent> rows = new ArrayList<>(ROWS_PER_BATCH);
                for (int i = 0; i < ROWS_PER_BATCH; i++) {
                    rows.add(new RawEvent(START.plusSeconds(random.nextLong(seconds)), random.nextLong(20_000),
                            random.nextLong(5_000), random.nextLong(1_000_000)));
                }
                db.objects(RawEvent.class).bulkCreate(rows);
            }

            List<Map<String, Object>> raw = db.objects(RawEvent.class).annotate("minute", Func.toStartOfMinute("ts"))
                    .values("minute")
                    .annotate("events", Count.all())
                    .annotate("users", Aggregate.uniq("userId"))
                    .annotate("exact_users", Aggregate.uniqExact("userId"))
                    .annotate("bytes", Sum.of("bytes"))
                    .annotate("latency", Aggregate.quantiles(List.of(0.5, 0.99), "latencyMs"))
                    .orderBy("minute").fetch();
            QuerySet<Map<String, Object>> merged = db.objects(EventsPerMinute.class).values("minute")
                    .annotate("events", Count.of("events").merge())
                    .annotate("users", Aggregate.uniqMerge("users"))
                    .annotate("exact_users", Aggregate.uniqExactMerge("exact_users"))
                    .annotate("bytes", Sum.of("bytes").merge())
                    .annotate("latency", Aggregate.quantilesMerge(List.of(0.5, 0.99), "latency"))
                    .orderBy("minute");
            assertThat(raw).hasSize(MINUTES);
            assertThat(merged.fetch()).isEqualTo(raw);
            assertThat(db.objects(EventsPerMinute.class).aggregate(Map.of("all", Count.of("events").merge())))
                    .isEqualTo(Map.of("all", (long) BATCHES * ROWS_PER_BATCH));
            // Each batch spans every minute, so each minute got a state per batch; the table's background
            // merges may have combined some of them (count() of rows is then lower), the -Merge reads are exact anyway.
            assertThat(db.objects(EventsPerMinute.class).count()).isBetween((long) MINUTES, (long) MINUTES * BATCHES);
        }
    }
}
