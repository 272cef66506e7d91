package dev.chorm.junit.internal;

/**
 * Read and replace the database of a ClickHouse JDBC URL
 * ({@code jdbc:clickhouse://host:8123/app?ssl=true}, {@code jdbc:ch:http://host:8123/app}).
 */
final class JdbcUrls {
    private JdbcUrls() {
    }

    /** Return the database the URL names, or {@code default} when it names none. */
    static String database(String url) {
        int[] path = pathRange(url);
        String db = url.substring(path[0], path[1]).replaceFirst("^/", "");
        return db.isEmpty() ? "default" : db;
    }

    /** Return {@code url} naming {@code database} instead, keeping host, port and parameters. */
    static String withDatabase(String url, String database) {
        int[] path = pathRange(url);
        return url.substring(0, path[0]) + "/" + database + url.substring(path[1]);
    }

    /** Return the start and end of the path: after the authority, before the parameters. */
    private static int[] pathRange(String url) {
        int authority = url.indexOf("//");
        if (authority < 0) {
            throw new IllegalArgumentException("not a JDBC URL with a host: " + url);
        }
        int query = url.indexOf('?', authority + 2);
        int end = query < 0 ? url.length() : query;
        int slash = url.indexOf('/', authority + 2);
        int start = slash < 0 || slash > end ? end : slash;
        return new int[] {start, end};
    }

    /** Return the host of the URL, for messages. */
    static String host(String url) {
        int authority = url.indexOf("//") + 2;
        int[] path = pathRange(url);
        String hostPort = url.substring(authority, path[0]);
        hostPort = hostPort.substring(hostPort.indexOf('@') + 1);
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }
}
