package dev.chorm.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.junit.events.Event;
import dev.chorm.junit.events.Student;
import dev.chorm.query.QuerySet;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rows from JSON resources, before each method; a row that does not fit names file, line and field. */
@ClickhouseTest
@Fixtures("fixtures/events.json")
class FixturesTest {

    @Test
    void loadsTheClassFixturesBeforeEveryMethod(QuerySet<Event> events, QuerySet<Student> students) {
        assertThat(events.count()).isEqualTo(2);
        Event seven = events.get("id", 7L);
        assertThat(seven.port).isEqualTo(443);
        assertThat(seven.action).isEqualTo(Event.Action.DROP);
        assertThat(seven.timestamp).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(events.get("port", 80).ip).isEqualTo("::ffff:10.0.0.1");
        assertThat(students.get().name).isEqualTo("Ada");
    }

    @Test
    @Fixtures("fixtures/students.json")
    void addsTheMethodsFixtures(QuerySet<Student> students, QuerySet<Event> events) {
        assertThat(students.orderBy("name").valuesList("name", String.class).fetch()).containsExactly("Ada", "Bob", "Eve");
        assertThat(events.count()).isEqualTo(2);
    }

    @Scenario
    @ClickhouseTest
    static class BadPort {
        @Test
        @Fixtures("fixtures/bad_port.json")
        void test() {
        }
    }

    @Test
    void namesFileLineAndFieldOfAValueThatDoesNotFit() {
        assertThat(Kit.failure(BadPort.class)).isEqualTo("Fixture fixtures/bad_port.json line 5: field 'port' of Event"
                + " (int, column port UInt16): expected a number, found \"eighty\".");
    }

    @Scenario
    @ClickhouseTest
    @Fixtures("fixtures/unknown_field.json")
    static class UnknownField {
        @Test
        void test() {
        }
    }

    @Test
    void namesAFieldTheModelDoesNotHave() {
        assertThat(Kit.failure(UnknownField.class)).isEqualTo("Fixture fixtures/unknown_field.json line 3: Student has"
                + " no field 'grade'. Its fields: id, name, address, score.");
    }

    @Scenario
    @ClickhouseTest
    @Fixtures("fixtures/unknown_model.json")
    static class UnknownModel {
        @Test
        void test() {
        }
    }

    @Test
    void namesAnUnknownModel() {
        assertThat(Kit.failure(UnknownModel.class)).isEqualTo("Fixture fixtures/unknown_model.json line 2: unknown model"
                + " 'events.Evnt'. Name a model class, or app.Model of the test's models [Event, Student]"
                + " (@ClickhouseTest(models) or chorm.models.packages).");
    }

    @Scenario
    @ClickhouseTest
    @Fixtures("fixtures/missing.json")
    static class MissingFile {
        @Test
        void test() {
        }
    }

    @Test
    void namesAMissingFile() {
        assertThat(Kit.failure(MissingFile.class)).isEqualTo("Fixture fixtures/missing.json is not on the test classpath."
                + " Put it under src/test/resources/fixtures/missing.json.");
    }
}
