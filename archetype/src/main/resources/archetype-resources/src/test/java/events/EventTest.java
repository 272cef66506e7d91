package ${package}.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chorm.junit.ClickhouseTest;
import dev.chorm.query.QuerySet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reference backend's sample test in Java. The class gets its own database, migrated with
 * src/main/resources/db/clickhouse, on the embedded engine; rows are removed after each test.
 */
@ClickhouseTest
class EventTest {

    @Test
    void startsEmpty(QuerySet<Event> events) {
        assertEquals(0, events.count());
    }

    @Test
    void createsUpdatesAndDeletes(QuerySet<Event> events) {
        List<Event> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Event e = new Event();
            e.port = i;
            e.protocol = "HTTP";
            rows.add(e);
        }
        events.bulkCreate(rows);
        assertEquals(10, events.count());

        events.filter("port__in", List.of(1, 2, 3)).update(Map.of("protocol", "TCP"));   // synchronous in tests
        assertEquals(3, events.filter("protocol", "TCP").count());

        events.filter("protocol", "TCP").delete();
        assertFalse(events.filter("protocol", "TCP").exists());
        assertEquals(7, events.count());
    }
}
