package dev.chorm.junit.internal;

import java.util.Properties;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.clickhouse.ClickHouseContainer;

/**
 * A single-node ClickHouse in a Docker container, through Testcontainers' ClickHouse module, started
 * once per JVM when {@code chorm.test.container} names an image. Testcontainers is an optional
 * dependency: {@link TestServers} loads this class only after checking that the module is on the classpath.
 */
final class ContainerServer implements Server, AutoCloseable {
    /** The key naming the image, such as {@code clickhouse/clickhouse-server:25.8}. */
    static final String KEY = "chorm.test.container";

    private final ClickHouseContainer container;

    private ContainerServer(ClickHouseContainer container) {
        this.container = container;
    }

    /** Start a container of {@code image}, or fail saying that Docker is missing. */
    static Server start(String image) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new SetupException(("%s=%s asks for a ClickHouse container, but Docker is not available"
                    + " (Testcontainers found no Docker environment). Start Docker, or remove %s to use the embedded engine.")
                    .formatted(KEY, image, KEY));
        }
        ClickHouseContainer container = new ClickHouseContainer(image);
        container.start();
        return new ContainerServer(container);
    }

    @Override
    public String jdbcUrl(String database) {
        return JdbcUrls.withDatabase(container.getJdbcUrl(), database);
    }

    @Override
    public Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", container.getUsername());
        p.setProperty("password", container.getPassword());
        return p;
    }

    @Override
    public String identity() {
        return "container:" + container.getDockerImageName();
    }

    @Override
    public String connectHint(String database) {
        return "%s (user %s) while the container %s runs; it stops with the tests"
                .formatted(jdbcUrl(database), container.getUsername(), container.getContainerId());
    }

    @Override
    public void close() {
        container.stop();
    }
}
