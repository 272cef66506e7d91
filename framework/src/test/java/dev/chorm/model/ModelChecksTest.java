package dev.chorm.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ModelDefinitionException;
import dev.chorm.model.engine.Buffer;
import dev.chorm.model.engine.CollapsingMergeTree;
import dev.chorm.model.engine.Distributed;
import dev.chorm.model.engine.GraphiteMergeTree;
import dev.chorm.model.engine.Memory;
import dev.chorm.model.engine.Merge;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.model.engine.ReplacingMergeTree;
import dev.chorm.model.engine.ReplicatedMergeTree;
import dev.chorm.model.engine.Setting;
import dev.chorm.model.engine.SummingMergeTree;
import dev.chorm.model.engine.TinyLog;
import dev.chorm.model.engine.VersionedCollapsingMergeTree;
import dev.chorm.types.annotation.Int8;
import dev.chorm.types.annotation.Nullable;
import dev.chorm.types.annotation.UInt32;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model-level checks catalog: one broken model per mistake, each with its exact message. */
class ModelChecksTest {
    private static void assertProblem(Class<?> model, String message) {
        assertThatThrownBy(() -> ModelMeta.of(model)).isInstanceOf(ModelDefinitionException.class)
                .hasMessage(message);
    }

    interface AnInterface { }

    @Test
    void interfaceIsNoModel() {
        assertProblem(AnInterface.class,
                "AnInterface: a model must be a concrete class or a record, found an interface; declare a class or a record.");
    }

    abstract static class Abstract { public int x; }

    @Test
    void abstractClassIsNoModel() {
        assertProblem(Abstract.class,
                "Abstract: a model must be a concrete class or a record, found an abstract class; declare a class or a record.");
    }

    enum AnEnum { A }

    @Test
    void enumIsNoModel() {
        assertProblem(AnEnum.class,
                "AnEnum: a model must be a concrete class or a record, found an enum; declare a class or a record.");
    }

    class Inner { public int x; }

    @Test
    void innerClassNeedsStatic() {
        assertProblem(Inner.class,
                "Inner: an inner class needs its enclosing instance, so chorm cannot create it; make it static.");
    }

    static class NoDefaultConstructor {
        public int x;

        NoDefaultConstructor(int x) {
            this.x = x;
        }
    }

    @Test
    void classNeedsNoArgumentConstructor() {
        assertProblem(NoDefaultConstructor.class,
                "NoDefaultConstructor: a model class needs a constructor without parameters; add one (it may be private).");
    }

    static class FinalField { public final int x = 1; public int y; }

    @Test
    void finalFieldCannotBeFilled() {
        assertProblem(FinalField.class,
                "FinalField.x: a final field cannot be filled from rows; remove final or mark it @Transient.");
    }

    record TransientComponent(int a, @Transient int b) { }

    @Test
    void recordComponentCannotBeTransient() {
        assertProblem(TransientComponent.class, "TransientComponent.b: a record component cannot be @Transient, the"
                + " canonical constructor needs it; remove the annotation or the component.");
    }

    static class NoColumns { @Transient public int x; static int y; }

    @Test
    void modelNeedsColumns() {
        assertProblem(NoColumns.class, "NoColumns: a model needs at least one column; add a field.");
    }

    static class SameColumn { public int fooBar; @Column(name = "foo_bar") public int other; }

    @Test
    void twoFieldsOneColumn() {
        assertProblem(SameColumn.class, "SameColumn: fields fooBar and other both map to column 'foo_bar'; rename one"
                + " with @Column(name = ...).");
    }

    static class BlankColumn { @Column(name = " ") public int x; }

    @Test
    void blankColumnName() {
        assertProblem(BlankColumn.class, "BlankColumn.x: @Column(name) is empty; give a name or remove @Column.");
    }

    static class BadColumnName { @Column(name = "my-col") public int x; }

    @Test
    void invalidColumnName() {
        assertProblem(BadColumnName.class, "BadColumnName.x: column name 'my-col' is not a valid identifier; use letters,"
                + " digits and underscores, not starting with a digit.");
    }

    @Table(name = "  ")
    static class BlankTable { public int x; }

