// Check the views scenario: the migration files and their cross-app dependencies, each goal's output in
// order, and the live objects: the materialized view rolls raw rows up as the raw aggregation does (health
// checks left out since 0002), and the plain view names countries through the lookup app's dictionary.
import dev.chorm.db.Database

def log = new File(basedir, 'build.log').text
def migrations = new File(basedir, 'src/main/resources/db/clickhouse')
['raw/0001_initial.json', 'lookup/0001_initial.json', 'reports/0001_initial.json',
 'reports/0002_alter_page_minute_mv_query.json'].each {
    assert new File(migrations, it).isFile() : "makemigrations did not write ${it}"
}
def reports = new File(migrations, 'reports/0001_initial.json').text
assert reports.contains('"dependencies": [ "raw/0001_initial", "lookup/0001_initial" ]') : reports
assert new File(migrations, 'reports/0002_alter_page_minute_mv_query.json').text.contains('"type": "AlterViewQuery"')

// 1: one migration per app, views after the tables they read
assert log.contains("reports/0001_initial.json\n    - Create model PageMinute (table page_minute)\n"
        + "    - Create model PageMinuteMv (table page_minute_mv)\n    - Create model ViewsByCountry (table views_by_country)")
// 2: reports applied after what it reads; 3: nothing left to make, the checks pass
assert log.indexOf('Applying reports/0001_initial') > log.indexOf('Applying raw/0001_initial')
assert log.indexOf('Applying reports/0001_initial') > log.indexOf('Applying lookup/0001_initial')
assert log.count('No changes detected') == 2
assert log.contains('System check identified no issues.')
// 4: the SQL in dependency order, the rollup's states written TO its table
def sql = log.substring(log.indexOf('-- Create model PageMinute (table page_minute)'))
assert sql.indexOf('CREATE TABLE `page_minute`') < sql.indexOf('CREATE MATERIALIZED VIEW `page_minute_mv`\nTO `page_minute`\nAS SELECT')
assert sql.contains("AS SELECT dictGet('country_name', 'name', `country_id`) AS `country`")
// 6: raw to zero takes reports down first and leaves lookup applied
assert log.indexOf('Unapplying reports/0001_initial') < log.indexOf('Unapplying raw/0001_initial')
assert !log.contains('Unapplying lookup/0001_initial')
// 8-12: the changed query is MODIFY QUERY, forwards, backwards and forwards again
assert log.contains('    - Change the query of view PageMinuteMv (ALTER TABLE ... MODIFY QUERY)')
assert log.contains("ALTER TABLE `page_minute_mv` MODIFY QUERY SELECT toStartOfMinute(`ts`) AS `minute`, `page`,")
assert log.contains("WHERE NOT (`page` = '/health')")
assert log.count('Applying reports/0002_alter_page_minute_mv_query') == 2
assert log.contains('Unapplying reports/0002_alter_page_minute_mv_query')
assert !log.contains('[ERROR]')

def db = Database.embedded(new File(basedir, '.chorm/data').toPath())
try {
    db.execute("INSERT INTO country (id, code, name) VALUES (1, 'fr', 'France'), (2, 'pe', 'Peru')")
    db.execute('SYSTEM RELOAD DICTIONARY country_name')
    // several inserts: the view sees each block, and the rollup holds several unmerged parts
    (0..<4).each { batch ->
        db.execute('INSERT INTO page_view (ts, page, user_id, country_id, latency_ms) SELECT'
                + " toDateTime64('2024-05-01 10:00:00', 3) + toIntervalSecond(number * 7 + ${batch}),"
                + " ['/', '/docs', '/health'][number % 3 + 1], number % 50, number % 3, 10 + number % 90"
                + ' FROM numbers(500)')
    }
    def rolled = db.query('SELECT minute, page, uniqMerge(visitors) AS u, sum(hits) AS h,'
            + ' toString(quantilesMerge(0.5, 0.9)(latency)) AS q FROM page_minute GROUP BY minute, page ORDER BY minute, page')
    def raw = db.query('SELECT toStartOfMinute(ts) AS minute, page, uniq(user_id) AS u, count() AS h,'
            + " toString(quantiles(0.5, 0.9)(latency_ms)) AS q FROM page_view WHERE page != '/health'"
            + ' GROUP BY minute, page ORDER BY minute, page')
    assert rolled.size() > 10 : rolled
    assert rolled.toString() == raw.toString()
    def byCountry = db.query('SELECT country, views FROM views_by_country ORDER BY country')
    assert byCountry.collect { it.country } == ['France', 'Peru', 'unknown'] : byCountry
    assert byCountry.collect { it.views as long }.sum() == 2000
} finally {
    db.close()
}
true
