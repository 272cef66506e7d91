package dev.chorm.it.cluster;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skip a test class, with the reason, unless the {@code compose.yaml} cluster answers. A condition
 * is evaluated before any {@code beforeAll} callback, so {@code @ClickhouseTest} does not try to
 * provision databases on a cluster that is not there.
 */
public final class RequiresComposeCluster implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = ComposeCluster.unreachableReason();
        return reason == null ? ConditionEvaluationResult.enabled("compose.yaml cluster is up")
                : ConditionEvaluationResult.disabled("compose.yaml cluster not reachable (" + reason
                        + "); start it with 'docker compose up -d' to run the cluster tests");
    }
}