    @Test
    void blankTableName() {
        assertProblem(BlankTable.class, "BlankTable: @Table(name) is blank; give a name or leave it out to use"
                + " 'blank_table'.");
    }

    @Table(name = "2events")
    static class BadTableName { public int x; }

    @Test
    void invalidTableName() {
        assertProblem(BadTableName.class, "BadTableName: table name '2events' is not a valid identifier; use letters,"
                + " digits and underscores, not starting with a digit.");
    }

    @Table(database = "my db")
    static class BadDatabase { public int x; }

    @Test
    void invalidDatabaseName() {
        assertProblem(BadDatabase.class,
                "BadDatabase: database name 'my db' is not a valid identifier; fix @Table(database).");
    }

    @Table(cluster = "my cluster")
    static class BadCluster { public int x; }

    @Test
    void invalidClusterName() {
        assertProblem(BadCluster.class,
                "BadCluster: cluster name 'my cluster' is not valid; use the name from the server's remote_servers.");
    }

    static class DefaultAndMaterialized { @Default("1") @Materialized("2") public int x; }

    @Test
    void defaultAndMaterialized() {
        assertProblem(DefaultAndMaterialized.class,
                "DefaultAndMaterialized.x: @Default and @Materialized exclude each other; keep one.");
    }

    static class EmptyDefault { @Default("") public int x; }

    @Test
    void emptyDefault() {
        assertProblem(EmptyDefault.class,
                "EmptyDefault.x: @Default needs an expression; write one or remove the annotation.");
    }

    static class AliasCodec { public int a; @Alias("a + 1") @Codec("ZSTD(1)") public int x; }

    @Test
    void aliasWithCodec() {
        assertProblem(AliasCodec.class,
                "AliasCodec.x: an ALIAS column is not stored, so it cannot have a codec; remove @Codec.");
    }

    static class EphemeralTtl { public Instant t; @Ephemeral @Ttl("t + INTERVAL 1 DAY") public int x; }

    @Test
    void ephemeralWithTtl() {
        assertProblem(EphemeralTtl.class,
                "EphemeralTtl.x: an EPHEMERAL column is not stored, so it cannot have a TTL; remove @Ttl.");
    }

    static class EmptyCodec { @Codec(" ") public int x; }

    @Test
    void emptyCodec() {
        assertProblem(EmptyCodec.class,
                "EmptyCodec.x: @Codec is empty; name a codec such as ZSTD(3) or remove the annotation.");
    }

    static class AutoNowOnInt { @AutoNowAdd public int x; }

    @Test
    void autoNowNeedsTime() {
        assertProblem(AutoNowOnInt.class, "AutoNowOnInt.x: @AutoNowAdd needs a Date, DateTime or DateTime64 column,"
                + " found Int32; change the field type (for example to Instant).");
    }

    static class AutoNowWithDefault { @AutoNow @Default("now()") public Instant x; }

    @Test
    void autoNowWithDefault() {
        assertProblem(AutoNowWithDefault.class,
                "AutoNowWithDefault.x: @Default and @AutoNow exclude each other; keep one.");
    }

    @MergeTree(orderBy = "x")
    @Memory
    static class TwoEngines { public int x; }

    @Test
    void twoEngines() {
        assertProblem(TwoEngines.class, "TwoEngines: @MergeTree and @Memory each name an engine; keep one.");
    }

    @MergeTree(orderBy = {"timestamp", "nope"})
    static class MissingOrderColumn { public Instant timestamp; }

    @Test
    void orderByUnknownColumn() {
        assertProblem(MissingOrderColumn.class, "MissingOrderColumn: ORDER BY names unknown column 'nope' in 'nope';"
                + " declare a field for it or fix the expression.");
    }

    @MergeTree(orderBy = "x", partitionBy = "toYYYYMM(day)")
    static class MissingPartitionColumn { public int x; }

    @Test
    void partitionByUnknownColumn() {
        assertProblem(MissingPartitionColumn.class, "MissingPartitionColumn: PARTITION BY names unknown column 'day' in"
                + " 'toYYYYMM(day)'; declare a field for it or fix the expression.");
    }

