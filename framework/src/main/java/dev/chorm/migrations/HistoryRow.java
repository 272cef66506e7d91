package dev.chorm.migrations;

import dev.chorm.model.Table;
import dev.chorm.model.engine.ReplacingMergeTree;
import dev.chorm.types.annotation.UInt32;
import dev.chorm.types.annotation.UInt64;
import java.time.Instant;

/**
 * One change of a migration's status: the internal model of the history table that
 * {@link MigrationRecorder} keeps, so that its columns and the reading of its rows come from the model
 * machinery (as Django's recorder uses a model). Of the rows of one migration, the highest
 * {@code version} is its status.
 */
@Table(name = MigrationRecorder.TABLE)
@ReplacingMergeTree(version = "version", orderBy = {"app", "name"})
record HistoryRow(String app, String name, boolean applied, @UInt32 long progress, @UInt32 long step,
                  boolean backwards, @UInt32 long operations, String checksum, String prefixChecksum,
                  Instant appliedAt, @UInt64 long version) {
}
