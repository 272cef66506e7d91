// Both goals fail with the framework's message, which names the class, the field and the problem.
def log = new File(basedir, 'build.log').text
assert log.contains("The project is not compiled: ") && log.contains("Run 'mvn compile clickhouse:check'.")
assert log.contains('System check identified 1 issue(s):')
assert log.contains('Event.port: @UInt16 needs') : 'the message does not name Event.port'
assert log.contains('found String')
// The check run alone repeats its message (error line and -e stack trace), so name the goal that failed.
assert log.contains('makemigrations (default-cli) on project check-broken-model: Event.port: @UInt16 needs') : 'makemigrations did not report the broken model'
assert !new File(basedir, 'src/main/resources/db/clickhouse').exists()
true
