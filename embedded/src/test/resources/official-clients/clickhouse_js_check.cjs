// Drives the embedded server with the official JS client, @clickhouse/client.
// Usage: node clickhouse_js_check.cjs PORT DATABASE   (NODE_PATH names the folder holding the client)
// For each compression setting it inserts rows into DATABASE.t_<mode>, reads them back, binds
// parameters and uses a session; it prints one line per check for OfficialClientsTest.
const { createClient } = require('@clickhouse/client');

const [port, database] = process.argv.slice(2);
const MODES = [
  ['none', { request: false, response: false }],
  ['request', { request: true, response: false }],
  ['response', { request: false, response: true }],
  ['both', { request: true, response: true }],
];

(async () => {
  for (const [name, compression] of MODES) {
    const client = createClient({
      url: `http://127.0.0.1:${port}`, username: 'default', password: '', database, compression,
      session_id: `js-${name}-${Date.now()}`,
    });
    const table = `t_${name}`;
    await client.command({ query: `CREATE TABLE ${table} (id UInt32, s String) ENGINE = MergeTree ORDER BY id` });
    const values = [];
    for (let i = 0; i < 5000; i++) values.push({ id: i, s: i % 2 ? 'a\n\nb' : `v${i}` });
    const inserted = await client.insert({ table, values, format: 'JSONEachRow' });
    console.log(name, 'insert', inserted.summary ? inserted.summary.written_rows : 'none');
    const count = await (await client.query({ query: `SELECT count() AS c, sum(id) AS s FROM ${table}`, format: 'JSONEachRow' })).json();
    console.log(name, 'count', count[0].c, count[0].s);
    const picked = await (await client.query({
      query: `SELECT id, s FROM ${table} WHERE id < {n:UInt32} ORDER BY id`, query_params: { n: 3 }, format: 'JSONCompactEachRow',
    })).json();
    console.log(name, 'params', JSON.stringify(picked));
    const big = await (await client.query({ query: 'SELECT number FROM numbers(100000)', format: 'JSONCompactEachRow' })).json();
    console.log(name, 'big', big.length, big[big.length - 1][0]);
    await client.command({ query: 'CREATE TEMPORARY TABLE tmp (x UInt8)' });
    await client.insert({ table: 'tmp', values: [{ x: 7 }, { x: 8 }], format: 'JSONEachRow' });
    await client.command({ query: 'SET max_threads = 3' });
    const session = await (await client.query({
      query: "SELECT (SELECT sum(x) FROM tmp) AS s, (SELECT value FROM system.settings WHERE name = 'max_threads') AS t",
      format: 'JSONEachRow',
    })).json();
    console.log(name, 'session', session[0].s, session[0].t);
    await client.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
