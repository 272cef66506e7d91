package dev.chorm.migrations;

import dev.chorm.migrations.operations.Operation;
import dev.chorm.types.JsonText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Hold one migration: its key, the migrations it depends on and its ordered operations.
 *
 * @param key the app and name
 * @param dependencies the migrations that must be applied first
 * @param operations the operations, in order
 * @param initial whether this migration creates its app's first tables (used by fake-initial)
 * @param source where it was read from (a file path or a jar URL), or empty for one built in memory
 */
public record Migration(MigrationKey key, List<MigrationKey> dependencies, List<Operation> operations,
                        boolean initial, String source) {
    /** Check the parts and copy the lists. */
    public Migration {
        Objects.requireNonNull(key, "key == null");
        dependencies = List.copyOf(dependencies);
        operations = List.copyOf(operations);
        source = source == null ? "" : source;
    }

    /** Return a migration built in memory, not read from a file. */
    public static Migration of(MigrationKey key, List<MigrationKey> dependencies, List<Operation> operations,
                               boolean initial) {
        return new Migration(key, dependencies, operations, initial, "");
    }

    /** Return the app label. */
    public String app() {
        return key.app();
    }

    /** Return the migration name. */
    public String name() {
        return key.name();
    }

    /**
     * Return the SHA-256 of the migration's content (dependencies and operations, in canonical form):
     * formatting changes keep it, any change of meaning changes it.
     */
    public String checksum() {
        return sha256(JsonText.write(MigrationCodec.encode(this)));
    }

    /** Return the checksum of the first {@code count} operations alone, to tell a fixed unapplied tail from an edited applied head. */
    public String checksumOfFirst(int count) {
        return sha256(JsonText.write(MigrationCodec.encodeOperations(operations.subList(0, count))));
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return key.toString();
    }
}
