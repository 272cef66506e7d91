package dev.chorm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.model.ColumnSpec;
import dev.chorm.model.EngineSpec;
import dev.chorm.model.TableRef;
import dev.chorm.model.TableSpec;
import dev.chorm.model.ViewSpec;
import dev.chorm.types.DataType;
import dev.chorm.types.JsonText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A view's part of a migration file: written with fixed keys, read back equal. */
class ViewSpecCodecTest {
    @Test
    void refreshableViewRoundTrips() {
        ViewSpec v = ViewSpec.materialized("SELECT 1 AS x FROM a", new TableRef("db", "target"), List.of(TableRef.of("a")))
                .withRefresh(new ViewSpec.Refresh("EVERY 1 MINUTE", true, List.of(TableRef.of("b"))));
        TableSpec t = TableSpec.builder("mv").column(ColumnSpec.builder("x", DataType.parse("UInt8")).build())
                .engine(EngineSpec.of("MaterializedView")).view(v).build();

        Map<String, Object> encoded = SpecCodec.encodeTable(t);

        assertThat(JsonText.writePretty(encoded.get("view"))).isEqualTo("""
                {
                  "kind": "materialized",
                  "query": "SELECT 1 AS x FROM a",
                  "to": "db.target",
                  "refresh": {
                    "schedule": "EVERY 1 MINUTE",
                    "append": true,
                    "dependsOn": [ "b" ]
                  },
                  "sources": [ "a" ]
                }
                """);
        assertThat(SpecCodec.decodeTable(new Data(JsonText.parse(JsonText.writePretty(encoded)), "test"))).isEqualTo(t);
    }

    @Test
    void tableHasNoViewKey() {
        TableSpec t = TableSpec.builder("t").column(ColumnSpec.builder("x", DataType.parse("UInt8")).build()).build();
        assertThat(SpecCodec.encodeTable(t)).doesNotContainKey("view");
        assertThat(SpecCodec.decodeTable(new Data(SpecCodec.encodeTable(t), "test")).view()).isNull();
    }
}
