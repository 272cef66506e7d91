package dev.chorm.query;

import dev.chorm.db.Database;
import dev.chorm.query.fixtures.Customer;
import dev.chorm.query.fixtures.Hit;
import dev.chorm.query.fixtures.IrishLastName;
import dev.chorm.query.fixtures.Person;
import dev.chorm.query.fixtures.Purchase;
import dev.chorm.query.fixtures.Version;
import dev.chorm.query.fixtures.Visit;

/** Create the tables the SQL tests query, with a few rows, and run SQL through the engine. */
final class SqlEngineTest {
    private SqlEngineTest() {
    }

    /** Return a database holding every fixture table with a few rows. */
    static Database withFixtures(String prefix) {
        Database db = EngineSupport.open(prefix);
        db.createTables(Hit.class, Person.class, IrishLastName.class, Customer.class, Purchase.class, Version.class,
                Visit.class);
        db.execute("INSERT INTO hit (id, ip, port, protocol, timestamp, action, note, tags, attrs, bytes) VALUES "
                + "(1, '1.2.3.4', 80, 'TCP', '2024-01-02 03:04:05.123456', 'PASS', NULL, ['a', 'b'], {'k': 'v'}, 100),"
                + "(2, '2.3.4.5', 443, 'UDP', '2024-02-03 04:05:06', 'DROP', 'x', ['b'], {}, 2000)");
        db.execute("INSERT INTO person (id, first_name, last_name, birthday, height) VALUES "
                + "(1, 'Ciaran', 'Carver', '1990-01-01', 1.7), (2, 'David', 'Murphy', '2001-05-06', 1.9)");
        db.execute("INSERT INTO irish_last_name (name) VALUES ('Murphy'), ('O''Sullivan')");
        db.execute("INSERT INTO customer (id, name, country) VALUES (10, 'Ann', 'FR')");
        db.execute("INSERT INTO purchase (id, customer_id, amount) VALUES (1, 10, 5.5), (2, 11, 7)");
        db.execute("INSERT INTO version (key, ver, value) VALUES ('a', 1, 'old'), ('a', 2, 'new')");
        db.execute("INSERT INTO visit (user_hash, page) SELECT cityHash64(number), toString(number) FROM numbers(100)");
        return db;
    }
}
