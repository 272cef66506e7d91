package dev.chorm.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** Run test classes inside a test with JUnit's EngineTestKit and read what failed. */
final class Kit {
    private Kit() {
    }

    /** Run {@code classes} with the Jupiter engine and {@code parameters} as configuration parameters. */
    static EngineExecutionResults run(Map<String, String> parameters, Class<?>... classes) {
        var request = EngineTestKit.engine("junit-jupiter").configurationParameters(parameters)
                .configurationParameter(Scenario.KIT, "true");
        for (Class<?> c : classes) {
            request = request.selectors(selectClass(c));
        }
        return request.execute();
    }

    /** Run {@code classes} one after the other, with JUnit's defaults. */
    static EngineExecutionResults run(Class<?>... classes) {
        return run(Map.of(), classes);
    }

    /** Return the message of the first failure (of a class or of a test) when running {@code testClass}. */
    static String failure(Class<?> testClass) {
        return thrown(testClass).getMessage();
    }

    /** Return the first failure (of a class or of a test) when running {@code testClass}. */
    static Throwable thrown(Class<?> testClass) {
        return run(testClass).allEvents().stream()
                .filter(e -> e.getType() == EventType.FINISHED)
                .map(Event::getPayload).flatMap(java.util.Optional::stream)
                .filter(p -> p instanceof org.junit.platform.engine.TestExecutionResult r
                        && r.getThrowable().isPresent())
                .map(p -> ((org.junit.platform.engine.TestExecutionResult) p).getThrowable().orElseThrow())
                .findFirst().orElseThrow(() -> new AssertionError(testClass.getSimpleName() + " did not fail"));
    }
}
