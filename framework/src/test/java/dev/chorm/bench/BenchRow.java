package dev.chorm.bench;

import dev.chorm.model.Table;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.types.annotation.LowCardinality;
import dev.chorm.types.annotation.UInt32;
import java.time.Instant;
import java.time.LocalDate;

/** The benchmark's 10-column model: the common scalar types of an event table. */
@Table(name = "bench_row")
@MergeTree(orderBy = "id")
public class BenchRow {
    static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    static final LocalDate DAY = LocalDate.of(2024, 1, 1);
    static final String[] CITIES = {"Paris", "Zürich", "Lisbon", "Tokyo", "Lagos", "Lima", "Oslo", "Pune"};

    public long id;
    public int port;
    public long bytes;
    public double ratio;
    public String name = "";
    @LowCardinality public String city = "";
    public Instant at = EPOCH;
    public LocalDate day = DAY;
    public boolean active;
    @UInt32 public long code;

    /** Return row {@code i}; the SQL in {@link QuerySetBenchmark#SELECT_CEILING} computes the same values. */
    static BenchRow of(long i) {
        BenchRow r = new BenchRow();
        r.id = i;
        r.port = (int) (i % 65536);
        r.bytes = i * 1000;
        r.ratio = i / 7.0;
        r.name = "name-" + i;
        r.city = CITIES[(int) (i % CITIES.length)];
        r.at = EPOCH.plusMillis(i);
        r.day = DAY.plusDays(i % 365);
        r.active = i % 2 == 0;
        r.code = i % 4_000_000_000L;
        return r;
    }
}
