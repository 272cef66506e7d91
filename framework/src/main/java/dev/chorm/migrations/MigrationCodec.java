package dev.chorm.migrations;

import dev.chorm.MigrationException;
import dev.chorm.migrations.operations.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turn migrations into ordered maps (the content of a migration file) and back. */
final class MigrationCodec {
    /** The file format version written into every file. */
    static final int FORMAT = 1;

    private MigrationCodec() {
    }

    /** Return the content of {@code migration}'s file: format, initial flag, dependencies, operations. */
    static Map<String, Object> encode(Migration migration) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        if (migration.initial()) {
            m.put("initial", true);
        }
        m.put("dependencies", migration.dependencies().stream().map(MigrationKey::toString).toList());
        m.put("operations", encodeOperations(migration.operations()));
        return m;
    }

    /** Return {@code operations} as maps. */
    static List<Map<String, Object>> encodeOperations(List<Operation> operations) {
        return operations.stream().map(OperationCodec::encode).toList();
    }

    /** Read migration {@code key} from its parsed file content. */
    static Migration decode(MigrationKey key, String source, Object parsed) {
        Data d = new Data(parsed, "Migration " + key);
        int format = d.has("format") ? d.integer("format") : FORMAT;
        if (format > FORMAT) {
            throw new MigrationException("Migration %s was written by a newer chorm (format %d). Upgrade chorm to read it."
                    .formatted(key, format));
        }
        List<MigrationKey> deps = d.strings("dependencies").stream().map(MigrationKey::parse).toList();
        List<Operation> ops = new ArrayList<>();
        for (Data op : d.objects("operations")) {
            ops.add(OperationCodec.decode(op));
        }
        return new Migration(key, deps, ops, d.bool("initial", false), source);
    }
}
