package dev.chorm.embedded.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The engine's own configuration, written into the data directory at every start: the access
 * rights of the one user the engine has, and the settings constraints that keep one session's
 * settings from locking the server out of its own bookkeeping. The engine checks these itself,
 * for every query, whatever text reaches it:
 * <ul>
 *   <li>no table function or engine source that reaches host files or the network ({@code file},
 *       {@code url}, {@code remote}, {@code s3}, {@code mysql}, ...: the {@code SOURCES} grant is
 *       revoked; {@code READ, WRITE ON FILE} come back only with {@code fileAccess(dir)}, with
 *       {@code user_files_path} set to that directory);</li>
 *   <li>no {@code SYSTEM SHUTDOWN}/{@code KILL}, {@code KILL QUERY}, {@code BACKUP} or failpoints;</li>
 *   <li>{@code dialect} cannot be changed, and the parser limits cannot be set below their
 *       defaults, so that the server's own statements always parse and run ({@code readonly} and
 *       {@code allow_ddl}, which could not be undone either, the server never sets in the engine).</li>
 * </ul>
 */
final class EngineConfig {
    private EngineConfig() {
    }

    /**
     * Write the configuration for an engine on {@code dataDir} and return the config file to pass
     * as {@code --config-file}. {@code fileDirectory} (or null) is the directory {@code file()} may
     * use; {@code maxQueryTime} (or zero) bounds every query.
     */
    static Path write(Path dataDir, Path fileDirectory, Duration maxQueryTime) throws IOException {
        Path dir = dataDir.resolve(".chorm-engine");
        Path noFiles = dir.resolve("no-user-files");
        Files.createDirectories(noFiles);
        Path userFiles = fileDirectory != null ? fileDirectory.toAbsolutePath().normalize() : noFiles;
        Path users = dir.resolve("users.xml");
        Files.writeString(users, usersXml(fileDirectory != null, maxQueryTime), StandardCharsets.UTF_8);
        Path config = dir.resolve("config.xml");
        Files.writeString(config, """
                <clickhouse>
                  <!-- Written by chorm-embedded at every start; edits are overwritten. -->
                  <users_config>%s</users_config>
                  <user_files_path>%s/</user_files_path>
                  <format_schema_path>%s/</format_schema_path>
                </clickhouse>
                """.formatted(xml(users), xml(userFiles), xml(noFiles)), StandardCharsets.UTF_8);
        return config;
    }

    private static String usersXml(boolean fileAccess, Duration maxQueryTime) {
        String maxTime = maxQueryTime.isZero() ? "" : "<max_execution_time>" + maxQueryTime.toSeconds() + "</max_execution_time>";
        return """
                <clickhouse>
                  <users>
                    <default>
                      <password></password>
                      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                      <profile>default</profile>
                      <quota>default</quota>
                      <grants>
                        <query>GRANT ALL ON *.*</query>
                        <query>REVOKE SOURCES ON *.*</query>
                        %s
                        <query>REVOKE SYSTEM SHUTDOWN ON *.*</query>
                        <query>REVOKE SYSTEM FAILPOINT ON *.*</query>
                        <query>REVOKE KILL QUERY ON *.*</query>
                        <query>REVOKE BACKUP ON *.*</query>
                      </grants>
                    </default>
                  </users>
                  <profiles>
                    <default>
                      %s
                      <constraints>
                        <dialect><const/></dialect>
                        <max_query_size><min>262144</min></max_query_size>
                        <max_parser_depth><min>1000</min></max_parser_depth>
                        <max_parser_backtracks><min>1000000</min></max_parser_backtracks>
                        <max_ast_depth><min>1000</min></max_ast_depth>
                        <max_ast_elements><min>50000</min></max_ast_elements>
                        <max_expanded_ast_elements><min>500000</min></max_expanded_ast_elements>
                      </constraints>
                    </default>
                  </profiles>
                  <quotas><default></default></quotas>
                </clickhouse>
                """.formatted(fileAccess ? "<query>GRANT READ, WRITE ON FILE</query>" : "", maxTime);
    }

    private static String xml(Path path) {
        return path.toAbsolutePath().toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
