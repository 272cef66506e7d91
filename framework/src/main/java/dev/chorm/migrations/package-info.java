/**
 * Evolve ClickHouse schemas from models, as Django's migrations do, with one job per type.
 *
 * <ul>
 *   <li>{@link dev.chorm.migrations.operations.ProjectState}: the tables of every app's models, in memory.</li>
 *   <li>{@link dev.chorm.migrations.Autodetector}: compare two states, return operations per app; renames
 *       go to a {@link dev.chorm.migrations.Questioner}.</li>
 *   <li>{@link dev.chorm.migrations.operations.Operation} and {@code operations/}: advance the state and issue DDL
 *       through the schema editor, forwards and backwards.</li>
 *   <li>{@link dev.chorm.migrations.MigrationWriter}: one deterministic JSON file per migration,
 *       {@code db/clickhouse/<app>/NNNN_name.json}.</li>
 *   <li>{@link dev.chorm.migrations.MigrationLoader} and {@link dev.chorm.migrations.MigrationGraph}: files
 *       from source folders and jars, dependencies across apps, conflicts.</li>
 *   <li>{@link dev.chorm.migrations.MigrationExecutor}: plans and applies under a
 *       {@link dev.chorm.migrations.MigrationLock}, records progress after every statement through the
 *       {@link dev.chorm.migrations.MigrationRecorder} and resumes a run that stopped part-way.</li>
 *   <li>{@link dev.chorm.migrations.Migrations}: one call per command, for the Maven goals.</li>
 * </ul>
 */
package dev.chorm.migrations;
