"""Drives the embedded server with the official Python client, clickhouse-connect.

Usage: python3 clickhouse_connect_check.py PORT DATABASE
For every compression mode the client offers it inserts rows (with blank lines inside values)
into DATABASE.t_<mode>, reads them back, binds parameters and uses a session; it prints one
line per check, which OfficialClientsTest compares and cross-checks through plain HTTP.
"""
import datetime
import sys
import uuid

import clickhouse_connect

port, database = int(sys.argv[1]), sys.argv[2]
MODES = [("none", False), ("default", True), ("lz4", "lz4"), ("zstd", "zstd"), ("gzip", "gzip"),
         ("br", "br")]  # its "deflate" cannot compress inserts (the client has no deflate writer)

for name, compress in MODES:
    client = clickhouse_connect.get_client(host="127.0.0.1", port=port, username="default", password="",
                                           database=database, compress=compress,
                                           session_id="py-" + name + "-" + uuid.uuid4().hex)
    table = "t_" + name
    client.command(f"CREATE TABLE {table} (id UInt32, s String, d DateTime('Europe/Berlin')) "
                   "ENGINE = MergeTree ORDER BY id")
    when = datetime.datetime(2024, 1, 1, 12, 0, tzinfo=datetime.timezone.utc)
    rows = [[i, "a\n\nb" if i % 2 else "v%d" % i, when] for i in range(5000)]
    summary = client.insert(table, rows, column_names=["id", "s", "d"])
    print(name, "insert", summary.written_rows)
    count = client.query(f"SELECT count(), sum(id) FROM {table}").result_rows[0]
    print(name, "count", count[0], count[1])
    picked = client.query(f"SELECT id, s FROM {table} WHERE id < {{n:UInt32}} ORDER BY id",
                          parameters={"n": 3}).result_rows
    print(name, "params", repr(picked))
    big = client.query("SELECT number, toString(number) FROM numbers(100000)").result_rows
    print(name, "big", len(big), big[-1][0], big[-1][1])
    client.command("CREATE TEMPORARY TABLE tmp (x UInt8)")
    client.insert("tmp", [[7], [8]], column_names=["x"])
    client.command("SET max_threads = 3")
    print(name, "session", client.command("SELECT sum(x) FROM tmp"),
          client.command("SELECT value FROM system.settings WHERE name = 'max_threads'"))
    print(name, "zone", client.query(f"SELECT d FROM {table} WHERE id = 0").result_rows[0][0].isoformat())
    client.close()
