package dev.chorm.query.write;

import dev.chorm.QueryException;
import dev.chorm.query.internal.MissingTable;
import dev.chorm.schema.QueryDatabase;
import dev.chorm.model.ModelMeta;
import dev.chorm.sql.Settings;
import dev.chorm.sql.QueryPart;
import java.util.Map;

/**
 * Run the update and delete mutations of one model's table in the chosen {@link MutationMode},
 * with the settings of the QuerySet (rendered as the statement's {@code SETTINGS} clause) on top of
 * the database's configured ones (sent with every request).
 */
final class MutationExecutor {
    private final QueryDatabase db;
    private final ModelMeta meta;
    private final Settings settings;
    /** How the model's table was rendered: under single-node a Distributed model is a plain table. */
    private final dev.chorm.schema.StorageProfile profile;

    MutationExecutor(QueryDatabase db, ModelMeta meta, Settings settings) {
        this.db = db;
        this.meta = meta;
        this.settings = settings;
        // Without a database (SQL rendering alone) models render as declared.
        this.profile = db == null ? dev.chorm.schema.StorageProfile.CLUSTER : db.profileOf(meta.modelClass());
    }

    /** Set {@code values} (field name to value or expression) on the rows matching {@code where} (null: all). */
    void update(QueryPart where, Map<String, ?> values, MutationMode mode) {
        try {
            runUpdate(where, values, mode);
        } catch (QueryException e) {
            throw MissingTable.hinted(e, meta, "update", "writes");
        }
    }

    private void runUpdate(QueryPart where, Map<String, ?> values, MutationMode mode) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(values);
        switch (mode) {
            case ALTER -> MutationRunner.execute(db, MutationSql.update(meta, copy, where, settings, false, profile));
            case LIGHTWEIGHT -> MutationRunner.execute(db, MutationSql.update(meta, copy, where, settings, true, profile));
            default -> MutationRunner.executePreferLightweight(db, "update " + table(),
                    () -> MutationSql.update(meta, copy, where, settings, true, profile),
                    () -> MutationSql.update(meta, copy, where, settings, false, profile));
        }
    }

    /** Delete the rows matching {@code where} (null: all). */
    void delete(QueryPart where, MutationMode mode) {
        try {
            runDelete(where, mode);
        } catch (QueryException e) {
            throw MissingTable.hinted(e, meta, "delete", "writes");
        }
    }

    private void runDelete(QueryPart where, MutationMode mode) {
        switch (mode) {
            case ALTER -> MutationRunner.execute(db, MutationSql.delete(meta, where, settings, false, profile));
            case LIGHTWEIGHT -> MutationRunner.execute(db, MutationSql.delete(meta, where, lightweightDelete(), true, profile));
            default -> MutationRunner.executePreferLightweight(db, "delete " + table(),
                    () -> MutationSql.delete(meta, where, lightweightDelete(), true, profile),
                    () -> MutationSql.delete(meta, where, settings, false, profile));
        }
    }

    /**
     * Return the settings of a lightweight delete: it waits according to {@code lightweight_deletes_sync},
     * not {@code mutations_sync}, so a {@code mutations_sync} given to the QuerySet is applied to both.
     */
    Settings lightweightDelete() {
        Object sync = settings.asMap().get("mutations_sync");
        return sync == null ? settings : settings.withDefault("lightweight_deletes_sync", sync);
    }

    private String table() {
        return MutationTarget.of(meta, profile).describe();
    }
}
