package dev.chorm.junit.internal;

import dev.chorm.db.Config;
import dev.chorm.db.Database;
import dev.chorm.db.DatabaseConfig;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Hold what lives as long as the test JVM, in JUnit's root store: the servers (the embedded engine
 * or a container, started on first use), one administrative connection per server, and the
 * migrated template databases. Closing it (at the end of the run) drops the templates and stops
 * what it started.
 */
@SuppressWarnings("deprecation") // CloseableResource: still the one type every JUnit 5 version closes
final class TestServers implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final String runId = randomId();
    private final AtomicInteger counter = new AtomicInteger();
    private final Map<String, Memo<Server>> servers = new ConcurrentHashMap<>();
    private final Map<String, Memo<Database>> admins = new ConcurrentHashMap<>();
    private final Map<String, Memo<Template>> templates = new ConcurrentHashMap<>();

    /** Return the server of {@code c}: its URL, else the container {@code chorm.test.container} names, else the embedded engine. */
    Server server(Config config, DatabaseConfig c) {
        if (c.url().isPresent()) {
            return servers.computeIfAbsent("url:" + c.url().get() + "|" + c.user(), k -> new Memo<>(() -> new UrlServer(c))).get();
        }
        return config.get(ContainerServer.KEY)
                .map(image -> servers.computeIfAbsent("container:" + image, k -> new Memo<>(() -> container(image))).get())
                .orElseGet(() -> servers.computeIfAbsent("embedded", k -> new Memo<>(EmbeddedServer::acquire)).get());
    }

    private static Server container(String image) {
        try {
            Class.forName("org.testcontainers.clickhouse.ClickHouseContainer", false, TestServers.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new SetupException(("%s=%s asks for a ClickHouse container, but Testcontainers' ClickHouse module"
                    + " is not on the test classpath. Add org.testcontainers:clickhouse (test scope), or remove %s"
                    + " to use the embedded engine.").formatted(ContainerServer.KEY, image, ContainerServer.KEY));
        }
        return ContainerServer.start(image);
    }

    /** Return a connection to {@code server}'s {@code default} database, for creating and dropping test databases. */
    Database admin(Server server) {
        return admins.computeIfAbsent(server.identity(),
                k -> new Memo<>(() -> Database.open("chorm-test-admin", server.jdbcUrl("default"), server.credentials(),
                        Map.of()))).get();
    }

    /** Return the template for {@code key}, created by {@code create} for the first class that needs it. */
    Template template(String key, Supplier<Template> create) {
        return templates.computeIfAbsent(key, k -> new Memo<>(create)).get();
    }

    /** Return a database name unique to this run: {@code base_<run id>_<n>}. */
    String uniqueName(String base) {
        return base + "_" + runId + "_" + counter.incrementAndGet();
    }

    private static String randomId() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        templates.values().forEach(m -> run(failures, () -> {
            Template t = m.peek();
            if (t != null) {
                t.drop();
            }
        }));
        admins.values().forEach(m -> run(failures, () -> {
            Database db = m.peek();
            if (db != null) {
                db.close();
            }
        }));
        servers.values().forEach(m -> run(failures, () -> {
            if (m.peek() instanceof EmbeddedServer) {
                EmbeddedServer.release();
            } else if (m.peek() instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }));
        if (!failures.isEmpty()) {
            failures.subList(1, failures.size()).forEach(failures.get(0)::addSuppressed);
            throw failures.get(0);
        }
    }

    private static void run(List<RuntimeException> failures, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }
}
