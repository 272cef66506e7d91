package dev.chorm.it.cluster;

import dev.chorm.schema.StorageProfile;
import dev.chorm.schema.StorageProfiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * The 2-shard x 2-replica cluster of {@code compose.yaml} (nodes on 127.0.0.1:8123..8126).
 * The embedded engine has no Keeper and no peers, so cluster behaviour runs only here; without
 * Docker the tests are skipped with the reason.
 */
final class ComposeCluster {
    static final String CLUSTER = "cluster";
    static final int[] PORTS = {8123, 8124, 8125, 8126};
    /** Models render as declared here: Replicated engines, ON CLUSTER, Distributed tables. */
    static final StorageProfiles PROFILE = StorageProfiles.of(StorageProfile.CLUSTER, "compose.yaml cluster");

    private ComposeCluster() {
    }

    /** Skip the calling test unless every node answers and knows the cluster. */
    static void assumeRunning() {
        String reason = unreachableReason();
        Assumptions.assumeTrue(reason == null, () -> "compose.yaml cluster not reachable (" + reason
                + "); start it with 'docker compose up -d' to run the cluster tests");
    }

    static String jdbcUrl(int port) {
        return "jdbc:clickhouse://127.0.0.1:" + port + "/default";
    }

    /** Return why the cluster cannot be used, or null when every node answers and knows it. */
    static String unreachableReason() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (int port : PORTS) {
            try {
                String query = "SELECT+count()+FROM+system.clusters+WHERE+cluster%3D%27" + CLUSTER + "%27";
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/?query=" + query))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || !r.body().strip().equals("4")) {
                    return "node 127.0.0.1:" + port + " answered " + r.statusCode() + " '" + r.body().strip()
                            + "' instead of 4 replicas of cluster '" + CLUSTER + "'";
                }
            } catch (Exception e) {
                return "no ClickHouse on 127.0.0.1:" + port + ": " + e.getClass().getSimpleName();
            }
        }
        return null;
    }
}
