package dev.chorm.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.query.fixtures.Book;
import dev.chorm.query.fixtures.Magazine;
import dev.chorm.query.fixtures.Publisher;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Django's reverse relations: from Publisher across the foreign keys of Book and Magazine. */
class ReverseRelationEngineTest {
    private static Database db;

    @BeforeAll
    static void load() {
        db = EngineSupport.open("reverse");
        db.createTables(Publisher.class, Book.class, Magazine.class);
        db.execute("INSERT INTO publisher (id, name) VALUES (1, 'Penguin'), (2, 'Faber'), (3, 'Empty')");
        db.execute("INSERT INTO book (id, title, price, publisher_id) VALUES (1, 'a', 10, 1), (2, 'b', 25, 1),"
                + " (3, 'c', 5, 2)");
        db.execute("INSERT INTO magazine (id, title, issues, publisher_id) VALUES (1, 'm', 12, 2), (2, 'n', 4, 2)");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static QuerySet<Publisher> publishers() {
        return db.objects(Publisher.class);
    }

    @Test
    void filtersAcrossTheDefaultRelatedName() {
        QuerySet<Publisher> qs = publishers().filter("book__price__gt", 20);
        assertThat(qs.toSql()).isEqualTo("SELECT `publisher`.`id`, `publisher`.`name` FROM `publisher`"
                + " LEFT OUTER JOIN `book` AS `book` ON `publisher`.`id` = `book`.`publisher_id`"
                + " WHERE `book`.`price` > 20 SETTINGS join_use_nulls = 1");
        assertThat(qs.fetch()).extracting(p -> p.name).containsExactly("Penguin");
        assertThat(publishers().filter("book__title", "c").get().name).isEqualTo("Faber");
    }

    @Test
    void aggregatesAcrossTheReverseRelation() {
        QuerySet<Map<String, Object>> qs = publishers().values("name").annotate("total", Sum.of("book__price"))
                .annotate("books", Count.of("book__id")).orderBy("name");
        Map<String, Object> empty = new java.util.LinkedHashMap<>();
        empty.put("name", "Empty");
        empty.put("total", null);
        empty.put("books", 0L);
        assertThat(qs.fetch()).containsExactly(empty, Map.of("name", "Faber", "total", 5.0, "books", 1L),
                Map.of("name", "Penguin", "total", 35.0, "books", 2L));
    }

    @Test
    void anExplicitRelatedNameNamesTheRelation() {
        assertThat(publishers().filter("magazines__issues__gte", 10).get().name).isEqualTo("Faber");
        assertThat(publishers().aggregate("issues", Sum.of("magazines__issues")).get("issues")).isEqualTo(16L);
        assertThat(publishers().values("name").annotate("issues", Max.of("magazines__issues"))
                .filter("name", "Faber").get()).isEqualTo(Map.of("name", "Faber", "issues", 12));
    }
}
