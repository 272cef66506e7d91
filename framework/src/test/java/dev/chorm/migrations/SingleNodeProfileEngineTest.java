package dev.chorm.migrations;

import static dev.chorm.migrations.TestDatabases.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ModelDefinitionException;
import dev.chorm.db.Database;
import dev.chorm.migrations.fixtures.cluster.Aggregating;
import dev.chorm.migrations.fixtures.cluster.ClusterModels;
import dev.chorm.migrations.fixtures.cluster.Collapsing;
import dev.chorm.migrations.fixtures.cluster.DistributedStudent;
import dev.chorm.migrations.fixtures.cluster.Replacing;
import dev.chorm.migrations.fixtures.cluster.Student;
import dev.chorm.migrations.fixtures.cluster.Summing;
import dev.chorm.migrations.fixtures.cluster.VersionedCollapsing;
import dev.chorm.migrations.operations.ProjectState;
import dev.chorm.model.TableSpec;
import dev.chorm.query.QuerySet;
import dev.chorm.schema.SchemaEditor;
import dev.chorm.schema.StorageProfile;
import dev.chorm.schema.StorageProfiles;
import dev.chorm.schema.TableMapping;
import dev.chorm.testing.TestEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster-shaped models (every Replicated engine, the reference backend's Student and
 * DistributedStudent) on the embedded engine under {@code single-node}: the migration file written
 * for the cluster applies, the tables compare equal to the declared models under the mapping, rows
 * go in, come out, mutate, and the engines keep their arguments (FINAL replaces, sums, collapses);
 * migrating to zero removes every table.
 */
