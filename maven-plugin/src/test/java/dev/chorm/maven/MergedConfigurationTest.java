package dev.chorm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MergedConfigurationTest {
    private final MergedConfiguration merged = new MergedConfiguration("default",
            Map.of("check", "", "fake", "FALSE", "skip", "yes", "app", " events , billing ,", "migrationsDirectory", "/m"),
            Map.of("chorm.databases.default.password", "secret", "chorm.databases.default.user", "app"));

    @Test
    void readsFlagsAsMavenDoes() {
        assertThat(merged.flag("check", false)).isTrue();
        assertThat(merged.flag("fake", true)).isFalse();
        assertThat(merged.flag("plan", true)).isTrue();
        assertThatThrownBy(() -> merged.flag("skip", false))
                .hasMessage("Parameter skip must be true or false, found 'yes'.");
    }

    @Test
    void splitsListsAtCommas() {
        assertThat(merged.list("app")).containsExactly("events", "billing");
        assertThat(merged.list("target")).isEmpty();
    }

    @Test
    void readsSecondsAsDurations() {
        MergedConfiguration lock = new MergedConfiguration("default", Map.of("lockWait", " 30 ", "lockStaleAfter", "2m"), Map.of());
        assertThat(lock.seconds("lockWait", java.time.Duration.ZERO)).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(lock.seconds("plan", java.time.Duration.ofMinutes(5))).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThatThrownBy(() -> lock.seconds("lockStaleAfter", java.time.Duration.ZERO))
                .hasMessage("Parameter lockStaleAfter must be a whole number of seconds (0 or more), found '2m'.");
    }

    @Test
    void masksPasswordsInTheDescription() {
        assertThat(merged.describe()).contains("chorm.databases.default.password = ******")
                .contains("chorm.databases.default.user = app").doesNotContain("secret");
    }
}
