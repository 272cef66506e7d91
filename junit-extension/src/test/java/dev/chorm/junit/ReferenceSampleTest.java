package dev.chorm.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.junit.events.Event;
import dev.chorm.query.QuerySet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reference backend's README in Java: its sample test case ({@code assert Event.objects.count() == 0})
 * and its create, update and delete examples, which assert right after the mutation (no sleep:
 * the extension makes mutations synchronous).
 */
@ClickhouseTest
class ReferenceSampleTest {

    @Test
    void spam(QuerySet<Event> events) {
        assertThat(events.count()).isEqualTo(0);
    }

    @Test
    void createsUpdatesAndDeletes(QuerySet<Event> events) {
        List<Event> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Event e = new Event();
            e.ipNullable = null;
            e.port = i;
            e.protocol = "HTTP";
            e.content = "test";
            e.action = Event.Action.PASS;
            rows.add(e);
        }
        events.bulkCreate(rows);
        assertThat(events.count()).isEqualTo(10);
        assertThat(events.filter("content", "test").fetch()).hasSize(10);

        events.filter("port__in", List.of(1, 2, 3)).update(Map.of("protocol", "TCP"));
        assertThat(events.filter("protocol", "TCP").count()).isEqualTo(3);

        events.filter("protocol", "TCP").delete();
        assertThat(events.filter("protocol", "TCP").exists()).isFalse();
        assertThat(events.count()).isEqualTo(7);
    }
}
