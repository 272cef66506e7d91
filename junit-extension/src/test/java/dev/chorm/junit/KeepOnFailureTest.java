package dev.chorm.junit;

import static dev.chorm.junit.ProvisioningTest.current;
import static dev.chorm.junit.ProvisioningTest.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.chorm.db.Database;
import dev.chorm.junit.events.Student;
import dev.chorm.query.QuerySet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Databases of a failed class stay when asked, with where and how to connect; otherwise they go. */
@ClickhouseTest
class KeepOnFailureTest {

    @Scenario
    @ClickhouseTest(keepOnFailure = true)
    static class FailsAndKeeps {
        static String name;

        @Test
        void fails(Database db, QuerySet<Student> students) {
            name = current(db);
            students.create(new Student());
            fail("on purpose");
        }
    }

    @Scenario
    @ClickhouseTest
    static class FailsAndDrops {
        static String name;

        @Test
        void fails(Database db) {
            name = current(db);
            fail("on purpose");
        }
    }

    @Scenario
    @ClickhouseTest(keepOnFailure = true)
    static class Passes {
        static String name;

        @Test
        void passes(Database db) {
            name = current(db);
        }
    }

    @Test
    void keepsTheDatabasesOfAFailedClassAndSaysHowToConnect(Database db) {
        EngineExecutionResults results = Kit.run(FailsAndKeeps.class);
        results.testEvents().assertStatistics(s -> s.failed(1));
        List<String> reported = results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("chorm.kept")).toList();
        String name = FailsAndKeeps.name;
        assertThat(reported).singleElement().asString().matches(("Kept test database %s of alias 'default' because a"
                + " test of FailsAndKeeps failed: the embedded engine stops with the tests, its data stays in (\\S+):"
                + " open it with Database.embedded\\(Path.of\\(\"\\1\"\\)\\) and query %s.<table>, or run java -jar"
                + " chorm-embedded.jar --path \\1 and connect to jdbc:clickhouse://127.0.0.1:8123/%s").formatted(name, name, name));
        assertThat(strings(db, "SELECT toString(count()) AS v FROM " + name + ".student")).containsExactly("1");
        db.execute("DROP DATABASE " + name);
    }

    @Test
    void dropsTheDatabasesOfAFailedClassUnlessAsked(Database db) {
        Kit.run(FailsAndDrops.class).testEvents().assertStatistics(s -> s.failed(1));
        assertThat(strings(db, "SELECT name AS v FROM system.databases WHERE name = '" + FailsAndDrops.name + "'")).isEmpty();
    }

    @Test
    void dropsTheDatabasesOfAClassThatPassed(Database db) {
        Kit.run(Passes.class).testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(strings(db, "SELECT name AS v FROM system.databases WHERE name = '" + Passes.name + "'")).isEmpty();
    }
}
