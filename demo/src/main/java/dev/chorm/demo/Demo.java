package dev.chorm.demo;

import dev.chorm.db.Config;
import dev.chorm.db.Database;
import dev.chorm.demo.events.Event;
import dev.chorm.migrations.AppModels;
import dev.chorm.migrations.MakeMigrationsOptions;
import dev.chorm.migrations.MigrateOptions;
import dev.chorm.migrations.MigrationStatus;
import dev.chorm.migrations.Migrations;
import dev.chorm.migrations.ProgressListener;
import dev.chorm.query.Count;
import dev.chorm.query.Q;
import dev.chorm.query.QuerySet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The main job, a plain batch program on the embedded ClickHouse: apply the migrations that ship
 * in this jar, load events with bulkCreate, query them with QuerySets, update and delete.
 * {@code Demo --makemigrations DIR} writes the migrations that model changes need into DIR.
 */
public final class Demo {
    private Demo() {
    }

    /** Run the demo. */
    public static void main(String[] args) {
        Config config = Config.load();
        ClassLoader loader = Demo.class.getClassLoader();
        Path sources = Path.of(args.length > 1 ? args[1] : "demo/src/main/resources/db/clickhouse");
        if (args.length > 0 && args[0].equals("--makemigrations")) {
            // Writing migrations needs only the models, not the engine.
            Migrations migrations = Migrations.builder().models(AppModels.scan(loader, config.modelPackages()))
                    .classLoader(loader).directory(sources).build();
            System.out.println(migrations.makeMigrations(MakeMigrationsOptions.defaults()).summary());
            return;
        }
        try (Database db = Database.connect(config)) {
            Migrations migrations = Migrations.builder(config, db, loader, sources).build();
            migrations.migrate(MigrateOptions.latest().withListener(ProgressListener.printing(System.out::println)));
            System.out.println(MigrationStatus.render(migrations.showMigrations()));
            run(db.objects(Event.class));
        }
    }

    private static void run(QuerySet<Event> events) {
        events.delete();
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        long loaded = events.bulkCreate(IntStream.range(0, 100_000).mapToObj(i -> event(i, start)).toList(), 25_000);
        System.out.printf("Loaded %,d events with bulkCreate.%n", loaded);

        System.out.printf("TCP events on ports >= 1024: %,d%n", events.filter("protocol", "TCP").filter("port__gte", 1024).count());
        QuerySet<Map<String, Object>> byProtocol = events
                .filter(Q.of("action", Event.Action.DROP).or(Q.of("port__in", List.of(22, 23))))
                .values("protocol").annotate("n", Count.all()).orderBy("-n");
        System.out.println("Dropped or telnet/ssh events by protocol: " + byProtocol.fetch());
        System.out.println("  SQL: " + byProtocol.toSql());
        System.out.println("Busiest ports on Nov 2: " + events.filter("timestamp__date", java.time.LocalDate.parse("2026-11-02"))
                .prewhere("action", Event.Action.PASS).values("port").annotate("n", Count.all()).orderBy("-n").limit(3).fetch());

        events.filter("port__in", List.of(22, 23)).update(Map.of("protocol", "SSH"));
        System.out.printf("After update, SSH events: %,d%n", events.filter("protocol", "SSH").count());
        events.filter("action", Event.Action.ALERT).delete();
        System.out.printf("After deleting alerts: %,d events remain.%n", events.count());
    }

    private static Event event(int i, Instant start) {
        Event e = new Event();
        e.ip = "10.0." + (i % 250) + "." + (i % 200);
        e.port = i % 7 == 0 ? 22 : 1000 + i % 60_000;
        e.protocol = i % 3 == 0 ? "UDP" : "TCP";
        e.timestamp = start.plusSeconds(i * 7L);
        e.action = Event.Action.values()[i % 3];
        return e;
    }
}