    @MergeTree(orderBy = {"a", "b"}, primaryKey = "b")
    static class PrimaryKeyNotPrefix { public int a; public int b; }

    @Test
    void primaryKeyMustBePrefix() {
        assertProblem(PrimaryKeyNotPrefix.class, "PrimaryKeyNotPrefix: PRIMARY KEY (b) must be a prefix of ORDER BY (a, b);"
                + " reorder orderBy or shorten primaryKey.");
    }

    @MergeTree(orderBy = {"a", "b"}, sampleBy = "b", primaryKey = "a")
    static class SampleNotInKey { @UInt32 public long a; @UInt32 public long b; }

    @Test
    void sampleByMustBeInPrimaryKey() {
        assertProblem(SampleNotInKey.class, "SampleNotInKey: SAMPLE BY 'b' must be one of the primary key expressions"
                + " (a); add it to orderBy.");
    }

    @MergeTree(orderBy = "a", sampleBy = "a")
    static class SampleSigned { public long a; }

    @Test
    void sampleByNeedsUnsigned() {
        assertProblem(SampleSigned.class, "SampleSigned.a: SAMPLE BY needs an unsigned integer, found Int64; sample by"
                + " a hash such as intHash32(a) of type UInt32.");
    }

    @MergeTree(orderBy = "note")
    static class NullableKey { @Nullable public String note; }

    @Test
    void nullableSortingKey() {
        assertProblem(NullableKey.class, "NullableKey.note: a Nullable column in ORDER BY needs the setting"
                + " allow_nullable_key = 1; add @Setting(name = \"allow_nullable_key\", value = \"1\") or make it"
                + " non-Nullable.");
    }

    @dev.chorm.model.engine.AggregatingMergeTree(orderBy = {"page", "hits"}, partitionBy = "visitors")
    static class AggregateKey {
        public String page;
        @dev.chorm.types.annotation.SimpleAggregateFunction("sum") public long hits;
        @dev.chorm.types.annotation.AggregateFunction(function = "uniq", args = "String") public long visitors;
    }

