package dev.chorm.migrations;

import dev.chorm.model.Table;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.types.annotation.UInt64;
import java.time.Instant;

/**
 * A claim or heartbeat of the migration lock: the internal model of the table whose existence is the
 * lock ({@link MigrationLock}). The claim is the holder's first row; each heartbeat adds a row with the
 * same token and a later {@code heartbeatAt}.
 */
@Table(name = MigrationLock.TABLE)
@MergeTree
record LockRow(String token, String host, @UInt64 long pid, Instant claimedAt, Instant heartbeatAt) {
}
