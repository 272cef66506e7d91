package dev.chorm.embedded.internal;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * What a statement may do on this server, decided before the engine sees it: one statement per
 * request, no host files or network unless the user opted in, and {@code readonly} as a server
 * applies it. The engine's own access rights ({@link EngineConfig}) refuse the table functions
 * that reach the host; this guard covers what the engine as a library does not check (the
 * {@code file()} function, {@code INTO OUTFILE}, {@code FROM INFILE}, host-reaching engines and
 * dictionary sources) and gives each refusal a ClickHouse-style error with the fix.
 */
final class StatementGuard {
    /** Settings that name files the engine would read (format schemas and templates). */
    private static final Set<String> PATH_SETTINGS = Set.of("format_schema", "format_template_resultset",
            "format_template_row", "output_format_schema", "format_schema_source");

    /** The readonly levels of ClickHouse: 0 none, 1 reads only, 2 reads and setting changes. */
    static final int READ_WRITE = 0;
    static final int READONLY = 1;
    static final int READONLY_WITH_SETTINGS = 2;

    private final Path fileDirectory;

    /** A guard for a server that lets {@code file()} read {@code fileDirectory} (null: no host files). */
    StatementGuard(Path fileDirectory) {
        this.fileDirectory = fileDirectory;
    }

    /** Return the stricter of two readonly levels (1 is stricter than 2). */
    static int stricter(int a, int b) {
        return a == READONLY || b == READONLY ? READONLY : Math.max(a, b);
    }

    /** Parse a boolean setting's value (0/1/true/false, quoted or not); null or empty is {@code absent}. */
    static boolean enabled(String value, boolean absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        return switch (value.strip().replace("'", "").toLowerCase(Locale.ROOT)) {
            case "0", "false" -> false;
            case "1", "true" -> true;
            default -> throw new EngineException(27, "Code: 27. DB::Exception: Cannot parse '" + value
                    + "' as a boolean: expected 0 or 1. (CANNOT_PARSE_INPUT_ASSERTION_FAILED)");
        };
    }

