package dev.chorm.it.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A new user's first hour, as commands: generate a project from {@code chorm-archetype} (with a
 * package of its own, to see it substituted), build it, migrate, run its batch job, change the
 * model, see the checks fail until a migration is written, write and apply it, print its SQL with
 * {@code -q}, and go back. Each step is one {@code mvn} run in the generated project, against this
 * reactor's artifacts (see {@link MavenRunner}); logs in {@code target/generated-projects/first-hour/logs}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedProjectIT {
    private static final String PACKAGE = "org.acme.telemetry";
    private static MavenRunner mvn;
    private static Path work;
    private static Path project;

    @BeforeAll
    static void generate() throws Exception {
        work = Path.of(MavenRunner.property("chorm.it.work"), "first-hour");
        MavenRunner.deleteRecursively(work);
        mvn = MavenRunner.in(work);
        project = mvn.generate(work, "telemetry", PACKAGE);
    }

    @Test
    @Order(1)
    void generatesTheProjectWithItsPackage() throws IOException {
        Path events = project.resolve("src/main/java/org/acme/telemetry/events/Event.java");
        assertThat(events).exists();
        assertThat(Files.readString(events)).startsWith("package org.acme.telemetry.events;\n");
        assertThat(Files.readString(project.resolve("src/main/java/org/acme/telemetry/EventReport.java")))
                .startsWith("package org.acme.telemetry;\n").contains("import org.acme.telemetry.events.Event;");
        assertThat(Files.readString(project.resolve("src/test/java/org/acme/telemetry/events/EventTest.java")))
                .startsWith("package org.acme.telemetry.events;\n").contains("@ClickhouseTest");
        assertThat(Files.readString(project.resolve("src/main/resources/clickhouse.properties")))
                .contains("\nchorm.models.packages=org.acme.telemetry.events\n")
                .contains("\n#chorm.databases.default.url=jdbc:clickhouse://localhost:8123/default\n")
                .contains("\n#chorm.databases.default.migration-cluster=cluster\n");
        assertThat(project.resolve("src/main/resources/db/clickhouse/events/0001_initial.json")).exists();
        assertThat(Files.readAllLines(project.resolve(".gitignore"))).contains("target/", ".chorm/");
        assertThat(project.resolve("gitignore")).doesNotExist();
        assertThat(project.resolve("README.md")).exists();
        String pom = Files.readString(project.resolve("pom.xml"));
        assertThat(pom).contains("<groupId>org.acme</groupId>", "<artifactId>telemetry</artifactId>",
                "<version>1.0-SNAPSHOT</version>", "<exec.mainClass>org.acme.telemetry.EventReport</exec.mainClass>",
                "<dev.chorm.version>" + MavenRunner.property("chorm.it.chormVersion") + "</dev.chorm.version>",
                "<artifactId>clickhouse-maven-plugin</artifactId>", "<goal>check</goal>");
        assertThat(pom).as("every placeholder is filled in").doesNotContainPattern("@[a-z.-]+@")
                .doesNotContain("${groupId}", "${artifactId}", "${version}", "${package}");
        assertThat(Files.readString(project.resolve(".mvn/jvm.config"))).isEqualTo("-Djansi.noreset=true\n");
    }

    @Test
    @Order(2)
    void verifiesAsGenerated() throws Exception {
        MavenRunner.Result r = mvn.run(project, "verify");
        assertSucceeded(r);
        assertThat(r.stdout()).contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0",
                "System check identified no issues.");
        assertThat(r.stdout()).doesNotContain("[WARNING] Unknown property");
    }

    @Test
    @Order(3)
    void migratesAndHasNoUnmigratedChanges() throws Exception {
        MavenRunner.Result r = mvn.run(project, "clickhouse:migrate", "clickhouse:makemigrations", "-Dclickhouse.check=true");
        assertSucceeded(r);
        assertThat(r.stdout()).contains("Applying events/0001_initial", "Applied 1, unapplied 0, faked 0 migration(s).",
                "No changes detected");
        assertThat(r.stdout()).doesNotContain("have changes that are not yet reflected in a migration");
        assertThat(project.resolve(".chorm/data")).isDirectory();
    }

    @Test
    @Order(4)
    void runsTheBatchJobOnTheMigratedDatabase() throws Exception {
        MavenRunner.Result r = mvn.run(project, "-q", "compile", "exec:java");
        assertSucceeded(r);
        assertThat(r.stdout()).contains("Loaded 1000 events; 1000 in the table.\nHTTPS  750\nSSH    250\nDropped on port 22: 125\n");
    }

    @Test
    @Order(5)
    void failsTheCheckAndWarnsOnMigrateAfterAnUnmigratedModelChange() throws Exception {
        Path model = project.resolve("src/main/java/org/acme/telemetry/events/Event.java");
        String source = Files.readString(model);
        String field = "    @LowCardinality public String protocol = \"\";\n";
        assertThat(source).contains(field);
        Files.writeString(model, source.replace(field, field + "    @LowCardinality public String country = \"\";\n"));

        MavenRunner.Result check = mvn.run(project, "compile", "clickhouse:makemigrations", "-Dclickhouse.check=true");
        assertThat(check.exitCode()).as("makemigrations -Dclickhouse.check=true must fail, see %s", check.log()).isNotZero();
        assertThat(check.stdout()).contains("[ERROR] Failed to execute goal dev.chorm:clickhouse-maven-plugin:",
                "Models have changes that are not in migrations yet:", "- Add field country to Event",
                "Run 'mvn clickhouse:makemigrations' to write them.");

        MavenRunner.Result migrate = mvn.run(project, "clickhouse:migrate");
        assertSucceeded(migrate);
        assertThat(migrate.stdout()).contains("No migrations to apply.", "[WARNING] Your models in app(s): 'events' have"
                + " changes that are not yet reflected in a migration, and so won't be applied. Run 'mvn compile"
                + " clickhouse:makemigrations' to make new migrations, and then re-run 'mvn clickhouse:migrate' to apply them.");
    }

    @Test
    @Order(6)
    void makesMigratesAndShowsTheNewMigration() throws Exception {
        MavenRunner.Result make = mvn.run(project, "clickhouse:makemigrations");
        assertSucceeded(make);
        assertThat(make.stdout()).contains("Migrations for 'events':", "- Add field country to Event");
        Path migration = secondMigration();
        String name = migration.getFileName().toString().replace(".json", "");

        // A typo in a property is named, with the parameter it probably meant.
        MavenRunner.Result r = mvn.run(project, "clickhouse:migrate", "clickhouse:showmigrations", "-Dclickhouse.taget=events",
                "-Dchorm.models.packges=org.acme");
        assertSucceeded(r);
        assertThat(r.stdout()).contains("Applying events/" + name, "Applied 1, unapplied 0, faked 0 migration(s).",
                "[WARNING] Unknown property clickhouse.taget (from the command line): no clickhouse goal has a parameter"
                        + " 'taget', so it is ignored. Did you mean clickhouse.target?",
                "[WARNING] Unknown configuration key 'chorm.models.packges' (given) is ignored: did you mean"
                        + " 'chorm.models.packages'?",
                "events\n [X] 0001_initial\n [X] " + name + "\n");
        assertThat(r.stdout()).doesNotContain("have changes that are not yet reflected in a migration");
    }

    @Test
    @Order(7)
    void printsTheSqlOfAMigrationOnStandardOutputUnderQuiet() throws Exception {
        MavenRunner.Result r = mvn.run(project, "-q", "clickhouse:sqlmigrate", "-Dclickhouse.app=events", "-Dclickhouse.name=0002");
        assertSucceeded(r);
        assertThat(r.stdout()).isEqualTo("-- Add field country to Event\n"
                + "ALTER TABLE `event` ADD COLUMN `country` LowCardinality(String) AFTER `protocol`;\n");
    }

    @Test
    @Order(8)
    void migratesBackwardsToATarget() throws Exception {
        String name = secondMigration().getFileName().toString().replace(".json", "");
        MavenRunner.Result r = mvn.run(project, "clickhouse:migrate", "-Dclickhouse.target=events/0001", "clickhouse:showmigrations");
        assertSucceeded(r);
        assertThat(r.stdout()).contains("Unapplying events/" + name, "Applied 0, unapplied 1, faked 0 migration(s).",
                "events\n [X] 0001_initial\n [ ] " + name + "\n");
    }

    @Test
    @Order(9)
    void namesTheUrlWhenNothingListensThere() throws Exception {
        String url = "jdbc:clickhouse://127.0.0.1:1/default";
        MavenRunner.Result r = mvn.run(project, "-q", "clickhouse:showmigrations", "-Dclickhouse.url=" + url);
        assertThat(r.exitCode()).as("showmigrations without a server must fail, see %s", r.log()).isNotZero();
        String error = r.stdout().lines().filter(l -> l.startsWith("[ERROR] Failed to execute goal")).findFirst().orElse("");
        assertThat(error).contains(url).doesNotContain("ClickHouse rejected");
    }

    @Test
    @Order(10)
    void readsClickhousePropertiesFromTheSourcesWithoutACompile() throws Exception {
        Path properties = project.resolve("src/main/resources/clickhouse.properties");
        Files.writeString(properties, Files.readString(properties).replace("#chorm.databases.default.data-dir=.chorm/data",
                "chorm.databases.default.data-dir=.chorm/edited"));
        MavenRunner.Result r = mvn.run(project, "clickhouse:showmigrations");
        assertSucceeded(r);
        assertThat(r.stdout()).contains("embedded engine, data in " + project.resolve(".chorm/edited"),
                "events\n [ ] 0001_initial\n");
    }

    private static Path secondMigration() throws IOException {
        try (Stream<Path> files = Files.list(project.resolve("src/main/resources/db/clickhouse/events"))) {
            List<Path> second = files.filter(f -> f.getFileName().toString().startsWith("0002_")).toList();
            assertThat(second).as("makemigrations wrote one 0002 migration").hasSize(1);
            return second.get(0);
        }
    }

    private static void assertSucceeded(MavenRunner.Result r) {
        assertThat(r.exitCode()).as("mvn failed, see %s:\n%s", r.log(), r.output()).isZero();
    }
}