class SingleNodeProfileEngineTest {
    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        String name = TestDatabases.fresh("single_node");
        db = Database.open("test", TestEngine.shared().jdbcUrl(name), TestEngine.shared().jdbcProperties(),
                Map.of("mutations_sync", "2"), StorageProfiles.of(StorageProfile.SINGLE_NODE, "test"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Migrations migrations() {
        // The reference configuration names a migration cluster; single-node keeps the history local anyway.
        return Migrations.builder().models(AppModels.of(Map.of("cluster", ClusterModels.ALL))).directory(dir)
                .classLoader(null).sql(db.executor()).profiles(db.profiles()).cluster("cluster").build();
    }

    @Test
    void theClusterMigrationAppliesAndTheTablesMatchTheModelsUnderTheMapping() {
        migrations().makeMigrations(MakeMigrationsOptions.defaults());
        migrations().migrate(MigrateOptions.latest());

        ProjectState declared = AppModels.of(Map.of("cluster", ClusterModels.ALL)).state();
        TableMapping.Tables tables = (database, name) -> declared.models("cluster").values().stream()
                .filter(t -> t.name().equals(name)).findFirst();
        declared.models("cluster").forEach((model, table) -> {
            SchemaEditor editor = SchemaEditor.executing(db.executor())
                    .withMapping(TableMapping.of(StorageProfile.SINGLE_NODE, tables, "cluster." + model));
            Optional<TableSpec> live = editor.introspect(table);
            assertThat(live).as(model).isPresent();
            assertThat(live.get()).as(model).isEqualTo(editor.canonicalize(table));
            assertThat(live.get().engine().isReplicated()).as(model).isFalse();
        });
        assertThat(engineOf("replacing")).isEqualTo("ReplacingMergeTree(version)");
        assertThat(engineOf("versioned_collapsing")).isEqualTo("VersionedCollapsingMergeTree(sign, version)");
        assertThat(engineOf("summing")).isEqualTo("SummingMergeTree((amount))");
        assertThat(engineOf("distributed_student")).isEqualTo("MergeTree");
        assertThat(migrations().makeMigrations(MakeMigrationsOptions.defaults().withCheck(true)).changesDetected()).isFalse();
    }

    @Test
    void compareTableUsesTheModelOverrideAsCreateTablesDoes() {
        String name = TestDatabases.fresh("model_override");
        StorageProfiles studentLocal = new StorageProfiles(StorageProfile.CLUSTER, "test",
                Map.of("cluster.Student", StorageProfile.SINGLE_NODE));
        try (Database local = Database.open("test", TestEngine.shared().jdbcUrl(name),
                TestEngine.shared().jdbcProperties(), Map.of(), studentLocal)) {
            local.createTables(Student.class);
            assertThat(local.compareTable(Student.class).differences()).isEmpty();
            assertThat(local.compareTable(Student.class).matches()).isTrue();
        }
    }

    @Test
    void theReadmeCrudRunsOnTheDistributedModel() {
        migrations().makeMigrations(MakeMigrationsOptions.defaults());
        migrations().migrate(MigrateOptions.latest());
        QuerySet<DistributedStudent> students = db.objects(DistributedStudent.class);
        List<DistributedStudent> created = IntStream.range(0, 10).mapToObj(i -> {
            DistributedStudent s = new DistributedStudent();
            s.name = "Student" + i;
            s.score = (byte) (i * 10);
            return s;
        }).toList();
        students.bulkCreate(created);
        assertThat(students.count()).isEqualTo(10);
        List<Long> ids = created.stream().map(DistributedStudent::id).toList();
        students.filter("id__in", ids.subList(5, 10)).update(Map.of("name", "lol"));
        students.filter("id__in", ids.subList(0, 5)).delete();
        assertThat(students.orderBy("score").fetch()).extracting(s -> s.name + "/" + s.score)
                .containsExactly("lol/50", "lol/60", "lol/70", "lol/80", "lol/90");
    }

    @Test
    void everyReplicatedEngineKeepsItsArgumentsOnOneNode() {
        migrations().makeMigrations(MakeMigrationsOptions.defaults());
        migrations().migrate(MigrateOptions.latest());

        QuerySet<Student> students = db.objects(Student.class);
        students.bulkCreate(List.of(student(1, "a"), student(2, "b")));
        students.filter("id", 2).update(Map.of("address", "moved"));
        assertThat(students.orderBy("id").fetch()).extracting(s -> s.name + "@" + s.address).containsExactly("a@", "b@moved");

        QuerySet<Replacing> replacing = db.objects(Replacing.class);
        replacing.bulkCreate(List.of(replacing(1, "old", 1), replacing(1, "new", 2), replacing(2, "other", 1)));
        assertThat(replacing.asFinal().orderBy("id").fetch()).extracting(r -> r.name).containsExactly("new", "other");

        QuerySet<Summing> summing = db.objects(Summing.class);
        summing.bulkCreate(List.of(summing("k", 2), summing("k", 3), summing("j", 7)));
        assertThat(summing.asFinal().orderBy("key").fetch()).extracting(s -> s.key + "=" + s.amount)
                .containsExactly("j=7", "k=5");

        QuerySet<Aggregating> aggregating = db.objects(Aggregating.class);
        aggregating.bulkCreate(List.of(aggregating("k"), aggregating("k"), aggregating("j")));
        assertThat(aggregating.asFinal().count()).isEqualTo(2);

        QuerySet<Collapsing> collapsing = db.objects(Collapsing.class);
        collapsing.bulkCreate(List.of(collapsing(1, 1), collapsing(1, -1), collapsing(2, 1)));
        assertThat(collapsing.asFinal().fetch()).extracting(Collapsing::id).containsExactly(2L);

        QuerySet<VersionedCollapsing> versioned = db.objects(VersionedCollapsing.class);
        versioned.bulkCreate(List.of(versioned(1, 1, 1), versioned(1, -1, 1), versioned(1, 1, 2)));
        assertThat(versioned.asFinal().fetch()).extracting(v -> v.version).containsExactly(2L);

        replacing.filter("id", 2).update(Map.of("name", "renamed"));
        summing.filter("key", "j").delete();
        collapsing.filter("id", 2).update(Map.of("name", "kept"));
        versioned.delete();
        assertThat(replacing.asFinal().orderBy("id").fetch()).extracting(r -> r.name).containsExactly("new", "renamed");
        assertThat(summing.asFinal().fetch()).extracting(s -> s.key).containsExactly("k");
        assertThat(collapsing.asFinal().fetch()).extracting(c -> c.name).containsExactly("kept");
        assertThat(versioned.count()).isZero();

        migrations().migrate(MigrateOptions.to("cluster/zero"));
        for (String table : List.of("student", "distributed_student", "replacing", "summing", "aggregating",
                "collapsing", "versioned_collapsing")) {
            assertThat(count(db, "SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = '"
                    + table + "'")).as(table).isZero();
        }
        assertThat(migrations().showMigrations()).noneMatch(MigrationStatus::applied);
    }

    @Test
    void migrateRefusesAModelItsProfileCannotRenderBeforeCreatingAnyTable() {
        Migrations orphan = Migrations.builder().models(AppModels.of("cluster", Replacing.class, DistributedStudent.class))
                .directory(dir).classLoader(null).sql(db.executor()).profiles(db.profiles()).build();
        orphan.makeMigrations(MakeMigrationsOptions.defaults());
        assertThatThrownBy(() -> orphan.migrate(MigrateOptions.latest())).isInstanceOf(ModelDefinitionException.class)
                .hasMessageStartingWith("Model cluster.DistributedStudent (engine Distributed('cluster', currentDatabase(),"
                        + " 'student', rand())) cannot be rendered for the single-node profile: it reads table student,");
        assertThat(count(db, "SELECT count() FROM system.tables WHERE database = currentDatabase()"
                + " AND name IN ('replacing', 'distributed_student')")).isZero();
    }

    private String engineOf(String table) {
        return db.query("SELECT engine_full FROM system.tables WHERE database = currentDatabase() AND name = '" + table
                + "'").get(0).get("engine_full").toString().replaceFirst(" (ORDER|PRIMARY|SETTINGS) .*", "");
    }

    private static Student student(long id, String name) {
        Student s = new Student();
        s.setId(id);
        s.name = name;
        return s;
    }

    private static Replacing replacing(long id, String name, long version) {
        Replacing r = new Replacing();
        r.setId(id);
        r.name = name;
        r.version = version;
        return r;
    }

    private static Summing summing(String key, long amount) {
        Summing s = new Summing();
        s.key = key;
        s.amount = amount;
        return s;
    }

    private static Aggregating aggregating(String key) {
        Aggregating a = new Aggregating();
        a.key = key;
        a.total = 1;
        return a;
    }

    private static Collapsing collapsing(long id, int sign) {
        Collapsing c = new Collapsing();
        c.setId(id);
        c.sign = (byte) sign;
        return c;
    }

    private static VersionedCollapsing versioned(long id, int sign, long version) {
        VersionedCollapsing v = new VersionedCollapsing();
        v.setId(id);
        v.sign = (byte) sign;
        v.version = version;
        return v;
    }
}
