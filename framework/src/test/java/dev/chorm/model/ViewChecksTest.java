package dev.chorm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ModelDefinitionException;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.model.engine.SummingMergeTree;
import dev.chorm.query.Count;
import dev.chorm.query.QuerySet;
import dev.chorm.types.annotation.UInt64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The view checks: one broken view declaration per mistake, each with its exact message; and the specs good ones give. */
class ViewChecksTest {
    private static void assertProblem(Class<?> model, String message) {
        assertThatThrownBy(() -> ModelMeta.of(model)).isInstanceOf(ModelDefinitionException.class).hasMessage(message);
    }

    @MergeTree(orderBy = "port")
    record Hit(int port, long bytes) {
    }

    @SummingMergeTree(orderBy = "port")
    record PortBytes(int port, long bytes) {
    }

    /** Not a model: no annotation, no Model superclass. */
    record Plain(int port) {
    }

    @View
    record HitCounts(int port, @UInt64 long hits) {
        @ViewQuery
        static QuerySet<?> query() {
            return QuerySet.of(Hit.class).values("port").annotate("hits", Count.all());
        }
    }

    @Test
    void aQuerySetViewTakesItsSqlAndSourcesFromTheCompiler() {
        TableSpec t = ModelMeta.of(HitCounts.class).table();
        assertThat(t.engine()).isEqualTo(EngineSpec.of("View"));
        assertThat(t.view().query()).isEqualTo(QuerySet.of(Hit.class).values("port").annotate("hits", Count.all())
                .selectText().sql());
        assertThat(t.dependencies()).containsExactly(TableRef.of("hit"));
    }

    @View
    record WrongType(int port, long hits) {
        @ViewQuery
        static QuerySet<?> query() {
            return QuerySet.of(Hit.class).values("port").annotate("hits", Count.all());
        }
    }

    @Test
    void queryColumnOfAnotherType() {
        assertProblem(WrongType.class, "WrongType: column 'hits' is UInt64 in the query but Int64 in the model;"
                + " change the field's type or cast in the query.");
    }

    @View
    record MissingField(int port) {
        @ViewQuery
        static QuerySet<?> query() {
            return QuerySet.of(Hit.class).values("port").annotate("hits", Count.all());
        }
    }

    @Test
    void queryColumnWithoutAField() {
        assertProblem(MissingField.class, "MissingField: the query's column 'hits' has no field; add a field for it (UInt64)"
                + " or leave it out of the query.");
    }

    @View
    record ExtraField(int port, @UInt64 long hits, int extra) {
        @ViewQuery
        static QuerySet<?> query() {
            return QuerySet.of(Hit.class).values("port").annotate("hits", Count.all());
        }
    }

    @Test
    void fieldMissingFromTheQuery() {
        assertProblem(ExtraField.class, "ExtraField: field column 'extra' is not in the query's columns (port, hits);"
                + " select it under that name or remove the field.");
    }

    @MaterializedView(to = PortBytes.class, sources = Hit.class, query = "SELECT port, toInt32(bytes) AS bytes FROM hit")
    record TargetType(int port, int bytes) {
    }

    @Test
    void targetColumnOfAnotherType() {
        assertProblem(TargetType.class, "TargetType: column 'bytes' is Int32 in the view but Int64 in PortBytes (table port_bytes);"
                + " make the types equal (cast in the query, or change the field and the target column).");
    }

    @MaterializedView(to = PortBytes.class, sources = Hit.class, query = "SELECT port, bytes AS total FROM hit")
    record TargetColumn(int port, long total) {
    }

    @Test
    void columnTheTargetLacks() {
        assertProblem(TargetColumn.class, "TargetColumn: column 'total' is not a column of PortBytes (table port_bytes), so"
                + " ClickHouse would drop it; rename it in the query (AS) to one of port, bytes, or add it to PortBytes.");
    }

    @View(query = "SELECT port FROM plain", sources = Plain.class)
    record FromPlain(int port) {
    }

    @Test
    void sourceThatIsNotAModel() {
        assertProblem(FromPlain.class, "FromPlain: source Plain is not a model; name a model class (one with @Table, an engine"
                + " annotation, @View or @MaterializedView, or extending Model).");
    }

    @MaterializedView(to = Plain.class, query = "SELECT port FROM hit", sources = Hit.class)
    record ToPlain(int port) {
    }

    @Test
    void targetThatIsNotAModel() {
        assertProblem(ToPlain.class, "ToPlain: to Plain is not a model; name a model class (one with @Table, an engine"
                + " annotation, @View or @MaterializedView, or extending Model).");
    }

    @View
    record NoQuery(int port) {
    }

    @Test
    void viewWithoutQuery() {
        assertProblem(NoQuery.class, "NoQuery: the view has no query; write it as query = \"SELECT ...\" or as a static"
                + " @ViewQuery method returning a QuerySet over other models.");
    }

    @View(query = "SELECT port FROM hit", sources = Hit.class)
    @MergeTree
    record EngineOnView(int port) {
    }

    @Test
    void plainViewWithAnEngine() {
        assertProblem(EngineOnView.class, "EngineOnView: a view stores nothing, so it has no engine; remove @MergeTree.");
    }

    @MaterializedView(sources = Hit.class, query = "SELECT port, sum(bytes) AS bytes FROM hit GROUP BY port", populate = true)
    @SummingMergeTree(orderBy = "port")
    record Populated(int port, long bytes) {
    }

