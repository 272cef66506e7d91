package ${package};

import ${package}.events.Event;
import dev.chorm.db.Config;
import dev.chorm.db.Database;
import dev.chorm.query.Count;
import dev.chorm.query.QuerySet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A batch job on chorm outside tests: load a batch of events, then report the traffic by protocol.
 * The database is the one {@code src/main/resources/clickhouse.properties} names (the embedded
 * engine in {@code .chorm/data} unless a URL is set); apply the migrations first:
 * {@code mvn clickhouse:migrate}, then {@code mvn -q compile exec:java}.
 */
public final class EventReport {
    private EventReport() {
    }

    /** Load {@code args[0]} events (default 1000) and print the counts. */
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        try (Database db = Database.connect(Config.load())) {
            QuerySet<Event> events = db.objects(Event.class);
            events.bulkCreate(batch(count));
            System.out.printf("Loaded %d events; %d in the table.%n", count, events.count());
            List<Map<String, Object>> byProtocol = events.values("protocol").annotate("n", Count.all())
                    .orderBy("-n", "protocol").fetch();
            for (Map<String, Object> row : byProtocol) {
                System.out.printf("%-6s %d%n", row.get("protocol"), ((Number) row.get("n")).longValue());
            }
            System.out.printf("Dropped on port 22: %d%n",
                    events.filter("port", 22).filter("action", Event.Action.DROP).count());
        }
    }

    private static List<Event> batch(int count) {
        Instant now = Instant.now();
        List<Event> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Event e = new Event();
            e.ip = "10.0.0." + (i % 250);
            e.port = i % 4 == 0 ? 22 : 443;
            e.protocol = i % 4 == 0 ? "SSH" : "HTTPS";
            e.timestamp = now.minusSeconds(i);
            e.action = i % 8 == 0 ? Event.Action.DROP : Event.Action.PASS;
            rows.add(e);
        }
        return rows;
    }
}
