package dev.chorm.junit.internal;

import dev.chorm.db.Database;
import dev.chorm.db.DatabaseConfig;
import dev.chorm.schema.StorageProfiles;
import java.util.List;
import java.util.Map;

/**
 * Create the test databases of one class, alias by alias in dependency order: a managed alias gets
 * a new database (ON CLUSTER when it has a test cluster) filled from the JVM's template for it, or
 * migrated directly when it is on a cluster or its template cannot be copied; an unmanaged alias
 * connects to its managed alias's database.
 */
final class Provisioner {
    private final TestServers servers;

    Provisioner(TestServers servers) {
        this.servers = servers;
    }

    /** Return the databases of {@code setup}'s class; on failure, drop what was already created. */
    ClassDatabases provision(TestSetup setup) {
        AliasPlan plan = AliasPlan.resolve(setup.config(), setup.requested());
        ClassDatabases out = new ClassDatabases(setup);
        try {
            for (AliasPlan.Step step : plan.steps()) {
                out.add(step.managed() ? createManaged(setup, step) : connectUnmanaged(setup, step, out.entry(step.managedBy())));
            }
            return out;
        } catch (RuntimeException e) {
            try {
                out.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private ClassDatabases.Entry createManaged(TestSetup setup, AliasPlan.Step step) {
        DatabaseConfig c = step.config();
        Server server = servers.server(setup.config(), c);
        Database admin = servers.admin(server);
        String cluster = c.testCluster();
        Map<String, String> settings = SyncSettings.merge(c.settings(), !cluster.isEmpty(), replicas(admin, c));
        StorageProfiles profiles = setup.config().profiles(step.alias());
        Template template = cluster.isEmpty() ? template(setup, step, server, admin, settings) : null;
        String name;
        if (template != null && template.copyable()) {
            name = template.take(() -> servers.uniqueName(baseName(setup, c)));
            return new ClassDatabases.Entry(step.alias(), server, admin, name, server.open(step.alias(), name, settings, profiles),
                    true, "");
        }
        name = servers.uniqueName(baseName(setup, c));
        admin.schemaEditor().createDatabase(name, cluster);
        Database db = server.open(step.alias(), name, settings, profiles);
        try {
            fill(setup, step.alias(), db, name, cluster);
            return new ClassDatabases.Entry(step.alias(), server, admin, name, db, true, cluster);
        } catch (RuntimeException e) {
            db.close();
            admin.execute(admin.schemaEditor().renderer().dropDatabase(name, cluster, false));
            throw e;
        }
    }

    private Template template(TestSetup setup, AliasPlan.Step step, Server server, Database admin, Map<String, String> settings) {
        StorageProfiles profiles = setup.config().profiles(step.alias());
        String key = String.join("|", step.alias(), server.identity(), SchemaFiller.identity(setup), settings.toString(),
                profiles.describe());
        return servers.template(key, () -> {
            String name = servers.uniqueName(baseName(setup, step.config()) + "_template");
            admin.schemaEditor().createDatabase(name, "");
            Template template = new Template(admin, name, List.of());
            try (Database db = server.open(step.alias(), name, settings, profiles)) {
                fill(setup, step.alias(), db, name, "");
            } catch (RuntimeException e) {
                template.drop();
                throw e;
            }
            return new Template(admin, name, Tables.of(admin, name));
        });
    }

    private static void fill(TestSetup setup, String alias, Database db, String name, String cluster) {
        try {
            SchemaFiller.fill(setup, db, cluster);
        } catch (RuntimeException e) {
            throw new SetupException(("Cannot set up the test database %s of alias '%s': %s%n"
                    + "The test databases are created afresh on every run: fix the migration and run the tests again.")
                    .formatted(name, alias, e.getMessage()), e);
        }
    }

    private ClassDatabases.Entry connectUnmanaged(TestSetup setup, AliasPlan.Step step, ClassDatabases.Entry managed) {
        DatabaseConfig c = step.config();
        Server server = servers.server(setup.config(), c);
        String cluster = c.testCluster().isEmpty() ? managed.cluster() : c.testCluster();
        Map<String, String> settings = SyncSettings.merge(c.settings(), !cluster.isEmpty(),
                cluster.isEmpty() ? 0 : replicas(servers.admin(server), c));
        Database db = server.open(step.alias(), managed.database(), settings, setup.config().profiles(step.alias()));
        return new ClassDatabases.Entry(step.alias(), server, servers.admin(server), managed.database(), db, false, cluster);
    }

    /** Return {@code test.name}, else {@code test_} plus the configured database (as Django names test databases). */
    private static String baseName(TestSetup setup, DatabaseConfig c) {
        return setup.config().get("chorm.databases." + c.alias() + ".test.name")
                .orElseGet(() -> "test_" + c.url().map(JdbcUrls::database).orElse("default"));
    }

    /** Return the replicas per shard of the alias's test cluster (insert_quorum waits for all), 0 without one. */
    private static int replicas(Database admin, DatabaseConfig c) {
        if (c.testCluster().isEmpty()) {
            return 0;
        }
        List<Map<String, Object>> rows = admin.raw("SELECT toUInt32(max(replica_num)) AS n, count() AS nodes"
                + " FROM system.clusters WHERE cluster = {c:String}", "c", c.testCluster()).fetchMaps();
        if (rows.isEmpty() || Long.parseLong(rows.get(0).get("nodes").toString()) == 0) {
            throw new SetupException(("chorm.databases.%s.test.cluster=%s, but the server has no such cluster"
                    + " (system.clusters). Name a cluster of the server's remote_servers configuration.")
                    .formatted(c.alias(), c.testCluster()));
        }
        return Integer.parseInt(rows.get(0).get("n").toString());
    }
}
