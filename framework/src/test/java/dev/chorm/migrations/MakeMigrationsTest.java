package dev.chorm.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.MigrationException;
import dev.chorm.migrations.fixtures.billing.Invoice;
import dev.chorm.migrations.fixtures.billing.Payment;
import dev.chorm.migrations.fixtures.shop.Changed;
import dev.chorm.migrations.fixtures.shop.Customer;
import dev.chorm.migrations.fixtures.shop.Order;
import dev.chorm.migrations.fixtures.shop.Product;
import dev.chorm.migrations.operations.AlterField;
import dev.chorm.migrations.operations.CreateModel;
import dev.chorm.migrations.operations.RenameField;
import dev.chorm.model.ModelMeta;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run makemigrations over model classes and migration folders, without a database. */
class MakeMigrationsTest {
    @TempDir
    Path dir;

    private Migrations migrations(Class<?> event) {
        return Migrations.builder().models(AppModels.of("events", event)).directory(dir).classLoader(null).build();
    }

    @Test
    void firstRunWritesTheInitialMigrationAndTheNextFindsNothing() {
        MakeMigrationsResult first = migrations(dev.chorm.migrations.fixtures.v1.Event.class)
                .makeMigrations(MakeMigrationsOptions.defaults());
        assertThat(first.summary()).isEqualTo("Migrations for 'events':\n  " + dir.resolve("events/0001_initial.json")
                + "\n    - Create model Event (table event)");
        assertThat(first.migrations().get(0).initial()).isTrue();

        MakeMigrationsResult second = migrations(dev.chorm.migrations.fixtures.v1.Event.class)
                .makeMigrations(MakeMigrationsOptions.defaults());
        assertThat(second.changesDetected()).isFalse();
        assertThat(second.summary()).isEqualTo("No changes detected");
    }

    private Migrations shopAndBilling(Class<?> product) {
        return Migrations.builder().models(AppModels.of(java.util.Map.of(
                        "shop", List.of(product, Order.class, Customer.class),
                        "billing", List.of(Invoice.class, Payment.class))))
                .directory(dir).classLoader(null).build();
    }

    @Test
    void appsOfSeveralModelsGetOneMigrationEachAndThenNoChange() {
        MakeMigrationsResult first = shopAndBilling(Product.class).makeMigrations(MakeMigrationsOptions.defaults());
        assertThat(first.summary()).isEqualTo("Migrations for 'billing':\n  " + dir.resolve("billing/0001_initial.json")
                + "\n    - Create model Invoice (table invoice)\n    - Create model Payment (table payment)\n"
                + "Migrations for 'shop':\n  " + dir.resolve("shop/0001_initial.json")
                + "\n    - Create model Customer (table customer)\n    - Create model Order (table order)"
                + "\n    - Create model Product (table product)");

        assertThat(shopAndBilling(Product.class).makeMigrations(MakeMigrationsOptions.defaults()).summary())
                .isEqualTo("No changes detected");
        assertThat(shopAndBilling(Product.class).check()).isEmpty();
    }

    @Test
    void aChangeToOneModelOfASeveralModelAppGivesOneMigrationForThatApp() {
        shopAndBilling(Product.class).makeMigrations(MakeMigrationsOptions.defaults());

        MakeMigrationsResult second = shopAndBilling(Changed.Product.class).makeMigrations(MakeMigrationsOptions.defaults());

        assertThat(second.summary()).isEqualTo("Migrations for 'shop':\n  " + dir.resolve("shop/0002_product_price.json")
                + "\n    - Add field price to Product");
        assertThat(shopAndBilling(Changed.Product.class).check()).isEmpty();
    }

