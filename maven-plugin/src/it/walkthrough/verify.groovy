// Check the walk-through: the migration file, each goal's output, and the live table in the engine.
import dev.chorm.db.Database
import java.nio.file.Files

def log = new File(basedir, 'build.log').text
def migration = new File(basedir, 'src/main/resources/db/clickhouse/events/0001_initial.json')
assert migration.isFile() : "makemigrations did not write ${migration}"
assert migration.text.contains('CreateModel')

assert log.contains("Migrations for 'events':")
assert log.contains('- Create model Event')
assert log.contains('Applying events/0001_initial')
assert log.contains('Applied 1, unapplied 0, faked 0 migration(s).')
// Results go to standard output, without the log's [INFO] prefix (they survive -q).
assert log.contains('\n [X] 0001_initial\n')
assert log.contains('CREATE TABLE')
assert log.contains('INDEX `ip_set_idx` ip TYPE set(1000) GRANULARITY 4')
assert log.contains('CONSTRAINT `port_range` CHECK port >= 0 AND port <= 65535')
assert log.contains('\n-- Create model Event (table event)\nCREATE TABLE `event`')
assert log.contains('No migrations to apply.')
assert log.contains('No changes detected')
assert log.contains('System check identified no issues.')
assert log.contains('Unapplying events/0001_initial')
assert log.contains('\n [ ] 0001_initial\n')
assert log.contains('Planned operations:')
assert log.contains('Apply events/0001_initial')
assert log.count('Applied 1, unapplied 0, faked 0 migration(s).') == 2
assert log.contains("Cannot find a migration matching '0009' in app 'events'. Run 'mvn clickhouse:showmigrations' to list them.")
// Every goal says which storage profile is in force; the embedded engine defaults to single-node.
assert log.count('[INFO] Storage profile: single-node (embedded engine; set chorm.databases.default.profile to change it)') == 12
assert log.contains('[INFO] Storage profile: cluster (set by chorm.databases.default.profile)')
assert new File(basedir, '.chorm/data').isDirectory() : 'the embedded data directory is not under the project'

// The live table, as ClickHouse reports it: indexes and constraint included.
def db = Database.embedded(new File(basedir, '.chorm/data').toPath())
try {
    def ddl = db.query('SHOW CREATE TABLE event')[0].values().iterator().next().toString()
    assert ddl.contains('INDEX ip_set_idx ip TYPE set(1000) GRANULARITY 4') : ddl
    assert ddl.contains('INDEX ipv4_bloom_idx ipv4 TYPE bloom_filter(0.001) GRANULARITY 1') : ddl
    assert ddl.contains('CONSTRAINT port_range CHECK') : ddl
    assert ddl.contains('ENGINE = MergeTree') : ddl
} finally {
    db.close()
}
true
