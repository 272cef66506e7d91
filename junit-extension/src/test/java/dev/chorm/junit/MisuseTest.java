package dev.chorm.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.ChormException;
import dev.chorm.db.Database;
import dev.chorm.junit.events.Event;
import dev.chorm.query.QuerySet;
import org.junit.jupiter.api.Test;

/**
 * Each way of misusing {@code @ClickhouseTest}, run through EngineTestKit, with its exact message.
 * This class is annotated itself so that the nested runs share its embedded engine.
 */
@ClickhouseTest
class MisuseTest {

    @Scenario
    @ClickhouseTest(databases = {"default", "reports"})
    static class UnknownAliasInDatabases {
        @Test
        void test() {
        }
    }

    @Test
    void unknownAliasInDatabases() {
        assertThat(Kit.failure(UnknownAliasInDatabases.class)).isEqualTo("Unknown database alias 'reports' in"
                + " @ClickhouseTest(databases) on UnknownAliasInDatabases. Configured aliases: [default]. Configure it"
                + " with chorm.databases.reports.url (or any chorm.databases.reports.* key) in clickhouse.properties.");
    }

    @Scenario
    @ClickhouseTest
    static class UnknownAliasInParameter {
        @Test
        void reads(@Alias("s9r9") Database replica) {
        }
    }

    @Test
    void unknownAliasInParameter() {
        assertThat(Kit.failure(UnknownAliasInParameter.class)).isEqualTo("Unknown database alias 's9r9' in @Alias on"
                + " parameter 'replica' of UnknownAliasInParameter.reads. Configured aliases: [default]. Configure it"
                + " with chorm.databases.s9r9.url (or any chorm.databases.s9r9.* key) in clickhouse.properties.");
    }

    @Scenario
    @ClickhouseTest
    static class AliasOnUnsupportedType {
        @Test
        void test(@Alias("default") String name) {
        }
    }

    @Test
    void unresolvableParameterType() {
        assertThat(Kit.failure(AliasOnUnsupportedType.class)).isEqualTo("@Alias on parameter 'name' of"
                + " AliasOnUnsupportedType.test: @ClickhouseTest injects Database, QuerySet<Model>, DataSource or"
                + " Connection, not String.");
    }

    @Scenario
    @ClickhouseTest
    static class QuerySetOfNoModel {
        @Test
        void test(QuerySet<String> rows) {
        }
    }

    @Test
    void querySetOfSomethingThatIsNoModel() {
        assertThat(Kit.failure(QuerySetOfNoModel.class)).isEqualTo("parameter 'rows' of QuerySetOfNoModel.test:"
                + " QuerySet<String> needs a model, and java.lang.String is none (a model extends Model or carries"
                + " @Table or an engine annotation).");
    }

    @Scenario
    @ClickhouseTest
    static class RawQuerySet {
        @SuppressWarnings("rawtypes")
        @Test
        void test(QuerySet rows) {
        }
    }

    @Test
    void querySetWithoutItsModel() {
        assertThat(Kit.failure(RawQuerySet.class)).isEqualTo("parameter 'rows' of RawQuerySet.test: QuerySet needs its"
                + " model as type argument, for example QuerySet<Event> events.");
    }

    @Scenario
    @ClickhouseTest(databases = {"default", "replica"}, properties = "chorm.databases.replica.test.managed=false")
    static class UnmanagedWithoutManaged {
        @Test
        void test() {
        }
    }

    @Test
    void unmanagedAliasWithoutItsManagedDependency() {
        assertThat(Kit.failure(UnmanagedWithoutManaged.class)).isEqualTo("Alias 'replica' has test.managed=false, so"
                + " it only connects to the test database of a managed alias it depends on, but none of its"
                + " test.dependencies [] is managed. Set chorm.databases.replica.test.dependencies to the managed alias"
                + " of the same cluster (for example default).");
    }