    @Test
    void aggregateColumnsAreNotKeys() {
        assertThatThrownBy(() -> ModelChecks.check(AggregateKey.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage("AggregateKey.hits: a column of type SimpleAggregateFunction(sum, Int64) cannot be in ORDER BY"
                        + " or PARTITION BY (ClickHouse cannot compare aggregates); key the table by the grouping columns"
                        + " and keep hits out of the key.\n"
                        + "AggregateKey.visitors: a column of type AggregateFunction(uniq, String) cannot be in ORDER BY"
                        + " or PARTITION BY (ClickHouse cannot compare aggregates); key the table by the grouping columns"
                        + " and keep visitors out of the key.");
    }

    @MergeTree(orderBy = "x", ttl = "gone + INTERVAL 1 DAY")
    static class TtlUnknownColumn { public int x; }

    @Test
    void tableTtlUnknownColumn() {
        assertProblem(TtlUnknownColumn.class, "TtlUnknownColumn: TTL names unknown column 'gone' in"
                + " 'gone + INTERVAL 1 DAY'; declare a field for it or fix the expression.");
    }

    @MergeTree(orderBy = "x", ttl = "name + INTERVAL 1 DAY DELETE")
    static class TtlOnString { public int x; public String name = ""; }

    @Test
    void tableTtlMustBeADateOrDateTime() {
        assertProblem(TtlOnString.class, "TtlOnString: TTL 'name + INTERVAL 1 DAY' does not evaluate to Date or"
                + " DateTime (name is String); base it on a Date or DateTime column (a LocalDate or Instant field),"
                + " such as 'timestamp + INTERVAL 1 DAY'.");
    }

    @MergeTree(orderBy = "x")
    static class ColumnTtlOnNumber { @Ttl("x + 1") public int y; public int x; }

    @Test
    void columnTtlMustBeADateOrDateTime() {
        assertProblem(ColumnTtlOnNumber.class, "ColumnTtlOnNumber.y: TTL 'x + 1' does not evaluate to Date or"
                + " DateTime (x is Int32); base it on a Date or DateTime column (a LocalDate or Instant field),"
                + " such as 'timestamp + INTERVAL 1 DAY'.");
    }

    @MergeTree(orderBy = "x", ttl = {"toDateTime(x) + INTERVAL 1 DAY", "t + INTERVAL 1 WEEK TO VOLUME 'cold'"})
    static class TtlOnDates { public int x; public Instant t; @Ttl("t + INTERVAL 1 DAY") public int y; }

    @Test
    void ttlsOnDatesAndDateFunctionsPass() {
        org.assertj.core.api.Assertions.assertThat(ModelMeta.of(TtlOnDates.class).table().ttl()).hasSize(2);
    }

    static class NoEngine extends Model { public String name = ""; }

    record NoEngineNoId(String name) { }

    @ReplacingMergeTree
    static class NoOrderBy { public int x; }

    @Test
    void checkReportsTheDefaultSortingKey() {
        org.assertj.core.api.Assertions.assertThat(ModelChecks.notes(NoEngine.class, NoEngineNoId.class,
                NoOrderBy.class, TtlOnDates.class)).containsExactly(
                "NoEngine: no engine annotation, so the table is MergeTree ORDER BY id (chorm's default); add"
                        + " @MergeTree(orderBy = ...) to choose the sorting key.",
                "NoEngineNoId: no engine annotation, so the table is MergeTree ORDER BY tuple() (chorm's default); add"
                        + " @MergeTree(orderBy = ...) to choose the sorting key.",
                "NoOrderBy: @ReplacingMergeTree without orderBy is ORDER BY tuple(): rows are not sorted and the primary"
                        + " index is empty; set orderBy to the columns queries filter on.");
    }

    @MergeTree(orderBy = "t")
    static class TtlOnKey { @Ttl("t + INTERVAL 1 DAY") public Instant t; }

    @Test
    void columnTtlOnKeyColumn() {
        assertProblem(TtlOnKey.class, "TtlOnKey.t: a column of the sorting or partition key cannot have a TTL; remove"
                + " @Ttl or take the column out of the key.");
    }

    @Memory
    static class TtlOnMemory { public Instant t; @Ttl("t + INTERVAL 1 DAY") public int x; }

    @Test
    void columnTtlNeedsMergeTree() {
        assertProblem(TtlOnMemory.class,
                "TtlOnMemory.x: column TTL needs a MergeTree-family engine, found Memory; remove @Ttl.");
    }

    @TinyLog
    @Index(name = "i", expression = "x")
    static class IndexOnLog { public int x; }

    @Test
    void skipIndexNeedsMergeTree() {
        assertProblem(IndexOnLog.class, "IndexOnLog: data-skipping index 'i' needs a MergeTree-family engine, found"
                + " TinyLog; remove @Index or change the engine.");
    }

    @Memory
    @Projection(name = "p", query = "SELECT x ORDER BY x")
    static class ProjectionOnMemory { public int x; }

    @Test
    void projectionNeedsMergeTree() {
        assertProblem(ProjectionOnMemory.class, "ProjectionOnMemory: projection 'p' needs a MergeTree-family engine,"
                + " found Memory; remove @Projection or change the engine.");
    }

    @MergeTree(orderBy = "x")
    @Index(name = "i", expression = "x")
    @Index(name = "i", expression = "x", type = "set(10)")
    static class DuplicateIndex { public int x; }

    @Test
    void duplicateIndexNames() {
        assertProblem(DuplicateIndex.class, "DuplicateIndex: two index declarations are named 'i'; rename one.");
    }

    @MergeTree(orderBy = "x")
    @Check(name = "c", expression = "x > 0")
    @Assume(name = "c", expression = "x < 10")
    static class DuplicateConstraint { public int x; }

    @Test
    void duplicateConstraintNames() {
        assertProblem(DuplicateConstraint.class,
                "DuplicateConstraint: two constraint declarations are named 'c'; rename one.");
    }

    @MergeTree(orderBy = "x")
    @Index(name = "bad-name", expression = "x")
    static class BadIndexName { public int x; }

    @Test
    void invalidIndexName() {
        assertProblem(BadIndexName.class, "BadIndexName: index name 'bad-name' is not a valid identifier; use letters,"
                + " digits and underscores, not starting with a digit.");
    }

    @MergeTree(orderBy = "x")
    @Index(name = "i", expression = "x", granularity = 0)
    static class ZeroGranularity { public int x; }

    @Test
    void granularityMustBePositive() {
        assertProblem(ZeroGranularity.class, "ZeroGranularity: index 'i' has granularity 0; set granularity to 1 or more (1 is the default).");
    }

    @MergeTree(orderBy = "x")
    @Index(name = "i", expression = "x", type = "btree")
    static class UnknownIndexType { public int x; }

    @Test
    void unknownIndexType() {
        assertProblem(UnknownIndexType.class, "UnknownIndexType: index 'i' has unknown type 'btree'; use minmax, set(N),"
                + " bloom_filter(p), ngrambf_v1(...) or tokenbf_v1(...).");
    }

    @MergeTree(orderBy = "x")
    @Index(name = "i", expression = "s", type = "tokenbf_v1(256)")
    static class BadIndexArguments { public int x; public String s; }

    @Test
    void indexArgumentCount() {
        assertProblem(BadIndexArguments.class, "BadIndexArguments: index 'i' type tokenbf_v1(256) takes 3 argument(s);"
                + " fix the arguments, for example tokenbf_v1(256, 2, 0).");
    }

    @MergeTree(orderBy = "x")
    @Index(name = "i", expression = "x", type = "bloom_filter(1.5)")
    static class BadBloomRate { public int x; }

    @Test
    void bloomFilterRate() {
        assertProblem(BadBloomRate.class, "BadBloomRate: index 'i' bloom_filter false-positive rate 1.5 must be between"
                + " 0 and 1; use for example 0.01.");
    }

    @MergeTree(orderBy = "x")
    @Index(name = "i", expression = "lower(missing)")
    static class IndexUnknownColumn { public int x; }

    @Test
    void indexUnknownColumn() {
        assertProblem(IndexUnknownColumn.class, "IndexUnknownColumn: index 'i' names unknown column 'missing' in"
                + " 'lower(missing)'; declare a field for it or fix the expression.");
    }

    @MergeTree(orderBy = "x")
    @Check(name = "c", expression = "y > 0")
    static class CheckUnknownColumn { public int x; }

    @Test
    void constraintUnknownColumn() {
        assertProblem(CheckUnknownColumn.class, "CheckUnknownColumn: constraint 'c' names unknown column 'y' in 'y > 0';"
                + " declare a field for it or fix the expression.");
    }

    @MergeTree(orderBy = "x")
    @Check(name = "c", expression = " ")
    static class EmptyCheck { public int x; }

    @Test
    void emptyConstraint() {
        assertProblem(EmptyCheck.class, "EmptyCheck: constraint 'c' has no expression; write a boolean expression.");
    }

    @MergeTree(orderBy = "x")
    @Projection(name = "p", query = "x GROUP BY x")
    static class ProjectionWithoutSelect { public int x; }

    @Test
    void projectionNeedsSelect() {
        assertProblem(ProjectionWithoutSelect.class, "ProjectionWithoutSelect: projection 'p' needs a query starting with"
                + " SELECT, found 'x GROUP BY x'; write SELECT ... [GROUP BY ...] [ORDER BY ...] without FROM.");
    }

    @ReplacingMergeTree(orderBy = "x")
    @Projection(name = "p", query = "SELECT x ORDER BY x")
    static class ProjectionOnReplacing { public int x; }

    @Test
    void projectionOnReplacingNeedsMode() {
        assertProblem(ProjectionOnReplacing.class, "ProjectionOnReplacing: projections on a ReplacingMergeTree need the"
                + " setting deduplicate_merge_projection_mode; add @Setting(name = \"deduplicate_merge_projection_mode\","
                + " value = \"'rebuild'\") or 'drop'.");
    }

    @MergeTree(orderBy = "x", settings = @Setting(name = "Index-Granularity", value = "1"))
    static class BadSettingName { public int x; }

    @Test
    void invalidSettingName() {
        assertProblem(BadSettingName.class, "BadSettingName: setting name 'Index-Granularity' is not valid; settings are"
                + " lower-case snake_case like index_granularity.");
    }

    @MergeTree(orderBy = "x", settings = {@Setting(name = "a", value = "1"), @Setting(name = "a", value = "2")})
    static class DuplicateSetting { public int x; }

    @Test
    void duplicateSetting() {
        assertProblem(DuplicateSetting.class, "DuplicateSetting: @MergeTree sets 'a' twice; keep one @Setting.");
    }

    @ReplacingMergeTree(orderBy = "x", version = "ver")
    static class MissingVersion { public int x; }

    @Test
    void replacingVersionMissing() {
        assertProblem(MissingVersion.class, "MissingVersion: ReplacingMergeTree version column 'ver' does not exist;"
                + " declare a field for it or fix the name.");
    }

    @ReplacingMergeTree(orderBy = "x", version = "ver")
    static class StringVersion { public int x; public String ver; }

    @Test
    void replacingVersionType() {
        assertProblem(StringVersion.class, "StringVersion.ver: the ReplacingMergeTree version column must be an integer,"
                + " Date or DateTime type, found String; change the field type.");
    }

    @ReplacingMergeTree(orderBy = "x", isDeleted = "deleted")
    static class DeletedWithoutVersion { public int x; @dev.chorm.types.annotation.UInt8 public int deleted; }

    @Test
    void replacingIsDeletedNeedsVersion() {
        assertProblem(DeletedWithoutVersion.class, "DeletedWithoutVersion: ReplacingMergeTree isDeleted 'deleted' needs"
                + " a version column; set version too.");
    }

    @ReplacingMergeTree(orderBy = "x", version = "ver", isDeleted = "deleted")
    static class DeletedNotUInt8 { public int x; public long ver; public boolean deleted; }

    @Test
    void replacingIsDeletedType() {
        assertProblem(DeletedNotUInt8.class, "DeletedNotUInt8.deleted: the ReplacingMergeTree isDeleted column must be"
                + " UInt8, found Bool; annotate the field with @UInt8.");
    }

    @CollapsingMergeTree(orderBy = "x", sign = "sign")
    static class SignNotInt8 { public int x; public int sign; }

    @Test
    void collapsingSignType() {
        assertProblem(SignNotInt8.class, "SignNotInt8.sign: the CollapsingMergeTree sign column must be Int8, found"
                + " Int32; annotate the field with @Int8.");
    }

    @VersionedCollapsingMergeTree(orderBy = "x", sign = "sign", version = "")
    static class VersionedWithoutVersion { public int x; @Int8 public byte sign; }

    @Test
    void versionedCollapsingNeedsVersion() {
        assertProblem(VersionedWithoutVersion.class,
                "VersionedWithoutVersion: VersionedCollapsingMergeTree needs version; name it in the annotation.");
    }

    @SummingMergeTree(orderBy = "x", columns = {"label"})
    static class SumString { public int x; public String label; }

    @Test
    void summingNeedsNumbers() {
        assertProblem(SumString.class, "SumString.label: SummingMergeTree can only sum numeric columns, found String;"
                + " remove it from columns.");
    }

    @SummingMergeTree(orderBy = "x", columns = {"x"})
    static class SumKey { public int x; }

    @Test
    void summingNotInKey() {
        assertProblem(SumKey.class, "SumKey.x: SummingMergeTree cannot sum a column of the sorting key; remove it from"
                + " columns or from orderBy.");
    }

    @GraphiteMergeTree(configSection = "", orderBy = "x")
    static class GraphiteWithoutConfig { public int x; }

    @Test
    void graphiteNeedsConfigSection() {
        assertProblem(GraphiteWithoutConfig.class,
                "GraphiteWithoutConfig: GraphiteMergeTree needs configSection; name it in the annotation.");
    }

    @ReplicatedMergeTree(zooPath = "/clickhouse/tables/events", replicaName = "{replica}", orderBy = "x")
    static class PathWithoutMacro { public int x; }

    @Test
    void replicatedPathNeedsMacro() {
        assertProblem(PathWithoutMacro.class, "PathWithoutMacro: @ReplicatedMergeTree zooPath '/clickhouse/tables/events'"
                + " has no macro, so tables and shards would share it; use macros such as"
                + " '/clickhouse/tables/{uuid}/{shard}'.");
    }

    @ReplicatedMergeTree(zooPath = "/clickhouse/tables/{uuid}/{shard}", orderBy = "x")
    static class PathWithoutReplica { public int x; }

    @Test
    void replicatedNeedsBothPathAndReplica() {
        assertProblem(PathWithoutReplica.class, "PathWithoutReplica: @ReplicatedMergeTree needs both zooPath and"
                + " replicaName, or neither for the server defaults; set both, for example"
                + " zooPath = \"/clickhouse/tables/{uuid}/{shard}\" and replicaName = \"{replica}\".");
    }

    @Table(cluster = "cluster")
    @ReplicatedMergeTree(zooPath = "/clickhouse/tables/{uuid}/{shard}", replicaName = "r1", orderBy = "x")
    static class FixedReplicaOnCluster { public int x; }

    @Test
    void replicaNameNeedsMacroOnCluster() {
        assertProblem(FixedReplicaOnCluster.class, "FixedReplicaOnCluster: @ReplicatedMergeTree replicaName 'r1' has no"
                + " macro, so every node of cluster 'cluster' would claim it; use '{replica}'.");
    }

    @Distributed(cluster = "", table = "t")
    static class DistributedWithoutCluster { public int x; }

    @Test
    void distributedNeedsCluster() {
        assertProblem(DistributedWithoutCluster.class, "DistributedWithoutCluster: @Distributed needs a cluster from the"
                + " server's remote_servers; set cluster.");
    }

    @Distributed(cluster = "c", table = "")
    static class DistributedWithoutTable { public int x; }

    @Test
    void distributedNeedsTable() {
        assertProblem(DistributedWithoutTable.class,
                "DistributedWithoutTable: @Distributed needs the local table it reads; set table.");
    }

    @Distributed(cluster = "c", table = "t", policy = "fast")
    static class PolicyWithoutKey { public int x; }

    @Test
    void distributedPolicyNeedsShardingKey() {
        assertProblem(PolicyWithoutKey.class, "PolicyWithoutKey: @Distributed policy 'fast' needs a shardingKey; set"
                + " one, for example rand().");
    }

    @Buffer(table = "")
    static class BufferWithoutTable { public int x; }

    @Test
    void bufferNeedsTable() {
        assertProblem(BufferWithoutTable.class, "BufferWithoutTable: @Buffer needs the destination table; set table.");
    }

    @Merge(regexp = "")
    static class MergeWithoutRegexp { public int x; }

    @Test
    void mergeNeedsRegexp() {
        assertProblem(MergeWithoutRegexp.class,
                "MergeWithoutRegexp: @Merge needs a regexp naming the tables; set regexp.");
    }

    @MergeTree(orderBy = {"a", "nope"}, primaryKey = "b")
    static class SeveralProblems { public int a; public int b; }

    @Test
    void collectsAllProblemsOfOneModel() {
        assertProblem(SeveralProblems.class, String.join("\n",
                "SeveralProblems: ORDER BY names unknown column 'nope' in 'nope'; declare a field for it or fix the"
                        + " expression.",
                "SeveralProblems: PRIMARY KEY (b) must be a prefix of ORDER BY (a, nope); reorder orderBy or shorten"
                        + " primaryKey."));
    }

    @Test
    void checkReportsEveryModel() {
        assertThatThrownBy(() -> ModelChecks.check(ZeroGranularity.class, DuplicateSetting.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage("ZeroGranularity: index 'i' has granularity 0; set granularity to 1 or more (1 is the default).\n"
                        + "DuplicateSetting: @MergeTree sets 'a' twice; keep one @Setting.");
    }

    @Test
    void checkTableWorksOnSpecsFromAnywhere() {
        TableSpec t = TableSpec.builder("t").column(ColumnSpec.builder("x", dev.chorm.types.DataType.int32()).build())
                .engine(EngineSpec.of("Memory")).ttl("x + 1").build();
        org.assertj.core.api.Assertions.assertThat(ModelChecks.checkTable(t)).isEqualTo(List.of(
                "t: table TTL needs a MergeTree-family engine, found Memory; remove the TTL."));
    }
}