    @Test
    void populateIsRefusedWithTheBackfillAsFix() {
        assertProblem(Populated.class, "Populated: populate fills the view from the rows already in its source but misses the"
                + " rows inserted while it runs; leave populate out and backfill in a migration with RunSQL \"INSERT INTO"
                + " populated SELECT ...\" (the view's query over the older rows; see docs/views.md), or set"
                + " populateDespiteRace = true if nothing inserts meanwhile.");
    }

    @MaterializedView(sources = Hit.class, query = "SELECT port, sum(bytes) AS bytes FROM hit GROUP BY port", populate = true,
            populateDespiteRace = true)
    @SummingMergeTree(orderBy = "port")
    record PopulatedOnPurpose(int port, long bytes) {
    }

    @Test
    void populateWithTheOptIn() {
        assertThat(ModelMeta.of(PopulatedOnPurpose.class).table().view().populate()).isTrue();
    }

    @MaterializedView(to = PortBytes.class, sources = Hit.class, query = "SELECT port, bytes FROM hit", populate = true,
            populateDespiteRace = true)
    record PopulatedTo(int port, long bytes) {
    }

    @Test
    void populateWithATarget() {
        assertProblem(PopulatedTo.class, "PopulatedTo: populate cannot be combined with to (ClickHouse refuses it); leave"
                + " populate out and backfill port_bytes in a migration with RunSQL \"INSERT INTO port_bytes SELECT ...\""
                + " (the view's query over the older rows).");
    }

    @MaterializedView(to = PortBytes.class, sources = Hit.class, query = "SELECT port, bytes FROM hit", refresh = "AFTER 1 HOUR",
            dependsOn = PopulatedOnPurpose.class)
    record DependsAfter(int port, long bytes) {
    }

    @Test
    void dependsOnNeedsEvery() {
        assertProblem(DependsAfter.class, "DependsAfter: dependsOn needs refresh = \"EVERY ...\" (ClickHouse allows DEPENDS ON"
                + " only with REFRESH EVERY), found 'AFTER 1 HOUR'; use EVERY or remove dependsOn.");
    }

    @MaterializedView(to = PortBytes.class, sources = Hit.class, query = "SELECT port, bytes FROM hit", append = true)
    record AppendWithoutRefresh(int port, long bytes) {
    }

    @Test
    void appendNeedsARefresh() {
        assertProblem(AppendWithoutRefresh.class, "AppendWithoutRefresh: append and dependsOn are for refreshable views; set"
                + " refresh = \"EVERY 1 HOUR\" (or another schedule) or remove them.");
    }

    @MaterializedView(to = PortBytes.class, sources = Hit.class, query = "SELECT port, bytes FROM hit", refresh = "EVERY 1 MINUTE",
            append = true, dependsOn = PopulatedOnPurpose.class)
    record Refreshed(int port, long bytes) {
    }

    @Test
    void aRefreshableViewDependsOnItsSourcesTargetAndDependsOn() {
        ViewSpec v = ModelMeta.of(Refreshed.class).table().view();
        assertThat(v.refresh()).isEqualTo(new ViewSpec.Refresh("EVERY 1 MINUTE", true, List.of(TableRef.of("populated_on_purpose"))));
        assertThat(ModelMeta.of(Refreshed.class).table().dependencies()).containsExactly(TableRef.of("hit"),
                TableRef.of("port_bytes"), TableRef.of("populated_on_purpose"));
    }

    @Test
    void viewsGetNoNoteAboutADefaultEngine() {
        assertThat(ModelChecks.notes(HitCounts.class, Refreshed.class)).isEmpty();
    }

    @MaterializedView(to = PortBytes.class, sources = Hit.class, query = "SELECT port, bytes FROM hit", refresh = "EVERY 1 HOUR")
    record HourlyReplace(int port, long bytes) {
    }

    @MaterializedView(to = PortBytes.class, sources = Hit.class, query = "SELECT port, bytes FROM hit", refresh = "EVERY 1 DAY")
    record DailyReplace(int port, long bytes) {
    }

    @MaterializedView(to = PortBytes.class, sources = Hit.class, query = "SELECT port, bytes FROM hit", refresh = "EVERY 1 DAY",
            append = true)
    record DailyAppend(int port, long bytes) {
    }

    @Test
    void twoRefreshableViewsReplacingTheSameTableAreRefusedTogether() {
        // each model is fine on its own, and one replacing view may share its table with appending ones
        ModelChecks.check(HourlyReplace.class, DailyAppend.class, Refreshed.class);
        String problem = "HourlyReplace and DailyReplace: each is a refreshable view that replaces the rows of its TO table"
                + " port_bytes on every refresh, and ClickHouse allows one such view per table; set append = true on all but"
                + " one of them, or point them at different tables.";
        assertThatThrownBy(() -> ModelChecks.check(HourlyReplace.class, DailyAppend.class, DailyReplace.class))
                .isInstanceOf(ModelDefinitionException.class).hasMessage(problem);
        assertThatThrownBy(() -> dev.chorm.migrations.AppModels.of("rollups", Hit.class, PortBytes.class, HourlyReplace.class,
                DailyReplace.class).state()).isInstanceOf(ModelDefinitionException.class)
                .hasMessage(problem.replace("HourlyReplace and DailyReplace", "rollups.DailyReplace and rollups.HourlyReplace"));
    }
}