    @Scenario
    @ClickhouseTest(databases = "a", properties = {"chorm.databases.a.test.dependencies=b",
            "chorm.databases.b.test.dependencies=c", "chorm.databases.c.test.dependencies=a"})
    static class DependencyCycle {
        @Test
        void test() {
        }
    }

    @Test
    void dependencyCycle() {
        assertThat(Kit.failure(DependencyCycle.class)).isEqualTo("The test dependencies of aliases [a, b, c] form a"
                + " cycle: a -> b -> c -> a. Remove one of them from chorm.databases.<alias>.test.dependencies.");
    }

    @Scenario
    @ClickhouseTest(databases = "s1r2", properties = "chorm.databases.s1r2.test.dependencies=s1r1")
    static class MissingDependency {
        @Test
        void test() {
        }
    }

    @Test
    void missingDependency() {
        assertThat(Kit.failure(MissingDependency.class)).isEqualTo("Alias 's1r2' depends on 's1r1'"
                + " (chorm.databases.s1r2.test.dependencies), which is not configured. Configured aliases: [default, s1r2].");
    }

    @Scenario
    @ClickhouseTest(properties = "chorm.test.container=clickhouse/clickhouse-server:25.8")
    static class DockerRequested {
        @Test
        void test() {
        }
    }

    @Test
    void dockerRequestedButAbsent() {
        assertThat(Kit.failure(DockerRequested.class)).isEqualTo("chorm.test.container=clickhouse/clickhouse-server:25.8"
                + " asks for a ClickHouse container, but Docker is not available (Testcontainers found no Docker"
                + " environment). Start Docker, or remove chorm.test.container to use the embedded engine.");
    }

    @Scenario
    @ClickhouseTest(properties = "chorm.test.migrations=src/test/resources/scenarios/broken_migration")
    static class BrokenMigration {
        @Test
        void test(QuerySet<Event> events) {
        }
    }

    @Test
    void migrationFailingDuringProvisioning() {
        String message = Kit.failure(BrokenMigration.class)
                .replaceAll("test_default_template_[a-z0-9]{6}_\\d+", "test_default_template_RUN_N")
                .replaceAll("\\(version [^)]*\\) +\\(queryId= [^)]*\\)", "(version V) (queryId= Q)");
        assertThat(message).isEqualTo("""
                Cannot set up the test database test_default_template_RUN_N of alias 'default': Migration\
                 broken/0001_initial failed at operation 1 of 1 (Raw SQL: CREATE TABLE fine (x UInt8) ENGINE = Memory\
                 (+1 more)): ClickHouse rejected: CREATE TABLE broken (x NoSuchType) ENGINE = Memory
                Code: 50. DB::Exception: Unknown data type family: NoSuchType. (UNKNOWN_TYPE) (version V) (queryId= Q)
                Fix the cause and run migrate again: it continues with this operation.
                The test databases are created afresh on every run: fix the migration and run the tests again.""");
    }

    @Test
    void setupFailuresReachJUnitAsClickhouseTestExceptionThrownWhereTheyHappened() {
        Throwable unknownAlias = Kit.thrown(UnknownAliasInDatabases.class);
        assertThat(unknownAlias).isExactlyInstanceOf(ClickhouseTestException.class).hasNoCause();
        assertThat(((ClickhouseTestException) unknownAlias).errorCode()).isEqualTo(-1);
        assertThat(unknownAlias.getStackTrace()[0].getClassName()).isEqualTo("dev.chorm.junit.internal.AliasPlan");

        Throwable migration = Kit.thrown(BrokenMigration.class);
        assertThat(migration).isExactlyInstanceOf(ClickhouseTestException.class).hasCauseInstanceOf(ChormException.class);
        assertThat(((ClickhouseTestException) migration).errorCode()).as("the engine's code, kept from the cause").isEqualTo(50);
    }

    @Test
    void theEnclosingClassStillWorks(QuerySet<Event> events) {
        assertThat(events.count()).isZero();
    }
}
