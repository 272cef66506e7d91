package dev.chorm.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** JSON values of fixtures into field types, and the reasons a value does not fit. */
class FixtureValuesTest {
    enum Color { RED, GREEN }

    @SuppressWarnings("unused")
    private List<Long> longs;
    @SuppressWarnings("unused")
    private Map<String, Integer> counts;

    @Test
    void convertsToTheFieldsType() throws Exception {
        assertThat(FixtureValues.convert(80L, int.class)).isEqualTo(80);
        assertThat(FixtureValues.convert(new BigDecimal("1.5"), double.class)).isEqualTo(1.5);
        assertThat(FixtureValues.convert("GREEN", Color.class)).isEqualTo(Color.GREEN);
        assertThat(FixtureValues.convert("2026-03-01 12:00:00", Instant.class)).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(FixtureValues.convert("2026-03-01", LocalDate.class)).isEqualTo(LocalDate.of(2026, 3, 1));
        UUID u = UUID.randomUUID();
        assertThat(FixtureValues.convert(u.toString(), UUID.class)).isEqualTo(u);
        assertThat(FixtureValues.convert(List.of(1L, 2L), getClass().getDeclaredField("longs").getGenericType()))
                .isEqualTo(List.of(1L, 2L));
        assertThat(FixtureValues.convert(Map.of("a", 1L), getClass().getDeclaredField("counts").getGenericType()))
                .isEqualTo(Map.of("a", 1));
    }

    @Test
    void saysWhyAValueDoesNotFit() {
        assertThatThrownBy(() -> FixtureValues.convert(300L, byte.class))
                .hasMessage("300 is out of range for a Byte (-128 to 127)");
        assertThatThrownBy(() -> FixtureValues.convert(new BigDecimal("1.5"), long.class))
                .hasMessage("expected a whole number, found 1.5");
        assertThatThrownBy(() -> FixtureValues.convert("BLUE", Color.class)).hasMessage("\"BLUE\" is not one of [RED, GREEN]");
        assertThatThrownBy(() -> FixtureValues.convert(null, int.class))
                .hasMessage("null does not fit a int; give a value or use a boxed type");
        assertThatThrownBy(() -> FixtureValues.convert(1L, String.class)).hasMessage("expected a string, found 1");
        assertThatThrownBy(() -> FixtureValues.convert("example.com", java.net.InetAddress.class))
                .hasMessage("\"example.com\" is not a valid InetAddress (not an IP address literal)");
    }
}
