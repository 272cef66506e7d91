package dev.chorm.migrations;

import dev.chorm.MigrationException;
import dev.chorm.migrations.operations.AddConstraint;
import dev.chorm.migrations.operations.AddField;
import dev.chorm.migrations.operations.AddIndex;
import dev.chorm.migrations.operations.AddProjection;
import dev.chorm.migrations.operations.AlterField;
import dev.chorm.migrations.operations.AlterModelComment;
import dev.chorm.migrations.operations.AlterDictionary;
import dev.chorm.migrations.operations.AlterModelEngine;
import dev.chorm.migrations.operations.AlterModelOrderBy;
import dev.chorm.migrations.operations.AlterModelSettings;
import dev.chorm.migrations.operations.AlterModelTable;
import dev.chorm.migrations.operations.AlterModelTtl;
import dev.chorm.migrations.operations.AlterViewQuery;
import dev.chorm.migrations.operations.AlterViewRefresh;
import dev.chorm.migrations.operations.CreateModel;
import dev.chorm.migrations.operations.RecreateView;
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
import dev.chorm.model.ProjectionSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Turn each kind of operation into an ordered map and back: one entry per kind, naming the
 * {@code type} written in files, how to write the operation's arguments and how to read them.
 */
final class OperationCodec {
    private static final List<Entry<?>> ENTRIES = List.of(
            entry("CreateModel", CreateModel.class, (o, m) -> put(m, "model", o.model(), "table", SpecCodec.encodeTable(o.table())),
                    d -> new CreateModel(d.string("model"), SpecCodec.decodeTable(d.object("table")))),
            entry("AlterViewQuery", AlterViewQuery.class, (o, m) -> put(m, "model", o.model(), "view", SpecCodec.encodeTable(o.view())),
                    d -> new AlterViewQuery(d.string("model"), SpecCodec.decodeTable(d.object("view")))),
            entry("AlterViewRefresh", AlterViewRefresh.class,
                    (o, m) -> put(m, "model", o.model(), "refresh", SpecCodec.encodeRefresh(o.refresh())),
                    d -> new AlterViewRefresh(d.string("model"), SpecCodec.decodeRefresh(d.object("refresh")))),
            entry("RecreateView", RecreateView.class,
                    (o, m) -> put(m, "model", o.model(), "reason", o.reason(), "view", SpecCodec.encodeTable(o.view())),
                    d -> new RecreateView(d.string("model"), SpecCodec.decodeTable(d.object("view")), d.string("reason", ""))),
            entry("DeleteModel", DeleteModel.class, (o, m) -> put(m, "model", o.model()), d -> new DeleteModel(d.string("model"))),
            entry("RenameModel", RenameModel.class, (o, m) -> put(m, "oldName", o.oldName(), "newName", o.newName()),
                    d -> new RenameModel(d.string("oldName"), d.string("newName"))),
            entry("AlterModelTable", AlterModelTable.class, (o, m) -> put(m, "model", o.model(), "table", o.table()),
                    d -> new AlterModelTable(d.string("model"), d.string("table"))),
            entry("AddField", AddField.class, OperationCodec::encodeAddField,
                    d -> new AddField(d.string("model"), SpecCodec.decodeColumn(d.object("field")), position(d))),
            entry("RemoveField", RemoveField.class, (o, m) -> put(m, "model", o.model(), "name", o.name()),
                    d -> new RemoveField(d.string("model"), d.string("name"))),
            entry("AlterField", AlterField.class, (o, m) -> put(m, "model", o.model(), "field", SpecCodec.encodeColumn(o.field())),
                    d -> new AlterField(d.string("model"), SpecCodec.decodeColumn(d.object("field")))),
            entry("RenameField", RenameField.class, (o, m) -> put(m, "model", o.model(), "oldName", o.oldName(), "newName", o.newName()),
                    d -> new RenameField(d.string("model"), d.string("oldName"), d.string("newName"))),
            entry("AddIndex", AddIndex.class, (o, m) -> put(m, "model", o.model(), "index", SpecCodec.encodeIndex(o.index())),
                    d -> new AddIndex(d.string("model"), SpecCodec.decodeIndex(d.object("index")))),
            entry("RemoveIndex", RemoveIndex.class, (o, m) -> put(m, "model", o.model(), "name", o.name()),
                    d -> new RemoveIndex(d.string("model"), d.string("name"))),
            entry("RenameIndex", RenameIndex.class, (o, m) -> put(m, "model", o.model(), "oldName", o.oldName(), "newName", o.newName()),
                    d -> new RenameIndex(d.string("model"), d.string("oldName"), d.string("newName"))),
            entry("AddConstraint", AddConstraint.class,
                    (o, m) -> put(m, "model", o.model(), "constraint", SpecCodec.encodeConstraint(o.constraint())),
                    d -> new AddConstraint(d.string("model"), SpecCodec.decodeConstraint(d.object("constraint")))),
            entry("RemoveConstraint", RemoveConstraint.class, (o, m) -> put(m, "model", o.model(), "name", o.name()),
                    d -> new RemoveConstraint(d.string("model"), d.string("name"))),
            entry("AddProjection", AddProjection.class,
                    (o, m) -> put(m, "model", o.model(), "projection", SpecCodec.encodeProjection(o.projection())),
                    d -> new AddProjection(d.string("model"), decodeProjection(d.object("projection")))),
            entry("RemoveProjection", RemoveProjection.class, (o, m) -> put(m, "model", o.model(), "name", o.name()),
                    d -> new RemoveProjection(d.string("model"), d.string("name"))),
            entry("AlterModelComment", AlterModelComment.class, (o, m) -> put(m, "model", o.model(), "comment", o.comment()),
                    d -> new AlterModelComment(d.string("model"), d.string("comment"))),
            entry("AlterModelSettings", AlterModelSettings.class,
                    (o, m) -> put(m, "model", o.model(), "settings", new LinkedHashMap<>(o.settings())),
                    d -> new AlterModelSettings(d.string("model"), d.stringMap("settings"))),
            entry("AlterModelOrderBy", AlterModelOrderBy.class, OperationCodec::encodeOrderBy, OperationCodec::decodeOrderBy),
            entry("AlterModelTtl", AlterModelTtl.class, (o, m) -> put(m, "model", o.model(), "ttl", o.ttl()),
                    d -> new AlterModelTtl(d.string("model"), d.strings("ttl"))),
            entry("AlterModelEngine", AlterModelEngine.class,
                    (o, m) -> put(m, "model", o.model(), "allowDataCopy", o.allowDataCopy(), "table", SpecCodec.encodeTable(o.table())),
                    d -> new AlterModelEngine(d.string("model"), SpecCodec.decodeTable(d.object("table")),
                            d.bool("allowDataCopy", false))),
            entry("AlterDictionary", AlterDictionary.class,
                    (o, m) -> put(m, "model", o.model(), "table", SpecCodec.encodeTable(o.table())),
                    d -> new AlterDictionary(d.string("model"), SpecCodec.decodeTable(d.object("table")))),
            entry("RunSQL", RunSql.class, OperationCodec::encodeRunSql,
                    d -> new RunSql(d.strings("sql"), d.has("reverseSql") ? d.strings("reverseSql") : null)),
            entry("RunJava", RunJava.class, (o, m) -> put(m, "class", o.className(), "reversible", o.reversible()),
                    d -> new RunJava(d.string("class"), d.bool("reversible", false))));