    /** Parse a readonly value as a server does; null or empty is 0. */
    static int readonlyLevel(String value) {
        if (value == null || value.isBlank()) {
            return READ_WRITE;
        }
        String v = value.strip().replace("'", "");
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "0", "false" -> READ_WRITE;
            case "1", "true" -> READONLY;
            case "2" -> READONLY_WITH_SETTINGS;
            default -> throw new EngineException(27, "Code: 27. DB::Exception: Cannot parse '" + value
                    + "' as readonly: expected 0, 1 or 2. (CANNOT_PARSE_INPUT_ASSERTION_FAILED)");
        };
    }

    /** Statements that {@code allow_ddl = 0} prohibits. */
    private static final Set<String> DDL = Set.of("CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE", "ATTACH", "DETACH",
            "EXCHANGE", "UNDROP");

    /**
     * What a request may do: its readonly level (whether it comes from the HTTP method), whether
     * DDL is allowed, its URL settings, and the temporary tables of its session.
     */
    record Rights(int readonly, boolean viaGet, boolean allowDdl, Collection<String> urlSettings,
            Collection<String> temporaryTables) {
    }

    /** Refuse {@code text} unless the request's {@code rights} allow it. */
    void check(QueryText text, Rights rights) {
        if (text.hasUnterminatedLiteral()) {
            throw new EngineException(62, "Code: 62. DB::Exception: Syntax error: a quoted literal, heredoc or comment"
                    + " is not closed. (SYNTAX_ERROR)");
        }
        if (text.hasSeveralStatements()) {
            throw new EngineException(62, "Code: 62. DB::Exception: Syntax error (Multi-statements are not allowed). (SYNTAX_ERROR)");
        }
        checkHostAccess(text, rights.urlSettings());
        if (rights.readonly() != READ_WRITE) {
            checkReadonly(text, rights);
        }
        if (!rights.allowDdl()) {
            if (DDL.contains(text.firstWord())) {
                throw new EngineException(392, "Code: 392. DB::Exception: Cannot execute query. DDL queries are prohibited"
                        + " for the user. (QUERY_IS_PROHIBITED)");
            }
            if (text.settingNames().contains("allow_ddl")) {
                throw new EngineException(392, "Code: 392. DB::Exception: Cannot modify 'allow_ddl' setting when DDL queries"
                        + " are prohibited for the user. (QUERY_IS_PROHIBITED)");
            }
        }
    }

    private void checkHostAccess(QueryText text, Collection<String> urlSettings) {
        for (String found : text.hostAccess()) {
            String what = canonicalEngineName(found);
            switch (what) {
                case "INTO OUTFILE" -> throw accessDenied("INTO OUTFILE is refused: the server writes no files for its clients;"
                        + " read the result from the response instead.");
                case "FROM INFILE" -> throw accessDenied("FROM INFILE is refused: the server reads no files for its clients;"
                        + " send the rows in the request body (INSERT INTO t FORMAT fmt, then the data).");
                case "file()" -> checkFileArguments(text);
                case "ENGINE = Distributed", "ENGINE = Replicated", "ENGINE = KeeperMap" -> throw accessDenied(what
                        + " is refused: it reaches other servers or Keeper, and the embedded engine is a single node."
                        + " Use chorm's single-node storage profile, which renders such models as local tables.");
                case "SOURCE(CLICKHOUSE(HOST ...))", "SOURCE(CLICKHOUSE(PORT ...))", "SOURCE(CLICKHOUSE(NAME ...))" ->
                        throw accessDenied(what + " is refused: a ClickHouse dictionary source with a host, port or named"
                                + " collection connects to another server, and the embedded engine reaches no network."
                                + " Leave HOST, PORT and NAME out: the dictionary then reads this engine's own tables.");
                default -> throw accessDenied(what + " is refused: the embedded engine lets no query read or write host"
                        + " files, run programs or reach the network. Use a MergeTree, Memory or Log table instead.");
            }
        }
        for (String name : urlSettings) {
            checkPathSetting(name.toLowerCase(Locale.ROOT));
        }
        text.settingNames().forEach(this::checkPathSetting);
    }

    /** Engine names are case-insensitive: compare "ENGINE = distributed" as "ENGINE = Distributed". */
    private static String canonicalEngineName(String found) {
        for (String name : new String[] {"Distributed", "Replicated", "KeeperMap"}) {
            if (found.equalsIgnoreCase("ENGINE = " + name)) {
                return "ENGINE = " + name;
            }
        }
        return found;
    }

    private void checkFileArguments(QueryText text) {
        if (fileDirectory == null) {
            throw accessDenied("file() is refused: the embedded engine reads and writes no host files by default. To let"
                    + " file() use one directory, start the engine with EmbeddedClickHouse.builder(dir).fileAccess(DIR)"
                    + " (or --file-access DIR, chorm.embedded.file-access=DIR); paths are then relative to DIR.");
        }
        for (String path : text.fileArguments()) {
            if (path == null || path.startsWith("/") || path.startsWith("\\") || path.contains("..") || path.contains("\0")) {
                throw accessDenied("file() may only name a path relative to " + fileDirectory + ", as a string literal"
                        + " without '..': got " + (path == null ? "an expression" : "'" + path + "'") + ".");
            }
        }
    }

    private void checkPathSetting(String name) {
        if (PATH_SETTINGS.contains(name) && fileDirectory == null) {
            throw accessDenied("The setting " + name + " names a file on the host, which the embedded engine does not"
                    + " read by default. Start it with fileAccess(DIR) to allow files in DIR.");
        }
    }

    private static void checkReadonly(QueryText text, Rights rights) {
        int readonly = rights.readonly();
        boolean settingsChange = text.kind() == QueryText.Kind.SET || text.hasSettingsClause();
        // readonly = 2 keeps temporary tables usable, as on a server.
        boolean temporary = readonly == READONLY_WITH_SETTINGS && (text.touchesTemporaryTable()
                || text.insertTarget() != null && rights.temporaryTables().contains(text.insertTarget()));
        boolean allowed = text.kind() == QueryText.Kind.SELECT_LIKE || text.kind() == QueryText.Kind.USE
                || text.kind() == QueryText.Kind.SET || temporary;
        if (!allowed) {
            throw new EngineException(164, "Code: 164. DB::Exception: Cannot execute query in readonly mode."
                    + (rights.viaGet() ? " For queries over HTTP, method GET implies readonly. You should use method POST for"
                            + " modifying queries." : "") + " (READONLY)");
        }
        if (readonly == READONLY && settingsChange) {
            String name = text.settingNames().isEmpty() ? "any" : text.settingNames().get(0);
            throw new EngineException(164, "Code: 164. DB::Exception: Cannot modify '" + name + "' setting in readonly mode. (READONLY)");
        }
        if (text.assignsReadonly()) {
            throw new EngineException(164, "Code: 164. DB::Exception: Cannot modify 'readonly' setting in readonly mode. (READONLY)");
        }
    }

    private static EngineException accessDenied(String message) {
        return new EngineException(497, "Code: 497. DB::Exception: " + message + " (ACCESS_DENIED)");
    }
}
