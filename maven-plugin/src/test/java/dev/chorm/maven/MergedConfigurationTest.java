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
    void masksPasswordsInTheDescription() {
        assertThat(merged.describe()).contains("chorm.databases.default.password = ******")
                .contains("chorm.databases.default.user = app").doesNotContain("secret");
    }
}
