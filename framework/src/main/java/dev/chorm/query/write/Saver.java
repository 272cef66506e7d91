package dev.chorm.query.write;

import com.clickhouse.client.api.query.GenericRecord;
import dev.chorm.QueryException;
import dev.chorm.model.DefaultKind;
import dev.chorm.model.Model;
import dev.chorm.model.ModelField;
import dev.chorm.model.ModelMeta;
import dev.chorm.query.expr.Scope;
import dev.chorm.query.internal.MissingTable;
import dev.chorm.schema.QueryDatabase;
import dev.chorm.sql.QueryPart;
import dev.chorm.sql.RenderContext;
import dev.chorm.sql.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Save one object: insert it when its row does not exist, else update its other columns with a
 * mutation. The row is found by the Snowflake {@code id} of a {@code Model}, or by the plain columns
 * of the table's sorting key. Key columns cannot be updated in ClickHouse, so a save that changes
 * one fails with a message instead of silently leaving the old value.
 */
final class Saver {
    private final QueryDatabase db;
    private final InsertPlan plan;
    private final Settings settings;
    private final ModelMeta meta;

    Saver(QueryDatabase db, InsertPlan plan, Settings settings) {
        this.db = db;
        this.plan = plan;
        this.settings = settings;
        this.meta = plan.meta();
    }

    /** Insert or update {@code obj}. */
    void save(Object obj) {
        if (meta.hasSyntheticId() && !((Model) obj).hasId()) {
            insert(obj);
            return;
        }
        List<ModelField> identity = identity();
        QueryPart where = equalities(obj, identity);
        List<ModelField> otherKeys = otherKeyFields(identity);
        List<GenericRecord> found = probe(obj, where, otherKeys);
        if (found.isEmpty()) {
            insert(obj);
            return;
        }
        if (found.get(0).getLong("same") != 1) {
            throw new QueryException(("Cannot save %s: one of %s changed, but ClickHouse cannot update key"
                    + " columns. Delete the row and create it again.").formatted(meta.modelClass().getSimpleName(),
                    otherKeys.stream().map(ModelField::javaName).toList()));
        }
        AutoTimes.stampSave(meta, obj);
        Map<String, Object> values = new LinkedHashMap<>();
        for (ModelField f : updatableFields(identity)) {
            Object value = f.get(obj);
            // As on insert, null in a non-Nullable DEFAULT column means "not given": keep the stored value.
            if (value != null || f.column().type().isNullable() || f.column().defaultKind() != DefaultKind.DEFAULT) {
                values.put(f.javaName(), value);
            }
        }
        if (!values.isEmpty()) {
            new MutationExecutor(db, meta, settings).update(where, values, MutationMode.DEFAULT);
        }
    }

    private void insert(Object obj) {
        new BatchInserter(db.client(), plan, settings).insertAll(List.of(obj).iterator(), 1);
    }

    private List<ModelField> identity() {
        if (meta.hasSyntheticId()) {
            return meta.fields().stream().filter(ModelField::isSyntheticId).toList();
        }
        List<ModelField> key = new ArrayList<>();
        for (String column : KeyColumns.plainSortingKey(meta.table())) {
            meta.field(column).ifPresent(key::add);
        }
        if (key.isEmpty()) {
            throw new QueryException(meta.modelClass().getSimpleName() + " has neither an id nor plain columns in its"
                    + " sorting key, so save() cannot find its row. Use create(), or filter(...).update(...).");
        }
        return key;
    }

    private List<ModelField> otherKeyFields(List<ModelField> identity) {
        Set<String> keyColumns = KeyColumns.of(meta.table());
        return meta.fields().stream()
                .filter(f -> keyColumns.contains(f.columnName()) && !identity.contains(f) && f.column().isStored())
                .toList();
    }

    private List<ModelField> updatableFields(List<ModelField> identity) {
        Set<String> keyColumns = KeyColumns.of(meta.table());
        return meta.fields().stream()
                .filter(f -> f.column().isInsertable() && f.column().isStored() && !identity.contains(f)
                        && !keyColumns.contains(f.columnName()))
                .toList();
    }

    private List<GenericRecord> probe(Object obj, QueryPart where, List<ModelField> otherKeys) {
        RenderContext ctx = RenderContext.of(new Scope(meta, Map.of(), Map.of(), false));
        ctx.sql("SELECT toUInt8(").visit(otherKeys.isEmpty() ? c -> c.sql('1') : equalities(obj, otherKeys))
                .sql(") AS same FROM ").qualifiedName(meta.table().database(), meta.table().name())
                .sql(" WHERE ").visit(where).sql(" LIMIT 1");
        try {
            return MutationRunner.query(db, ctx.toString());
        } catch (QueryException e) {
            throw MissingTable.hinted(e, meta, "save", "writes");
        }
    }

    private static QueryPart equalities(Object obj, List<ModelField> fields) {
        return ctx -> {
            String separator = "";
            for (ModelField f : fields) {
                Object value = f.get(obj);
                ctx.sql(separator);
                if (value == null) {
                    ctx.sql("isNull(").identifier(f.columnName()).sql(')');
                } else {
                    ctx.identifier(f.columnName()).sql(" = ").value(value, f.column().type());
                }
                separator = " AND ";
            }
        };
    }
}
