package dev.chorm.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings that make writes synchronous in tests, and that the user's own win. */
class SyncSettingsTest {

    @Test
    void singleNodeWaitsForMutations() {
        assertThat(SyncSettings.merge(Map.of(), false, 0)).isEqualTo(Map.of("mutations_sync", "1"));
    }

    @Test
    void clusterWaitsForEveryReplicaAsTheReferenceBackendSuggests() {
        assertThat(SyncSettings.merge(Map.of(), true, 2)).isEqualTo(Map.of("mutations_sync", "2", "alter_sync", "2",
                "insert_distributed_sync", "1", "insert_quorum", "2"));
        assertThat(SyncSettings.merge(Map.of(), true, 1)).doesNotContainKey("insert_quorum");
    }

    @Test
    void theUsersSettingsWinUnderEitherName() {
        assertThat(SyncSettings.merge(Map.of("mutations_sync", "0", "distributed_foreground_insert", "0",
                "max_threads", "1"), true, 2)).isEqualTo(Map.of("mutations_sync", "0", "distributed_foreground_insert", "0",
                "max_threads", "1", "alter_sync", "2", "insert_quorum", "2"));
    }
}
