// Each run wrote where the winning source said, and only there.
def log = new File(basedir, 'build.log').text
def migration = { dir -> new File(basedir, "${dir}/events/0001_initial.json") }
assert migration('property-dir').isFile() : 'the project property did not beat the POM (or the POM packages did not beat clickhouse.properties)'
assert migration('env-dir').isFile() : 'the environment variable did not beat the project property'
assert migration('cli-dir').isFile() : 'the system property did not beat the environment variable'
assert !new File(basedir, 'pom-dir').exists()
assert !new File(basedir, 'src/main/resources/db/clickhouse').exists()

def data = new File(basedir, 'cli-data').canonicalPath
assert log.contains("embedded engine, data in ${data}") : '-Dclickhouse.dataDir did not beat CHORM_DATABASES_DEFAULT_DATA_DIR'
assert new File(basedir, 'env-data').isDirectory() : 'CHORM_DATABASES_DEFAULT_DATA_DIR did not beat the POM <dataDir>'
assert !new File(basedir, 'pom-data').exists() && !new File(basedir, 'file-data').exists()
assert log.contains('Applying events/0001_initial')
assert log.contains('\n [ ] 0001_initial\n') : 'showmigrations on env-data should see nothing applied'
assert log.contains('Skipping clickhouse:migrate (clickhouse.skip is true).')
true
