package dev.chorm.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Mark a test class that only {@link Kit} runs (many fail on purpose): any other run, such as an IDE
 * running a package or {@code -Dtest=...} patterns that include nested classes, skips it before the
 * extension provisions anything.
 */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(Scenario.OnlyInKit.class)
@interface Scenario {
    /** The configuration parameter {@link Kit} sets. */
    String KIT = "chorm.junit.kit";

    /** Skip the class unless {@link Kit} runs it. */
    final class OnlyInKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(KIT).isPresent()
                    ? ConditionEvaluationResult.enabled("run by Kit")
                    : ConditionEvaluationResult.disabled("a scenario that only Kit runs, from its enclosing test");
        }
    }
}
