package dev.chorm.junit;

import static dev.chorm.junit.ProvisioningTest.current;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.junit.events.Event;
import dev.chorm.junit.events.Student;
import dev.chorm.query.QuerySet;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every injectable type, per alias; nested classes, PER_CLASS, meta-annotations and inheritance. */
@ClickhouseTest(databases = {"default", "other"}, properties = "chorm.databases.other.test.name=test_other")
class InjectionTest {
    private final String outerDatabase;

    InjectionTest(Database db) {
        this.outerDatabase = current(db);
    }

    @Test
    void injectsEveryTypeOfTheRightAlias(Database db, QuerySet<Event> events, DataSource dataSource, Connection connection,
                                         @Alias("other") Database other, @Alias("other") QuerySet<Student> otherStudents)
            throws SQLException {
        assertThat(db.alias()).isEqualTo("default");
        assertThat(other.alias()).isEqualTo("other");
        assertThat(current(other)).matches("test_other_[a-z0-9]{6}_\\d+").isNotEqualTo(current(db));
        assertThat(dataSource).isSameAs(db.dataSource());
        assertThat(events.count()).isZero();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT currentDatabase()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(current(db));
        }
        otherStudents.create(new Student());
        assertThat(other.objects(Student.class).count()).isEqualTo(1);
        assertThat(db.objects(Student.class).count()).isZero();
    }

    @Nested
    class Inner {
        @Test
        void sharesTheEnclosingClassesDatabases(Database db) {
            assertThat(current(db)).isEqualTo(outerDatabase);
        }
    }

    @Scenario
    @ClickhouseTest
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClass {
        static String seen;
        private final Database db;

        PerClass(Database db) {
            this.db = db;
        }

        @BeforeAll
        void setUp(QuerySet<Student> students) {
            students.create(new Student());
        }

        @Test
        void getsTheConstructorsDatabase(QuerySet<Student> students) {
            seen = current(db) + " " + students.count();
        }
    }

    @Test
    void injectsIntoPerClassConstructorsAndBeforeAllMethods() {
        Kit.run(PerClass.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(PerClass.seen).matches("test_default_[a-z0-9]{6}_\\d+ 1");
    }

    /** A team's own annotation. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Scenario
    @ClickhouseTest(schema = Schema.MODELS, models = Student.class)
    @interface StudentsTest {
    }

    @Scenario
    @StudentsTest
    static class MetaAnnotated {
        static long tables;

        @Test
        void test(Database db) {
            tables = Long.parseLong(db.query("SELECT count() AS n FROM system.tables WHERE database = currentDatabase()")
                    .get(0).get("n").toString());
        }
    }

    @Test
    void worksAsAMetaAnnotation() {
        Kit.run(MetaAnnotated.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(MetaAnnotated.tables).isEqualTo(1);
    }

    @Scenario
    @ClickhouseTest
    abstract static class Base {
    }

    static class Inherits extends Base {
        @Test
        void test(QuerySet<Event> events) {
            assertThat(events.count()).isZero();
        }
    }

    @Test
    void isInherited() {
        Kit.run(Inherits.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }
}
