/**
 * Drive chorm's migration engine from Maven: {@code mvn clickhouse:makemigrations}, {@code migrate},
 * {@code showmigrations}, {@code sqlmigrate} and {@code check}.
 *
 * <p>Each goal is a few lines over {@link dev.chorm.migrations.Migrations}; {@link dev.chorm.maven.AbstractClickhouseMojo}
 * holds what they share: skipping, the project class loader, the configuration order and the mapping of
 * failures to Maven's exceptions.
 */
package dev.chorm.maven;