    private OperationCodec() {
    }

    /** Return {@code op} as a map: its {@code type}, then its arguments in a fixed order. */
    static Map<String, Object> encode(Operation op) {
        for (Entry<?> e : ENTRIES) {
            if (e.type().isInstance(op)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", e.name());
                e.write(op, m);
                return m;
            }
        }
        throw new MigrationException("Cannot write operation %s: chorm does not know how to store it."
                .formatted(op.getClass().getName()));
    }

    /** Read the operation {@code d} describes. */
    static Operation decode(Data d) {
        String type = d.string("type");
        for (Entry<?> e : ENTRIES) {
            if (e.name().equals(type)) {
                return e.decoder().apply(d);
            }
        }
        throw new MigrationException("%s: unknown operation type '%s'. Check the spelling; known types are %s."
                .formatted(d.where(), type, String.join(", ", ENTRIES.stream().map(Entry::name).toList())));
    }

    private static void encodeAddField(AddField o, Map<String, Object> m) {
        put(m, "model", o.model(), "field", SpecCodec.encodeColumn(o.field()));
        if (o.after() != null && o.after().isEmpty()) {
            m.put("first", true);
        } else if (o.after() != null) {
            m.put("after", o.after());
        }
    }

    /** Return the position an AddField was written with: empty for first, a column name, or null for last. */
    private static String position(Data d) {
        return d.bool("first", false) ? "" : d.string("after", null);
    }

    private static void encodeOrderBy(AlterModelOrderBy o, Map<String, Object> m) {
        put(m, "model", o.model(), "orderBy", o.orderBy(), "addFields", o.addFields().stream().map(f -> {
            Map<String, Object> field = new LinkedHashMap<>();
            encodeAddField(f, field);
            field.remove("model");
            return field;
        }).toList());
    }

    private static AlterModelOrderBy decodeOrderBy(Data d) {
        String model = d.string("model");
        return new AlterModelOrderBy(model, d.strings("orderBy"), d.objects("addFields").stream()
                .map(f -> new AddField(model, SpecCodec.decodeColumn(f.object("field")), position(f))).toList());
    }

    private static void encodeRunSql(RunSql o, Map<String, Object> m) {
        m.put("sql", o.sql());
        if (o.reverseSql() != null) {
            m.put("reverseSql", o.reverseSql());
        }
    }

    private static ProjectionSpec decodeProjection(Data d) {
        return ProjectionSpec.of(d.string("name"), d.string("query"));
    }

    private static void put(Map<String, Object> m, Object... keysAndValues) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
    }

    private static <T extends Operation> Entry<T> entry(String name, Class<T> type, BiConsumer<T, Map<String, Object>> encoder,
                                                       Function<Data, T> decoder) {
        return new Entry<>(name, type, encoder, decoder);
    }

    /** Describe one kind of operation: its name in files, its class, and how to write and read it. */
    private record Entry<T extends Operation>(String name, Class<T> type, BiConsumer<T, Map<String, Object>> encoder,
                                              Function<Data, T> decoder) {
        void write(Operation op, Map<String, Object> m) {
            encoder.accept(type.cast(op), m);
        }
    }
}
