package dev.chorm.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.ConfigKeys;
import org.junit.jupiter.api.Test;

/** The keys @ClickhouseTest reads are among the framework's known keys, so setting them never warns. */
class ConfigKeysKnownTest {

    @Test
    void theExtensionsKeysAreKnown() {
        assertThat(ConfigKeys.isKnown(ContainerServer.KEY)).isTrue();
        assertThat(ConfigKeys.isKnown(SchemaFiller.MIGRATIONS_KEY)).isTrue();
        assertThat(ConfigKeys.isKnown(TestSetup.KEEP_PROPERTY)).isTrue();
        assertThat(ConfigKeys.isKnown("chorm.databases.default.test.name")).isTrue();
    }
}
