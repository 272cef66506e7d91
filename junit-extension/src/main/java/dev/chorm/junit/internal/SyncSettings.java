package dev.chorm.junit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Make writes synchronous in tests, as the reference backend's test settings do, so that a test can
 * assert right after an update, a delete or an insert: {@code mutations_sync} 1 on a single node, 2
 * on a cluster, and on a cluster also {@code alter_sync=2}, {@code insert_distributed_sync=1} and
 * {@code insert_quorum} = the cluster's replicas per shard. The user's own settings win, and a
 * setting given under another name of the same setting counts as given.
 */
final class SyncSettings {
    /** Names of one setting: the newer name first. A server accepts the older name as an alias. */
    private static final List<List<String>> SYNONYMS = List.of(
            List.of("distributed_foreground_insert", "insert_distributed_sync"),
            List.of("alter_sync", "replication_alter_partitions_sync"));

    private SyncSettings() {
    }

    /** Return {@code user}'s settings plus the test defaults it does not set; {@code replicas} is 0 without a cluster. */
    static Map<String, String> merge(Map<String, String> user, boolean cluster, int replicas) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("mutations_sync", cluster ? "2" : "1");
        if (cluster) {
            defaults.put("alter_sync", "2");
            // The older name: servers before 23.x know only it, newer ones take it as an alias.
            defaults.put("insert_distributed_sync", "1");
            if (replicas > 1) {
                defaults.put("insert_quorum", Integer.toString(replicas));
            }
        }
        Map<String, String> out = new LinkedHashMap<>(user);
        defaults.forEach((name, value) -> {
            if (names(name).stream().noneMatch(user::containsKey)) {
                out.put(name, value);
            }
        });
        return out;
    }

    private static List<String> names(String name) {
        return SYNONYMS.stream().filter(s -> s.contains(name)).findFirst().orElse(List.of(name));
    }
}
