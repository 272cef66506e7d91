// One initial migration per app; the failed checks name the changed models and write nothing.
def log = new File(basedir, 'build.log').text
def events = new File(basedir, 'src/main/resources/db/clickhouse/events')
def billing = new File(basedir, 'src/main/resources/db/clickhouse/billing')
assert events.list().toList() == ['0001_initial.json'] : "a check wrote files: ${events.list()}"
assert billing.list().toList() == ['0001_initial.json'] : "a check wrote files: ${billing.list()}"
def initial = new File(events, '0001_initial.json').text
assert initial.contains('"Event"') && initial.contains('"Host"') : 'the events app lost a model'
def billed = new File(billing, '0001_initial.json').text
assert ['"Invoice"', '"Payment"', '"Refund"'].every { billed.contains(it) } : 'the billing app lost a model'

assert !log.contains('ConcurrentModificationException')
assert log.contains('Models have changes that are not in migrations yet:')
assert log.contains('Add field note to Event') : 'the changed model Event is not named'
assert log.contains('Create model Alert') : 'the new model Alert is not named'
assert !log.contains("Migrations for 'billing':\n  billing/0002") : 'the unchanged app billing got a migration'
assert log.contains("Run 'mvn clickhouse:makemigrations' to write them.")
// Both failing runs (the -D one and the lifecycle-bound one) report it; one run alone repeats the
// message in the -e stack trace, so name the execution that failed.
assert log.contains('makemigrations (default-cli) on project makemigrations-check: Models have changes')
assert log.contains('makemigrations (migrations-up-to-date) on project makemigrations-check: Models have changes') : 'the goal bound in the POM did not check'
// The no-change check of run 2 and the bound check of run 5.
assert log.count('No changes detected') >= 2 : 'a check without changes did not pass'
true
