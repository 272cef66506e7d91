package dev.chorm.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.MigrationException;
import dev.chorm.migrations.operations.AlterDictionary;
import dev.chorm.migrations.operations.CreateModel;
import dev.chorm.migrations.operations.DeleteModel;
import dev.chorm.migrations.operations.Operation;
import dev.chorm.migrations.operations.OperationContext;
import dev.chorm.migrations.operations.ProjectState;
import dev.chorm.model.ColumnSpec;
import dev.chorm.model.DictionaryLayout;
import dev.chorm.model.DictionarySpec;
import dev.chorm.model.EngineSpec;
import dev.chorm.model.TableSpec;
import dev.chorm.model.ViewSpec;
import dev.chorm.schema.SchemaEditor;
import dev.chorm.types.DataType;
import dev.chorm.types.JsonText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dictionaries in migration files and in the autodetector, without an engine. */
class DictionaryMigrationsTest {
    private static TableSpec dictionary(DictionaryLayout layout, long lifetimeMax) {
        return TableSpec.builder("item_dict").engine(EngineSpec.of("Dictionary"))
                .column(ColumnSpec.builder("id", DataType.uint64()).build())
                .column(ColumnSpec.builder("port", DataType.uint16()).build())
                .dictionary(new DictionarySpec("item", "", "", List.of("id"), layout, 0, lifetimeMax, "", "",
                        List.of(), List.of("port"), Map.of("port", "toUInt16(port)")))
                .build();
    }

    @Test
    void aDictionaryIsWrittenToMigrationFilesAndReadBackEqual() {
        TableSpec t = dictionary(DictionaryLayout.HASHED, 300);
        Map<String, Object> encoded = SpecCodec.encodeTable(t);
        assertThat(JsonText.writePretty(encoded.get("dictionary"))).isEqualTo("""
                {
                  "source": "item",
                  "primaryKey": [ "id" ],
                  "layout": "hashed",
                  "lifetime": { "min": 0, "max": 300 },
                  "injective": [ "port" ],
                  "expressions": { "port": "toUInt16(port)" }
                }
                """);
        assertThat(SpecCodec.decodeTable(new Data(JsonText.parse(JsonText.writePretty(encoded)), "test"))).isEqualTo(t);
    }

    @Test
    void createsAfterTheSourceTableAndDropsBeforeIt() {
        TableSpec item = States.table("item").build();
        ProjectState empty = new ProjectState();
        ProjectState both = States.state("shop", dictionary(DictionaryLayout.HASHED, 300), item);
        List<Operation> create = States.changes(empty, both).get("shop");
        assertThat(create).extracting(op -> ((CreateModel) op).model()).containsExactly("Item", "Item_dict");
        List<Operation> delete = States.changes(both, empty).get("shop");
        assertThat(delete).extracting(op -> ((DeleteModel) op).model()).containsExactly("Item_dict", "Item");
    }

    @Test
    void aChangedDictionaryIsOneCreateOrReplaceBothWays() {
        ProjectState before = States.state("shop", dictionary(DictionaryLayout.HASHED, 300));
        ProjectState after = States.state("shop", dictionary(DictionaryLayout.SPARSE_HASHED, 60));
        List<Operation> ops = States.changes(before, after).get("shop");
        assertThat(ops).hasExactlyElementsOfTypes(AlterDictionary.class);
        assertThat(ops.get(0).describe())
                .isEqualTo("Replace dictionary Item_dict (item_dict) with CREATE OR REPLACE DICTIONARY");
        SchemaEditor editor = SchemaEditor.collecting();
        OperationContext ctx = OperationContext.collecting("shop", editor);
        ops.get(0).databaseForwards(ctx, before, after);
        ops.get(0).databaseBackwards(ctx, after, before);
        assertThat(editor.collectedStatements()).hasSize(2)
                .allMatch(sql -> sql.startsWith("CREATE OR REPLACE DICTIONARY `item_dict`\n"));
        assertThat(editor.collectedStatements().get(0)).contains("LAYOUT(SPARSE_HASHED())\nLIFETIME(MIN 0 MAX 60)");
        assertThat(editor.collectedStatements().get(1)).contains("LAYOUT(HASHED())\nLIFETIME(MIN 0 MAX 300)");
        assertThat(States.changes(before, before.copy())).isEmpty();
    }

    @Test
    void aTableDoesNotTurnIntoADictionaryInPlace() {
        ProjectState before = States.state("shop", States.table("item_dict").build());
        ProjectState after = States.state("shop", dictionary(DictionaryLayout.HASHED, 300));
        assertThatThrownBy(() -> States.changes(before, after)).isInstanceOf(MigrationException.class).hasMessage(
                "Model shop.Item_dict changes from a table to a dictionary; chorm cannot migrate that in place. Give the"
                        + " new one another model name (the old one is dropped, the new one created).");
    }

    @Test
    void aViewDoesNotTurnIntoADictionaryInPlaceAndTheMessageSaysView() {
        TableSpec view = States.table("item_dict").engine(EngineSpec.of("View")).orderBy(List.of())
                .view(ViewSpec.view("SELECT 1", List.of())).build();
        assertThatThrownBy(() -> States.changes(States.state("shop", view), States.state("shop", dictionary(DictionaryLayout.HASHED, 300))))
                .isInstanceOf(MigrationException.class).hasMessage("Model shop.Item_dict changes from a view to a dictionary;"
                        + " chorm cannot migrate that in place. Give the new one another model name (the old one is dropped,"
                        + " the new one created).");
    }
}
