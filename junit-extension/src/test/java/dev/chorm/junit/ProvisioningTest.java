package dev.chorm.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.junit.events.Event;
import dev.chorm.junit.events.Student;
import dev.chorm.query.QuerySet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test database: its name, its tables copied from the template, its settings, and its end. */
@ClickhouseTest
class ProvisioningTest {

    @Test
    void isNamedFromTheConfiguredDatabasePlusAUniqueSuffix(Database db) {
        assertThat(current(db)).matches("test_default_[a-z0-9]{6}_\\d+");
    }

    @Test
    void holdsEmptyCopiesOfTheTemplatesTablesButNotTheHistory(Database db) {
        String name = current(db);
        assertThat(strings(db, "SELECT name AS v FROM system.tables WHERE database = currentDatabase() ORDER BY name"))
                .containsExactly("event", "student");
        String template = strings(db, "SELECT name AS v FROM system.databases WHERE name LIKE 'test\\\\_default\\\\_template\\\\_%'"
                + " AND name LIKE '%" + name.substring("test_default_".length(), name.lastIndexOf('_')) + "%'").get(0);
        assertThat(strings(db, "SELECT name AS v FROM system.tables WHERE database = '" + template + "' ORDER BY name"))
                .containsExactly("chorm_migrations", "event", "student");
        String shape = "SELECT concat(table, ' ', name, ' ', type, ' ', default_expression) AS v FROM system.columns"
                + " WHERE database = '%s' AND table IN ('event', 'student') ORDER BY table, position";
        assertThat(strings(db, shape.formatted(name))).isEqualTo(strings(db, shape.formatted(template)));
        String engines = "SELECT concat(name, ' ', engine_full) AS v FROM system.tables WHERE database = '%s'"
                + " AND name IN ('event', 'student') ORDER BY name";
        assertThat(strings(db, engines.formatted(name))).isEqualTo(strings(db, engines.formatted(template)))
                .anySatisfy(e -> assertThat(e).startsWith("event MergeTree PARTITION BY toYYYYMMDD(timestamp) ORDER BY (timestamp, id)"));
        assertThat(strings(db, "SELECT toString(count()) AS v FROM event")).containsExactly("0");
    }

    @Test
    void makesMutationsSynchronous(Database db) {
        assertThat(strings(db, "SELECT toString(getSetting('mutations_sync')) AS v")).containsExactly("1");
    }

    @Scenario
    @ClickhouseTest(properties = "chorm.databases.default.settings.mutations_sync=0")
    static class OwnSettings {
        static String mutationsSync;

        @Test
        void records(Database db) {
            mutationsSync = strings(db, "SELECT toString(getSetting('mutations_sync')) AS v").get(0);
        }
    }

    @Test
    void letsTheUsersSettingsWin() {
        assertThat(Kit.run(OwnSettings.class).testEvents().succeeded().count()).isEqualTo(1);
        assertThat(OwnSettings.mutationsSync).isEqualTo("0");
    }

    @Scenario
    @ClickhouseTest
    static class Recording {
        static String name;

        @Test
        void records(Database db) {
            name = current(db);
        }
    }

    @Test
    void dropsTheDatabaseAfterTheClass(Database db) {
        assertThat(Kit.run(Recording.class).testEvents().succeeded().count()).isEqualTo(1);
        assertThat(Recording.name).isNotEqualTo(current(db));
        assertThat(strings(db, "SELECT name AS v FROM system.databases WHERE name = '" + Recording.name + "'")).isEmpty();
    }

    @Scenario
    @ClickhouseTest(schema = Schema.MODELS, models = Student.class)
    static class FromModels {
        static List<String> tables;

        @Test
        void records(Database db) {
            tables = strings(db, "SELECT name AS v FROM system.tables WHERE database = currentDatabase() ORDER BY name");
        }
    }

    @Test
    void createsTablesFromModelsWhenAsked() {
        assertThat(Kit.run(FromModels.class).testEvents().succeeded().count()).isEqualTo(1);
        assertThat(FromModels.tables).containsExactly("student");
    }

    @Scenario
    @ClickhouseTest(properties = "chorm.databases.default.test.name=test_billing")
    static class Named {
        static String name;

        @Test
        void records(Database db) {
            name = current(db);
        }
    }

    @Test
    void takesTheBaseNameFromTestName() {
        assertThat(Kit.run(Named.class).testEvents().succeeded().count()).isEqualTo(1);
        assertThat(Named.name).matches("test_billing_[a-z0-9]{6}_\\d+");
    }

    @Scenario
    @ClickhouseTest(properties = "chorm.test.migrations=src/test/resources/scenarios/with_view")
    static class WithView {
        static String seen;

        @Test
        void records(Database db, QuerySet<Event> events) {
            Event e = new Event();
            e.protocol = "HTTP";
            events.create(e);
            seen = strings(db, "SELECT toString(count()) AS v FROM http_events").get(0) + " "
                    + strings(db, "SELECT name AS v FROM system.tables WHERE database = currentDatabase() ORDER BY name");
        }
    }

    @Test
    void migratesEachClassDirectlyWhenATemplateTableCannotBeCopied() {
        Kit.run(WithView.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(WithView.seen).as("the view reads the class's own table").isEqualTo("1 [chorm_migrations, event, http_events, student]");
    }

    /** Declared for a cluster, as the reference backend's Student. */
    @dev.chorm.model.Table(name = "replicated_student", cluster = "cluster")
    @dev.chorm.model.engine.ReplicatedMergeTree(zooPath = "/clickhouse/tables/{uuid}/{shard}", replicaName = "{replica}",
            orderBy = "id")
    public static class ReplicatedStudent extends dev.chorm.model.Model {
        public String name = "";
    }

    @Scenario
    @ClickhouseTest(schema = Schema.MODELS, models = ReplicatedStudent.class)
    static class SingleNode {
        static String engine;

        @Test
        void records(Database db) {
            engine = strings(db, "SELECT engine AS v FROM system.tables WHERE database = currentDatabase()").get(0);
        }
    }

    @Test
    void rendersClusterModelsForOneNodeOnTheEmbeddedEngine() {
        Kit.run(SingleNode.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(SingleNode.engine).isEqualTo("MergeTree");
    }

    static String current(Database db) {
        return strings(db, "SELECT currentDatabase() AS v").get(0);
    }

    static List<String> strings(Database db, String sql) {
        return db.query(sql).stream().map((Map<String, Object> r) -> String.valueOf(r.get("v"))).toList();
    }
}
