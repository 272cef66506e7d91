package dev.chorm.query.write;

import dev.chorm.model.EngineSpec;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.TableSpec;
import dev.chorm.schema.StorageProfile;
import dev.chorm.sql.SqlLiterals;

/**
 * Name the table a mutation of a model changes: the model's own table, or, for a {@code Distributed}
 * model, the local table it reads on every shard, changed {@code ON CLUSTER} (ClickHouse refuses
 * mutations of the Distributed table itself).
 *
 * @param database the database; empty for the connection's current database
 * @param table the table name
 * @param cluster the cluster the mutation runs on; empty for the local server only
 */
record MutationTarget(String database, String table, String cluster) {
    /** Return the table that mutations of {@code meta}'s rows change, its tables rendered under {@code profile}. */
    static MutationTarget of(ModelMeta meta, StorageProfile profile) {
        TableSpec t = meta.table();
        EngineSpec e = t.engine();
        if (!e.name().equals("Distributed") || e.arguments().size() < 3 || profile == StorageProfile.SINGLE_NODE) {
            return new MutationTarget(t.database(), t.name(), "");
        }
        // Distributed(cluster, database, table[, sharding key[, policy]]), as the engine reader writes it.
        String database = e.arguments().get(1);
        return new MutationTarget(database.startsWith("'") ? SqlLiterals.unquoteString(database) : t.database(),
                SqlLiterals.unquoteString(e.arguments().get(2)), SqlLiterals.unquoteString(e.arguments().get(0)));
    }

    /** Return the quoted, qualified name with its cluster, to name the table in logs and caches. */
    String describe() {
        String name = SqlLiterals.qualifiedName(database, table);
        return cluster.isEmpty() ? name : name + " ON CLUSTER " + SqlLiterals.quoteIdentifier(cluster);
    }
}
