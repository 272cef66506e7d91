/**
 * Hold the migration operations: each one advances the project state and issues its DDL through
 * the schema editor, forwards and backwards, and describes itself in one line.
 *
 * <p>The base of every operation lives here too, as in Django's {@code operations/base.py}:
 * {@link dev.chorm.migrations.operations.Operation}, the
 * {@link dev.chorm.migrations.operations.OperationContext} it runs with, the
 * {@link dev.chorm.migrations.operations.ProjectState} it advances and the
 * {@link dev.chorm.migrations.operations.JavaMigration} hook that {@code RunJava} calls. So this
 * package stands below {@code dev.chorm.migrations}, whose autodetector, codec and runner build and
 * run operations, and uses nothing of it.
 */
package dev.chorm.migrations.operations;
