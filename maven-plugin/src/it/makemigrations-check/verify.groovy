// The failed checks name the changed models and write nothing.
def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'src/main/resources/db/clickhouse/events')
assert new File(dir, '0001_initial.json').isFile()
assert dir.list().toList() == ['0001_initial.json'] : "a check wrote files: ${dir.list()}"

assert log.contains('Models have changes that are not in migrations yet:')
assert log.contains('Add field note to Event') : 'the changed model Event is not named'
assert log.contains('Create model Alert') : 'the new model Alert is not named'
assert log.contains("Run 'mvn clickhouse:makemigrations' to write them.")
// Both failing runs (the -D one and the lifecycle-bound one) report it; one run alone repeats the
// message in the -e stack trace, so name the execution that failed.
assert log.contains('makemigrations (default-cli) on project makemigrations-check: Models have changes')
assert log.contains('makemigrations (migrations-up-to-date) on project makemigrations-check: Models have changes') : 'the goal bound in the POM did not check'
assert log.contains('No changes detected')
true
