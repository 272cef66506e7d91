// The README's POM compiled the model (release 17), and makemigrations and migrate ran on it.
def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/classes/com/example/events/Event.class').isFile() : 'the model was not compiled'
assert new File(basedir, 'src/main/resources/db/clickhouse/events/0001_initial.json').isFile()
assert log.contains('Applying events/0001_initial')
assert log.contains('\n [X] 0001_initial\n')
assert !log.contains('Source option 5 is no longer supported')
true
