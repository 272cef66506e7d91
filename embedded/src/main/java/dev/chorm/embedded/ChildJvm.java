package dev.chorm.embedded;

import com.clickhouse.data.ClickHouseCityHash;
import com.sun.jna.Native;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Starting and stopping the child JVM that hosts the engine. */
final class ChildJvm {
    private ChildJvm() {
    }

    /** Return {@code java [options] -cp CLASSPATH}, ready for a main class and its arguments. */
    static List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The server itself is light: the engine's memory is native, results leave in 1 MiB blocks.
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(classpath());
        return command;
    }

    /**
     * Return {@code command} run in a new session ({@code setsid}) where the system has it, so that
     * a signal to this process's group never reaches the engine's process and the reverse.
     */
    static List<String> detached(List<String> command) {
        List<String> out = new ArrayList<>();
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (new File(setsid).canExecute()) {
                out.add(setsid);
                break;
            }
        }
        out.addAll(command);
        return out;
    }

    /** Describe an exit code: signals are named (137 is SIGKILL, 139 SIGSEGV, ...). */
    static String describeExit(int code) {
        if (code > 128 && code < 160) {
            int signal = code - 128;
            String name = switch (signal) {
                case 9 -> "SIGKILL";
                case 15 -> "SIGTERM";
                case 11 -> "SIGSEGV";
                case 6 -> "SIGABRT";
                case 2 -> "SIGINT";
                default -> "signal " + signal;
            };
            return "died of " + name + " (exit code " + code + ")";
        }
        return "exited with code " + code;
    }

    /** Ask {@code child} to stop (stdin closed or SIGTERM), then force it after a grace period. */
    static void stop(Process child, OutputStream stdin) {
        try {
            if (stdin != null) {
                stdin.close();
            } else {
                child.destroy();
            }
            if (!child.waitFor(40, TimeUnit.SECONDS)) { // longer than the server's shutdown grace (30 s)
                child.destroy();
                if (!child.waitFor(5, TimeUnit.SECONDS)) {
                    child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (IOException ignored) {
            child.destroy();
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Classes whose jars the server needs besides JNA and CityHash: the Content-Encoding codecs. */
    private static final List<String> CODEC_CLASSES = List.of(
            "io.airlift.compress.zstd.ZstdInputStream",
            "net.jpountz.lz4.LZ4FrameOutputStream",
            "org.tukaani.xz.XZInputStream",
            "org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream",
            "org.apache.commons.io.IOUtils",
            "org.apache.commons.codec.digest.XXHash32",
            "org.apache.commons.lang3.ArrayUtils",
            "com.aayushatharva.brotli4j.Brotli4jLoader",
            "com.aayushatharva.brotli4j.service.BrotliNativeProvider",
            "com.aayushatharva.brotli4j.linux.x86_64.NativeLoader",
            "com.aayushatharva.brotli4j.linux.aarch64.NativeLoader",
            "com.aayushatharva.brotli4j.macos.x86_64.NativeLoader",
            "com.aayushatharva.brotli4j.macos.aarch64.NativeLoader");

    /** The jars (or class folders) of this module and the few libraries the server uses. */
    private static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : List.of(Main.class, Native.class, ClickHouseCityHash.class)) {
            entries.add(location(c));
        }
        for (String name : CODEC_CLASSES) {
            try {
                entries.add(location(Class.forName(name, false, ChildJvm.class.getClassLoader())));
            } catch (ClassNotFoundException e) {
                // A platform's brotli natives left out by the application: br is then not offered.
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            return System.getProperty("java.class.path");
        }
    }
}
