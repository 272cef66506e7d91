package dev.chorm.demo;

import dev.chorm.db.Config;
import dev.chorm.db.Database;
import dev.chorm.demo.events.Event;
import dev.chorm.demo.events.Host;
import dev.chorm.migrations.AppModels;
import dev.chorm.migrations.MakeMigrationsOptions;
import dev.chorm.migrations.MigrateOptions;
import dev.chorm.migrations.MigrationStatus;
import dev.chorm.migrations.Migrations;
import dev.chorm.migrations.ProgressListener;
import dev.chorm.query.Aggregate;
import dev.chorm.query.Count;
import dev.chorm.query.expr.Q;
import dev.chorm.query.QuerySet;
import dev.chorm.query.write.MutationMode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The main job, a plain batch program on the embedded ClickHouse: apply the migrations that ship
 * in this jar, load a million events with bulkCreate, and run the analytics a ClickHouse user runs
 * first (filters, group-by with uniq and quantiles, PREWHERE, LIMIT BY, FINAL, a mutation), printing
 * each query's SQL, its rows and its time. {@code Demo --makemigrations DIR} writes the migrations
 * that model changes need into DIR.
 */
public final class Demo {
    /** How many events the demo loads unless {@code --events N} says otherwise. */
    static final int EVENTS = 1_000_000;
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private final PrintStream out;
    private final int eventCount;

    Demo(PrintStream out, int eventCount) {
        this.out = out;
        this.eventCount = eventCount;
    }

    /** Run the demo: no arguments, {@code --events N}, or {@code --makemigrations DIR}. */
    public static void main(String[] args) {
        if (args.length == 2 && args[0].equals("--events")) {
            new Demo(System.out, Integer.parseInt(args[1])).run(Config.load());
            return;
        }
        if (args.length > 0 && args[0].equals("--makemigrations")) {
            Config config = Config.load();
            ClassLoader loader = Demo.class.getClassLoader();
            Path sources = Path.of(args.length > 1 ? args[1] : "demo/src/main/resources/db/clickhouse");
            // Writing migrations needs only the models, not the engine.
            Migrations migrations = Migrations.builder().models(AppModels.scan(loader, config.modelPackages()))
                    .classLoader(loader).directory(sources).build();
            System.out.println(migrations.makeMigrations(MakeMigrationsOptions.defaults()).summary());
            return;
        }
        new Demo(System.out, EVENTS).run(Config.load());
    }

    /** Migrate, load, query; the migrations come from the class path (this jar). */
    void run(Config config) {
        ClassLoader loader = Demo.class.getClassLoader();
        long started = System.nanoTime();
        try (Database db = Database.connect(config)) {
            Path data = config.database("default").dataDir().toAbsolutePath();
            out.printf("chorm demo on the embedded ClickHouse; its data lives in %s (delete it to start afresh).%n%n", data);
            Migrations migrations = Migrations.builder(config, db, loader, null).build();
            migrations.migrate(MigrateOptions.latest().withListener(ProgressListener.printing(out::println)));
            out.println(MigrationStatus.render(migrations.showMigrations()));
            load(db.objects(Event.class), db.objects(Host.class));
            analytics(db.objects(Event.class), db.objects(Host.class), db);
            out.printf("%nDone in %.1f s. The tables stay in %s; run the demo again to reload them.%n",
                    (System.nanoTime() - started) / 1e9, data);
        }
    }

    private void load(QuerySet<Event> events, QuerySet<Host> hosts) {
        events.delete();
        hosts.delete();
        long t0 = System.nanoTime();
        int step = Math.max(1, eventCount / 4);
        // A stream, so the million objects are made as the insert consumes them, never held at once.
        Stream<Event> rows = IntStream.range(0, eventCount).mapToObj(i -> {
            if (i > 0 && i % step == 0) {
                out.printf("  loading events: %,d of %,d (%.1f s)%n", i, eventCount, (System.nanoTime() - t0) / 1e9);
            }
            return event(i);
        });
        long loaded = events.bulkCreate(rows, 200_000);
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf("Loaded %,d events with bulkCreate (Native blocks) in %.1f s, %,.0f rows/s.%n", loaded, seconds, loaded / seconds);
        // Two inventory scans: the second renames some hosts, with a higher version.
        hosts.bulkCreate(IntStream.range(0, 250).mapToObj(i -> host(i, 1, "host-" + i)).toList());
        hosts.bulkCreate(IntStream.range(0, 250).filter(i -> i % 5 == 0).mapToObj(i -> host(i, 2, "renamed-" + i)).toList());
        out.printf("Loaded 250 hosts, then a second scan of 50 of them.%n");
    }