    @Test
    void anAppWhosePackageYieldsNoModelsIsRefusedRatherThanEmptied() throws Exception {
        migrations(dev.chorm.migrations.fixtures.v1.Event.class).makeMigrations(MakeMigrationsOptions.defaults());
        Migrations nothingFound = Migrations.builder().models(AppModels.of(java.util.Map.of("events", List.of())))
                .directory(dir).classLoader(null).build();

        assertThatThrownBy(() -> nothingFound.makeMigrations(MakeMigrationsOptions.defaults()))
                .isInstanceOf(MigrationException.class)
                .hasMessage("App 'events' has migrations for Event, but no model class was found in its package."
                        + " Check chorm.models.packages and that the classes are compiled ('mvn compile'). To delete"
                        + " every model of the app, write DeleteModel operations in a migration made with empty=true.");
        try (var files = Files.list(dir.resolve("events"))) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void checkReportsChangedModelsAndWritesNothing() throws Exception {
        migrations(dev.chorm.migrations.fixtures.v1.Event.class).makeMigrations(MakeMigrationsOptions.defaults());
        MakeMigrationsResult check = migrations(dev.chorm.migrations.fixtures.v2.Event.class)
                .makeMigrations(MakeMigrationsOptions.defaults().withCheck(true));

        assertThat(check.changesDetected()).isTrue();
        assertThat(check.files()).isEmpty();
        assertThat(check.checkFailureMessage()).isEqualTo("""
                Models have changes that are not in migrations yet:
                Migrations for 'events':
                  events/0002_event_note_alter_event_port
                    - Add field note to Event
                    - Alter field port on Event
                Run 'mvn clickhouse:makemigrations' to write them.""");
        try (var files = Files.list(dir.resolve("events"))) {
            assertThat(files).hasSize(1);
        }
        assertThat(migrations(dev.chorm.migrations.fixtures.v2.Event.class).check()).containsExactly(check.checkFailureMessage());
        assertThat(migrations(dev.chorm.migrations.fixtures.v1.Event.class).check()).isEmpty();
    }

    @Test
    void chosenNameAndEmptyMigrationForHandWrittenSql() {
        migrations(dev.chorm.migrations.fixtures.v1.Event.class).makeMigrations(MakeMigrationsOptions.defaults());
        MakeMigrationsResult empty = migrations(dev.chorm.migrations.fixtures.v1.Event.class)
                .makeMigrations(MakeMigrationsOptions.defaults().withEmpty(true).withApps("events").withName("backfill"));
        Migration m = empty.migrations().get(0);
        assertThat(m.key()).isEqualTo(new MigrationKey("events", "0002_backfill"));
        assertThat(m.dependencies()).containsExactly(new MigrationKey("events", "0001_initial"));
        assertThat(m.operations()).isEmpty();
        assertThat(migrations(dev.chorm.migrations.fixtures.v1.Event.class).graph().leaves("events"))
                .containsExactly(m.key());
    }

    @Test
    void appsWithMigrationsButNoModelsInScopeKeepTheirTables() {
        Migrations library = Migrations.builder().models(AppModels.of("audit", dev.chorm.migrations.fixtures.v1.Event.class))
                .directory(dir).classLoader(null).build();
        library.makeMigrations(MakeMigrationsOptions.defaults());

        MakeMigrationsResult result = migrations(dev.chorm.migrations.fixtures.v1.Event.class)
                .makeMigrations(MakeMigrationsOptions.defaults());

        assertThat(result.migrations()).extracting(mig -> mig.key().toString()).containsExactly("events/0001_initial");
    }

    @Test
    void renameAnswerTurnsDropAndAddIntoARename() {
        Migrations v1 = migrations(dev.chorm.migrations.fixtures.v1.Event.class);
        v1.makeMigrations(MakeMigrationsOptions.defaults());
        Migrations renamed = Migrations.builder().models(AppModels.of("events", dev.chorm.migrations.fixtures.Renamed.Event.class))
                .directory(dir).classLoader(null).build();

        assertThatThrownBy(() -> renamed.makeMigrations(MakeMigrationsOptions.defaults()))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("-Dclickhouse.renames=events.Event.protocol=transport");
        MakeMigrationsResult result = renamed.makeMigrations(MakeMigrationsOptions.defaults()
                .withRenames("events.Event.protocol=transport"));

        assertThat(result.migrations().get(0).operations()).hasExactlyElementsOfTypes(RenameField.class);
        assertThat(result.migrations().get(0).key().name()).isEqualTo("0002_rename_protocol_event_transport");
    }

    @Test
    void scanFindsModelsOfAPackageAsOneApp() {
        AppModels apps = AppModels.scan(getClass().getClassLoader(), List.of("dev.chorm.migrations.fixtures.v1"));
        assertThat(apps.labels()).containsExactly("v1");
        assertThat(apps.models("v1")).containsExactly(dev.chorm.migrations.fixtures.v1.Event.class);
        assertThat(apps.state().model("v1", "Event")).isEqualTo(ModelMeta.of(dev.chorm.migrations.fixtures.v1.Event.class).table());
    }

    @Test
    void typesOfTheFirstMigrationsAreDerivedFromModels() {
        Migrations m = migrations(dev.chorm.migrations.fixtures.v1.Event.class);
        assertThat(m.makeMigrations(MakeMigrationsOptions.defaults()).migrations().get(0).operations())
                .hasExactlyElementsOfTypes(CreateModel.class);
        assertThat(migrations(dev.chorm.migrations.fixtures.v2.Event.class).makeMigrations(MakeMigrationsOptions.defaults())
                .migrations().get(0).operations()).last().isInstanceOf(AlterField.class);
    }
}
