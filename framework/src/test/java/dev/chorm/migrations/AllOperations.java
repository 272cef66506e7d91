package dev.chorm.migrations;

import dev.chorm.migrations.operations.AddConstraint;
import dev.chorm.migrations.operations.AddField;
import dev.chorm.migrations.operations.AddIndex;
import dev.chorm.migrations.operations.AddProjection;
import dev.chorm.migrations.operations.AlterField;
import dev.chorm.migrations.operations.AlterModelComment;
import dev.chorm.migrations.operations.AlterModelEngine;
import dev.chorm.migrations.operations.AlterModelOrderBy;
import dev.chorm.migrations.operations.AlterModelSettings;
import dev.chorm.migrations.operations.AlterModelTable;
import dev.chorm.migrations.operations.AlterModelTtl;
import dev.chorm.migrations.operations.CreateModel;
import dev.chorm.migrations.operations.DeleteModel;
import dev.chorm.migrations.operations.Operation;
import dev.chorm.migrations.operations.RemoveConstraint;
import dev.chorm.migrations.operations.RemoveField;
import dev.chorm.migrations.operations.RemoveIndex;
import dev.chorm.migrations.operations.RemoveProjection;
import dev.chorm.migrations.operations.RenameField;
import dev.chorm.migrations.operations.RenameIndex;
import dev.chorm.migrations.operations.RenameModel;
import dev.chorm.migrations.operations.RunJava;
import dev.chorm.migrations.operations.RunSql;
import dev.chorm.model.ColumnSpec;
import dev.chorm.model.ConstraintSpec;
import dev.chorm.model.DefaultKind;
import dev.chorm.model.EngineSpec;
import dev.chorm.model.IndexSpec;
import dev.chorm.model.ProjectionSpec;
import dev.chorm.model.TableSpec;
import dev.chorm.types.DataType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One migration holding every kind of operation, each with its optional parts set, for codec tests. */
final class AllOperations {
    private AllOperations() {
    }

    static List<Operation> operations() {
        ColumnSpec note = ColumnSpec.builder("note", DataType.nullable(DataType.string())).comment("it's \"free\" text")
                .codec("ZSTD(3)").build();
        ColumnSpec port = ColumnSpec.builder("port", DataType.uint32()).defaultExpression(DefaultKind.DEFAULT, "80")
                .ttl("ts + INTERVAL 1 DAY").build();
        ColumnSpec day = ColumnSpec.builder("day", DataType.date()).defaultExpression(DefaultKind.MATERIALIZED, "toDate(ts)").build();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("merge_with_ttl_timeout", "3600");
        settings.put("storage_policy", "'default'");
        TableSpec full = TableSpec.builder("event").database("db").cluster("c").comment("events")
                .column(ColumnSpec.builder("id", DataType.int64()).build())
                .column(ColumnSpec.builder("ts", DataType.dateTime64(6, "UTC")).build())
                .column(ColumnSpec.builder("action", DataType.enum8(List.of(new DataType.EnumEntry("PASS", 1),
                        new DataType.EnumEntry("DROP", 2)))).build())
                .column(day)
                .engine(EngineSpec.of("ReplacingMergeTree", "ts")).orderBy("ts", "id").partitionBy("toYYYYMM(ts)")
                .primaryKey("ts").sampleBy("id").ttl("ts + INTERVAL 90 DAY").settings(settings)
                .index(IndexSpec.of("ts_idx", "ts", "minmax", 2))
                .constraint(ConstraintSpec.check("id_positive", "id > 0"))
                .constraint(ConstraintSpec.assume("ts_recent", "ts > '2020-01-01'"))
                .projection(ProjectionSpec.of("by_day", "SELECT day, count() GROUP BY day")).build();
        return List.of(new CreateModel("Event", full), new DeleteModel("Old"), new RenameModel("Event", "Firewall"),
                new AlterModelTable("Firewall", "firewall"), new AddField("Firewall", note, ""),
                new AddField("Firewall", port, null), new RemoveField("Firewall", "day"),
                new AlterField("Firewall", port), new RenameField("Firewall", "note", "remark"),
                new AddIndex("Firewall", IndexSpec.of("port_idx", "port", "bloom_filter(0.01)", 4)),
                new RemoveIndex("Firewall", "port_idx"), new RenameIndex("Firewall", "ts_idx", "ts_minmax"),
                new AddConstraint("Firewall", ConstraintSpec.check("port_range", "port < 65536")),
                new RemoveConstraint("Firewall", "port_range"),
                new AddProjection("Firewall", ProjectionSpec.of("p", "SELECT port ORDER BY port")),
                new RemoveProjection("Firewall", "p"), new AlterModelComment("Firewall", "renamed"),
                new AlterModelSettings("Firewall", Map.of("merge_with_ttl_timeout", "60")),
                new AlterModelOrderBy("Firewall", List.of("ts", "id", "extra"),
                        List.of(new AddField("Firewall", ColumnSpec.builder("extra", DataType.string()).build(), "id"))),
                new AlterModelTtl("Firewall", List.of()),
                new AlterModelEngine("Firewall", full.toBuilder().engine(EngineSpec.of("MergeTree")).build(), true),
                new RunSql(List.of("SELECT 1", "SELECT 2"), null), new RunSql(List.of("SELECT 3"), List.of()),
                new RunJava("com.example.Backfill", true));
    }
}