    private void analytics(QuerySet<Event> events, QuerySet<Host> hosts, Database db) {
        show("1. A filter: TCP events on unprivileged ports, per action",
                events.filter("protocol", "TCP").filter("port__gte", 1024)
                        .values("action").annotate("events", Count.all()).orderBy("action"));
        show("2. Group-by with uniq and quantiles: traffic per protocol",
                events.values("protocol").annotate("events", Count.all()).annotate("sources", Aggregate.uniq("ip"))
                        .annotate("bytes_p50_p90_p99", Aggregate.quantiles(List.of(0.5, 0.9, 0.99), "bytes"))
                        .orderBy("-events"));
        show("3. PREWHERE: the busiest ports among dropped events on Nov 2, or telnet/ssh",
                events.prewhere("action", Event.Action.DROP)
                        .filter(Q.of("timestamp__date", LocalDate.parse("2026-11-02")).or(Q.of("port__in", List.of(22, 23))))
                        .values("port").annotate("events", Count.all()).orderBy("-events").limit(5));
        show("4. LIMIT BY: the two busiest ports of each protocol",
                events.filter("port__gte", 1024).values("protocol", "port").annotate("events", Count.all())
                        .orderBy("protocol", "-events", "port").limitBy(2, "protocol"));
        QuerySet<Map<String, Object>> someHosts = hosts.filter("ip__in", List.of("10.0.0.0", "10.0.0.1", "10.0.0.5"))
                .values("ip", "name", "version").orderBy("ip", "version");
        show("5a. ReplacingMergeTree without FINAL: both scans' rows until a merge", someHosts);
        show("5b. FINAL: the latest version of each host", someHosts.asFinal());

        QuerySet<Event> ssh = events.filter("port__in", List.of(22, 23));
        long t0 = System.nanoTime();
        ssh.update(Map.of("protocol", "SSH"), MutationMode.ALTER);
        double ms = (System.nanoTime() - t0) / 1e6;
        // The server's own record of the mutation is the statement that ran: the latest of the table's
        // mutations by number (create_time has whole seconds, and the load's delete may share one).
        Object command = db.query("SELECT command FROM system.mutations WHERE database = currentDatabase() "
                + "AND table = 'demo_event' ORDER BY toUInt64OrZero(extract(mutation_id, '[0-9]+')) DESC LIMIT 1")
                .get(0).get("command");
        out.printf("%n6. A mutation: telnet and ssh ports become protocol SSH (%.0f ms, mutations_sync=2 waits for it)%n", ms);
        out.println("   ALTER TABLE `demo_event` " + String.valueOf(command).replaceAll("^\\((.*)\\)$", "$1"));
        show("   and afterwards", events.values("protocol").annotate("events", Count.all()).orderBy("-events"));
    }

    /** Print a query's title, SQL, rows as a table, and the time to run it. */
    private void show(String title, QuerySet<Map<String, Object>> query) {
        long t0 = System.nanoTime();
        List<Map<String, Object>> rows = query.fetch();
        double ms = (System.nanoTime() - t0) / 1e6;
        out.printf("%n%s (%d rows, %.0f ms)%n   %s%n", title, rows.size(), ms, query.toSql());
        out.print(TextTable.of(rows).indent("   "));
    }

    private static Event event(int i) {
        Event e = new Event();
        e.ip = "10.0." + (i % 250) + "." + (i % 199);
        e.port = i % 7 == 0 ? 22 : i % 11 == 0 ? 443 : 1024 + (i * 31) % 5_000;
        e.protocol = i % 3 == 0 ? "UDP" : "TCP";
        e.timestamp = START.plusMillis(i * 600L); // a million events over a week
        e.action = i % 10 < 7 ? Event.Action.PASS : i % 10 < 9 ? Event.Action.DROP : Event.Action.ALERT;
        e.bytes = 64 + (i * 7919L) % 1_500 + (i % 100 == 0 ? 60_000 : 0);
        return e;
    }

    private static Host host(int i, long version, String name) {
        Host h = new Host();
        h.ip = "10.0.0." + i;
        h.name = name;
        h.owner = i % 2 == 0 ? "ops" : "dev";
        h.version = version;
        h.seenAt = START.plusSeconds(version * 3600);
        return h;
    }
}
