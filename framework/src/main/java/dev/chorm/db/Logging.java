package dev.chorm.db;

import java.util.ServiceLoader;

/**
 * chorm's logging defaults, applied once before the framework, HikariCP or the driver create a logger.
 *
 * <ul>
 *   <li>HikariCP's INFO lines (pool starting, started, shutting down, shut down) would appear on every
 *       Maven goal and program run; on slf4j-simple (and Maven's console logger, which is built on it)
 *       they are set to WARN unless {@code org.slf4j.simpleLogger.log.com.zaxxer.hikari} is already set.
 *       With logback or log4j, configure the logger {@code com.zaxxer.hikari} there.</li>
 *   <li>Without any SLF4J provider, slf4j-api prints {@code No SLF4J providers were found} and then
 *       logs nothing. chorm then selects slf4j-api's own no-operation provider explicitly, which
 *       behaves the same without the warning; add a provider (slf4j-simple, logback) to see logs.</li>
 * </ul>
 */
final class Logging {
    static final String HIKARI_LEVEL = "org.slf4j.simpleLogger.log.com.zaxxer.hikari";
    static final String PROVIDER = "slf4j.provider";
    static final String NOP_PROVIDER = "org.slf4j.helpers.NOP_FallbackServiceProvider";
    private static boolean applied;

    private Logging() {
    }

    /** Apply the defaults once per JVM; a setting the user made is never changed. */
    static synchronized void applyDefaults() {
        if (applied) {
            return;
        }
        applied = true;
        System.getProperties().putIfAbsent(HIKARI_LEVEL, "warn");
        if (System.getProperty(PROVIDER) == null && lacksProvider()) {
            System.setProperty(PROVIDER, NOP_PROVIDER);
            // slf4j-api says at INFO which explicitly chosen provider it loads; only that is silenced here.
            System.getProperties().putIfAbsent("slf4j.internal.verbosity", "WARN");
        }
    }

    /**
     * Return whether slf4j-api 2 is in use and no provider is on its class path. Under slf4j 1.x (the
     * API Maven 3 gives its plugins) there is no provider mechanism to choose, so nothing is changed.
     */
    @SuppressWarnings("unchecked")
    private static boolean lacksProvider() {
        ClassLoader loader = org.slf4j.LoggerFactory.class.getClassLoader();
        Class<Object> spi;
        try {
            spi = (Class<Object>) Class.forName("org.slf4j.spi.SLF4JServiceProvider", false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return ServiceLoader.load(spi, loader).stream().findAny().isEmpty();
    }
}
