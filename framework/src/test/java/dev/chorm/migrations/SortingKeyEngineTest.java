package dev.chorm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.migrations.fixtures.shop.Sorted;
import dev.chorm.migrations.fixtures.shop.Product;
import dev.chorm.migrations.operations.AlterModelOrderBy;
import dev.chorm.model.TableSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model that appends a new column to its sorting key, stating no primary key: an ALTER, not a rebuild. */
class SortingKeyEngineTest {
    @TempDir
    Path dir;

    private Migrations migrations(Database db, Class<?> product) {
        return Migrations.builder().models(AppModels.of(Map.of("shop", List.of(product)))).directory(dir).classLoader(null)
                .sql(db.executor()).build();
    }

    @Test
    void appendingANewColumnToOrderByKeepsThePrimaryKeyInPlace() {
        try (Database db = TestDatabases.open(TestDatabases.fresh("sorting"))) {
            migrations(db, Product.class).makeMigrations(MakeMigrationsOptions.defaults());
            migrations(db, Product.class).migrate(MigrateOptions.latest());
            db.execute("INSERT INTO product (id, name) VALUES (1, 'a'), (2, 'b')");

            MakeMigrationsResult grown = migrations(db, Sorted.Product.class).makeMigrations(MakeMigrationsOptions.defaults());
            assertThat(grown.migrations().get(0).operations()).hasExactlyElementsOfTypes(AlterModelOrderBy.class);
            migrations(db, Sorted.Product.class).migrate(MigrateOptions.latest());

            TableSpec live = TestDatabases.live(db, TableSpec.builder("product").build());
            assertThat(live.orderBy()).containsExactly("id", "region");
            assertThat(live.effectivePrimaryKey()).containsExactly("id");
            assertThat(TestDatabases.count(db, "SELECT count() FROM product")).isEqualTo(2);
            assertThat(migrations(db, Sorted.Product.class).makeMigrations(MakeMigrationsOptions.defaults()).summary())
                    .isEqualTo("No changes detected");
        }
    }
}
