package dev.chorm.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading and replacing the database of a JDBC URL. */
class JdbcUrlsTest {

    @Test
    void readsTheDatabase() {
        assertThat(JdbcUrls.database("jdbc:clickhouse://localhost:8123/app?ssl=true")).isEqualTo("app");
        assertThat(JdbcUrls.database("jdbc:clickhouse://localhost:8123")).isEqualTo("default");
        assertThat(JdbcUrls.database("jdbc:ch:http://localhost:8123/?x=1")).isEqualTo("default");
    }

    @Test
    void replacesTheDatabaseKeepingTheRest() {
        assertThat(JdbcUrls.withDatabase("jdbc:clickhouse://localhost:8123/app?ssl=true", "test_app_1"))
                .isEqualTo("jdbc:clickhouse://localhost:8123/test_app_1?ssl=true");
        assertThat(JdbcUrls.withDatabase("jdbc:clickhouse://localhost:8123", "t")).isEqualTo("jdbc:clickhouse://localhost:8123/t");
        assertThat(JdbcUrls.host("jdbc:clickhouse://user@db.example:8123/app")).isEqualTo("db.example");
    }
}
