package dev.chorm.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.junit.events.Student;
import dev.chorm.query.QuerySet;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The three flush modes, each a class whose ordered methods see (or do not see) earlier rows. */
class FlushTest {

    static Student student(String name) {
        Student s = new Student();
        s.name = name;
        return s;
    }

    @Scenario
    @ClickhouseTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerMethod {
        @Test
        @Order(1)
        void writes(QuerySet<Student> students) {
            students.bulkCreate(List.of(student("a"), student("b")));
            assertThat(students.count()).isEqualTo(2);
        }

        @Test
        @Order(2)
        void startsEmpty(QuerySet<Student> students) {
            assertThat(students.count()).isZero();
        }
    }

    @Scenario
    @ClickhouseTest(flush = Flush.NEVER)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Never {
        @Test
        @Order(1)
        void writes(QuerySet<Student> students) {
            students.create(student("a"));
        }

        @Test
        @Order(2)
        void seesTheRowsOfEarlierMethods(QuerySet<Student> students) {
            assertThat(students.count()).isEqualTo(1);
        }
    }

    @Scenario
    @ClickhouseTest(flush = Flush.CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClass {
        @Test
        @Order(1)
        void writes(QuerySet<Student> students) {
            students.create(student("a"));
        }

        @Test
        @Order(2)
        void seesTheRowsOfEarlierMethods(QuerySet<Student> students) {
            assertThat(students.count()).isEqualTo(1);
        }

        @Nested
        class Inner {
            @Test
            void startsEmptyInTheSharedDatabase(QuerySet<Student> students) {
                assertThat(students.count()).isZero();
            }
        }
    }

    @Test
    void flushesBeforeEveryMethodButTheFirst() {
        Kit.run(PerMethod.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
    }

    @Test
    void neverFlushes() {
        Kit.run(Never.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
    }

    @Test
    void flushesPerClass() {
        Kit.run(PerClass.class).testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
    }
}
