package dev.chorm.maven;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Make sure a goal that cannot reach its server says which URL it tried and what to do, however
 * deep in the driver the failure was raised. A message that already names the URL is kept as it
 * is; otherwise the wrapping text (such as a statement "ClickHouse rejected", which it never saw)
 * would mislead, so the goal reports the connection failure itself.
 */
final class ConnectionFailures {
    private ConnectionFailures() {
    }

    /**
     * Return the exception a goal fails with for {@code failure}. A rewritten message gets the
     * connection failure as its cause, not {@code failure}: Maven appends a cause's message that the
     * message does not already hold, which would bring the misleading text back.
     */
    static MojoExecutionException exception(Throwable failure, MergedConfiguration configuration) {
        String message = message(failure, configuration);
        Throwable cause = message.equals(failure.getMessage()) ? failure : connectionCause(failure).orElse(failure);
        return new MojoExecutionException(message, cause);
    }

    /** Return the message a goal fails with for {@code failure} while working on the configured alias. */
    static String message(Throwable failure, MergedConfiguration configuration) {
        String message = failure.getMessage() == null || failure.getMessage().isBlank() ? failure.toString() : failure.getMessage();
        String alias = configuration.alias();
        Optional<String> url = configuration.config().database(alias).url().map(u -> u.replaceFirst("\\?.*", ""));
        Optional<Throwable> cause = connectionCause(failure);
        if (url.isEmpty() || cause.isEmpty() || message.contains(url.get())) {
            return message;
        }
        Throwable c = cause.get();
        return ("Cannot connect to ClickHouse '%s' at %s (%s%s). Start the server, or check the URL:"
                + " chorm.databases.%s.url in clickhouse.properties, or -Dclickhouse.url=...")
                .formatted(alias, url.get(), c.getClass().getSimpleName(), c.getMessage() == null ? "" : ": " + c.getMessage(), alias);
    }

    private static Optional<Throwable> connectionCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                    || t instanceof HttpConnectTimeoutException) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
