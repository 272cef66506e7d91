/**
 * Hold the migration operations: each one advances the project state and issues its DDL through
 * the schema editor, forwards and backwards, and describes itself in one line.
 */
package dev.chorm.migrations.operations;
