package dev.chorm.migrations;

import static dev.chorm.migrations.TestDatabases.canonical;
import static dev.chorm.migrations.TestDatabases.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.migrations.fixtures.mesh.catalog.Category;
import dev.chorm.migrations.fixtures.mesh.catalog.Product;
import dev.chorm.migrations.fixtures.mesh.catalog.ProductDict;
import dev.chorm.migrations.fixtures.mesh.reports.ProductSales;
import dev.chorm.migrations.fixtures.mesh.reports.Revenue;
import dev.chorm.migrations.fixtures.mesh.reports.SaleLine;
import dev.chorm.migrations.fixtures.mesh.sales.Customer;
import dev.chorm.migrations.fixtures.mesh.sales.Sale;
import dev.chorm.migrations.operations.CreateModel;
import dev.chorm.model.ModelMeta;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three apps with several models each, on the real engine: sales (Sale, Customer), catalog (Product,
 * Category, and ProductDict over Product) and reports (the SaleLine view joining tables of sales and
 * catalog, and the ProductSales materialized view from Sale TO Revenue that calls dictGet on catalog's
 * dictionary). Listed in the wrong order everywhere: makemigrations must find the apps' migration
 * dependencies and each app's creation order from the models alone; migrate creates them, and taking
 * the apps back to zero drops the dependents first.
 */
class CrossAppMigrationsEngineTest {
    private static final List<Class<?>> ALL = List.of(Sale.class, Customer.class, Product.class, Category.class,
            ProductDict.class, SaleLine.class, ProductSales.class, Revenue.class);

    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.open(TestDatabases.fresh("crossapp"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Migrations migrations() {
        return migrations(SaleLine.class, List.of(Sale.class, Customer.class));
    }

    private Migrations migrations(Class<?> saleLine, List<Class<?>> sales) {
        return Migrations.builder().models(AppModels.of(Map.of(
                        "reports", List.of(saleLine, ProductSales.class, Revenue.class),
                        "catalog", List.of(ProductDict.class, Product.class, Category.class),
                        "sales", sales)))
                .directory(dir).classLoader(null).sql(db.executor()).build();
    }

    private static Migration of(MakeMigrationsResult made, String app) {
        return made.migrations().stream().filter(m -> m.app().equals(app)).findFirst().orElseThrow();
    }

    private static List<String> created(Migration m) {
        return m.operations().stream().map(op -> ((CreateModel) op).model()).toList();
    }

    @Test
    void viewsAndADictionaryAcrossThreeAppsMigrateForwardsAndBackToZero() {
        Migrations migrations = migrations();
        MakeMigrationsResult made = migrations.makeMigrations(MakeMigrationsOptions.defaults());
        assertThat(of(made, "sales").dependencies()).isEmpty();
        assertThat(of(made, "catalog").dependencies()).isEmpty();
        assertThat(of(made, "reports").dependencies()).containsExactlyInAnyOrder(
                MigrationKey.parse("sales/0001_initial"), MigrationKey.parse("catalog/0001_initial"));
        assertThat(created(of(made, "catalog"))).containsExactly("Category", "Product", "ProductDict");
        assertThat(created(of(made, "reports"))).containsExactly("Revenue", "ProductSales", "SaleLine");

        migrations.migrate(MigrateOptions.latest());
        for (Class<?> model : ALL) {
            assertThat(live(db, ModelMeta.of(model).table())).as(model.getSimpleName())
                    .isEqualTo(canonical(db, ModelMeta.of(model).table()));
        }
        assertThat(migrations.makeMigrations(MakeMigrationsOptions.defaults().withCheck(true)).changesDetected()).isFalse();

        db.objects(Customer.class).bulkCreate(List.of(new Customer(1, "ann"), new Customer(2, "bob")));
        db.objects(Product.class).bulkCreate(List.of(new Product(10, "pen", 1), new Product(20, "ink", 1)));
        db.execute("SYSTEM RELOAD DICTIONARY product_dict");
        db.objects(Sale.class).bulkCreate(List.of(new Sale(1, 1, 10, 3), new Sale(2, 2, 10, 4), new Sale(3, 2, 20, 5)));
        assertThat(db.objects(SaleLine.class).orderBy("id").fetch()).containsExactly(new SaleLine(1, "ann", "pen"),
                new SaleLine(2, "bob", "pen"), new SaleLine(3, "bob", "ink"));
        assertThat(db.query("SELECT product, sum(amount) AS amount FROM revenue GROUP BY product ORDER BY product"))
                .extracting(r -> r.get("product") + "=" + r.get("amount")).containsExactly("ink=5", "pen=7");

        // sales first: its tables are read by reports, whose migration is undone before them
        migrations.migrate(MigrateOptions.to("sales/zero"));
        for (Class<?> model : List.of(Sale.class, Customer.class, SaleLine.class, ProductSales.class, Revenue.class)) {
            assertThat(live(db, ModelMeta.of(model).table())).as(model.getSimpleName()).isNull();
        }
        assertThat(live(db, ModelMeta.of(ProductDict.class).table())).isNotNull();
        migrations.migrate(MigrateOptions.to("catalog/zero"));
        assertThat(db.query("SELECT name FROM system.tables WHERE database = currentDatabase() AND name NOT LIKE 'chorm%'")).isEmpty();
        assertThat(db.query("SELECT name FROM system.dictionaries WHERE database = currentDatabase()")).isEmpty();

        migrations.migrate(MigrateOptions.latest());
        assertThat(migrations.makeMigrations(MakeMigrationsOptions.defaults().withCheck(true)).changesDetected()).isFalse();
    }

    @Test
    void aTableAViewOfAnotherAppLetsGoOfIsDeletedAfterTheViewChangesAndComesBackBeforeIt() {
        migrations().makeMigrations(MakeMigrationsOptions.defaults());
        migrations().migrate(MigrateOptions.latest());

        Migrations v2 = migrations(dev.chorm.migrations.fixtures.mesh.v2.SaleLine.class, List.of(Sale.class));
        MakeMigrationsResult made = v2.makeMigrations(MakeMigrationsOptions.defaults());
        assertThat(of(made, "reports").operations()).extracting(op -> op.describe())
                .containsExactly("Change the query of view SaleLine (CREATE OR REPLACE VIEW)");
        assertThat(of(made, "sales").operations()).extracting(op -> op.describe()).containsExactly("Delete model Customer");
        assertThat(of(made, "sales").dependencies()).containsExactly(MigrationKey.parse("sales/0001_initial"),
                of(made, "reports").key());

        v2.migrate(MigrateOptions.latest());
        assertThat(live(db, ModelMeta.of(Customer.class).table())).isNull();
        assertThat(live(db, ModelMeta.of(dev.chorm.migrations.fixtures.mesh.v2.SaleLine.class).table()))
                .isEqualTo(canonical(db, ModelMeta.of(dev.chorm.migrations.fixtures.mesh.v2.SaleLine.class).table()));
        assertThat(v2.makeMigrations(MakeMigrationsOptions.defaults().withCheck(true)).changesDetected()).isFalse();

        // back: the view that joins customer again needs the table first (its columns are checked at creation)
        v2.migrate(MigrateOptions.to("reports/0001"));
        for (Class<?> model : List.of(Customer.class, SaleLine.class)) {
            assertThat(live(db, ModelMeta.of(model).table())).as(model.getSimpleName())
                    .isEqualTo(canonical(db, ModelMeta.of(model).table()));
        }
    }
}
