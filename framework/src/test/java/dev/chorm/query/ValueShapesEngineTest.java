package dev.chorm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ChormException;
import dev.chorm.db.Database;
import dev.chorm.query.fixtures.Blob;
import dev.chorm.query.fixtures.Host;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Values read back exactly and as the declared Java type: binary strings, generic IPs, IPv4 checks. */
class ValueShapesEngineTest {
    private static final byte[] ALL_BYTES = allBytes();
    private static Database db;

    @BeforeAll
    static void load() {
        db = EngineSupport.open("valueshapes");
        db.createTables(Blob.class, Host.class);
        Blob b = new Blob();
        b.data = ALL_BYTES;
        b.fixed = new byte[] {(byte) 0x00, (byte) 0x80, (byte) 0xC3, (byte) 0xFF};
        db.objects(Blob.class).create(b);
        Host h = new Host();
        h.ip = "3.4.5.6";
        h.v4 = "1.2.3.4";
        h.ips = List.of("1.2.3.4", "2001:db8::1", "::ffff:5.6.7.8");
        h.addresses = List.of(address("9.8.7.6"), address("::1"));
        h.endpoint = new Host.Endpoint("7.7.7.7", 80);
        db.objects(Host.class).create(h);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void binaryStringsRoundTripEveryByte() {
        QuerySet<Blob> blobs = db.objects(Blob.class);
        byte[] fixed = {(byte) 0x00, (byte) 0x80, (byte) 0xC3, (byte) 0xFF};
        assertThat(blobs.fetch().get(0).data).isEqualTo(ALL_BYTES);
        assertThat(blobs.get().fixed).isEqualTo(fixed);
        try (Stream<Blob> s = blobs.stream()) {
            assertThat(s.findFirst().orElseThrow().data).isEqualTo(ALL_BYTES);
        }
        assertThat((byte[]) blobs.values("data").get().get("data")).isEqualTo(ALL_BYTES);
        assertThat((byte[]) blobs.valuesList("data", "fixed").get().get(1)).isEqualTo(fixed);
        assertThat(blobs.valuesList("data", byte[].class).get()).isEqualTo(ALL_BYTES);
        assertThat(blobs.filter("data", ALL_BYTES).count()).isEqualTo(1);
        assertThat(blobs.filter("data__in", blobs.valuesList("data", byte[].class)).count()).isEqualTo(1);
        // Raw SQL selects the column as written, which the driver decodes as UTF-8: ASCII survives.
        assertThat(db.raw("SELECT * FROM blob").fetch(Blob.class).get(0).data)
                .startsWith(java.util.Arrays.copyOf(ALL_BYTES, 128));
    }

    @Test
    void arraysOfGenericIpHoldMappedAndNativeAddresses() {
        Host h = db.objects(Host.class).get();
        assertThat(h.ips).containsExactly("1.2.3.4", "2001:db8::1", "5.6.7.8");
        assertThat(h.addresses).containsExactly(address("9.8.7.6"), address("::1"));
        assertThat(db.objects(Host.class).values("ips").get().get("ips"))
                .isEqualTo(List.of("1.2.3.4", "2001:db8::1", "5.6.7.8"));
    }

    @Test
    void valuesComeBackAsTheDeclaredJavaType() {
        Map<String, Object> row = db.objects(Host.class).values("ip", "v4").get();
        assertThat(row).isEqualTo(Map.of("ip", "3.4.5.6", "v4", "1.2.3.4"));
        assertThat(db.objects(Host.class).valuesList("ip", "v4").get()).isEqualTo(List.of("3.4.5.6", "1.2.3.4"));
        assertThat(db.objects(Host.class).valuesList("ip", String.class).get()).isEqualTo("3.4.5.6");
        assertThat(db.objects(Host.class).values("endpoint__ip", "endpoint__port", "ips__0").get())
                .isEqualTo(Map.of("endpoint__ip", "7.7.7.7", "endpoint__port", 80, "ips__0", "1.2.3.4"));
        assertThat(db.objects(Host.class).get().endpoint).isEqualTo(new Host.Endpoint("7.7.7.7", 80));
    }

    @Test
    void genericIpLookupsCompareTheTextUsersRead() {
        QuerySet<Host> hosts = db.objects(Host.class);
        assertThat(hosts.filter("ip__startswith", "3.4").count()).isEqualTo(1);
        assertThat(hosts.filter("ip__startswith", "::ffff:").count()).isZero();
        assertThat(hosts.filter("ip__endswith", ".6").count()).isEqualTo(1);
        assertThat(hosts.filter("ip", "3.4.5.6").count()).isEqualTo(1);
        assertThat(hosts.filter("ip__iexact", "3.4.5.6").count()).isEqualTo(1);
    }

    @Test
    void ipv4FieldsRejectWhatIsNotAnAddress() {
        Host h = new Host();
        h.v4 = "123";
        assertThatThrownBy(() -> db.objects(Host.class).create(h)).isInstanceOf(ChormException.class)
                .hasMessage("Cannot insert row 0 of the batch into `host`: Host.v4: Cannot write 123 (String) as IPv4:"
                        + " it is not an IPv4 address; write four numbers 0..255 separated by dots, like 192.168.0.1.");
        h.v4 = "1.2.3";
        assertThatThrownBy(() -> db.objects(Host.class).create(h)).hasMessageContaining("Host.v4: Cannot write 1.2.3");
        assertThat(db.objects(Host.class).count()).isEqualTo(1);
    }

    @Test
    void neNullFindsTheRowsWithAValueAndExcludeTheOthers() {
        QuerySet<dev.chorm.query.fixtures.Reading> r = db.objects(dev.chorm.query.fixtures.Reading.class);
        db.createTables(dev.chorm.query.fixtures.Reading.class);
        db.execute("INSERT INTO reading (sensor, day, value) VALUES ('s1', '2024-01-01', 1.5), ('s1', '2024-01-02', NULL),"
                + " ('s2', '2024-01-01', NULL)");
        assertThat(r.filter("value__ne", null).count()).isEqualTo(1);
        assertThat(r.exclude("value__ne", null).count()).isEqualTo(2);
        assertThat(r.filter("value", null).count()).isEqualTo(2);
    }
}
