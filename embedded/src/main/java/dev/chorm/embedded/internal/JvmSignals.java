package dev.chorm.embedded.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this JVM can host the engine. chDB installs its own handlers for SIGSEGV and friends,
 * which the JVM needs for null checks and safepoints; only a JVM started with libjsig preloaded
 * chains them safely (measured: every other set-up crashed or hung).
 */
public final class JvmSignals {
    private JvmSignals() {
    }

    /** Return the libjsig of the running Java installation. */
    public static Path libjsig() {
        Path home = Path.of(System.getProperty("java.home"));
        Path lib = home.resolve("lib").resolve(System.mapLibraryName("jsig"));
        return Files.exists(lib) ? lib : home.resolve("lib/server").resolve(System.mapLibraryName("jsig"));
    }

    /** Return true when libjsig is loaded in this process. */
    public static boolean hasLibjsig() {
        try {
            return Files.readString(Path.of("/proc/self/maps")).contains(System.mapLibraryName("jsig"));
        } catch (IOException | RuntimeException e) {
            String preload = System.getenv("LD_PRELOAD");
            return preload != null && preload.contains("jsig");
        }
    }

    /** Return the environment variable that preloads a library on this platform. */
    public static String preloadVariable() {
        return System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("mac")
                ? "DYLD_INSERT_LIBRARIES" : "LD_PRELOAD";
    }
}
