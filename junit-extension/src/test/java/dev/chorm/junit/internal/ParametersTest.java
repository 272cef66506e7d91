package dev.chorm.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.junit.Alias;
import dev.chorm.junit.events.Event;
import dev.chorm.query.QuerySet;
import java.lang.reflect.Parameter;
import java.sql.Connection;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Which parameters the extension claims, decided from the declaration alone: this test runs without
 * {@code @ClickhouseTest} and without any engine, so deciding cannot have started one.
 */
class ParametersTest {

    @SuppressWarnings("unused")
    void sample(Database db, QuerySet<Event> events, DataSource ds, Connection c, @Alias("x") String named, String other,
                int number) {
    }

    @Test
    void claimsItsTypesAndAliasParametersOnly() throws Exception {
        Parameter[] ps = getClass().getDeclaredMethod("sample", Database.class, QuerySet.class, DataSource.class,
                Connection.class, String.class, String.class, int.class).getParameters();
        assertThat(ps).extracting(p -> Parameters.supports(p, Optional.ofNullable(p.getAnnotation(Alias.class)).map(Alias::value)))
                .containsExactly(true, true, true, true, true, false, false);
        assertThat(Parameters.describe(ps[1])).isEqualTo("parameter 'events' of ParametersTest.sample");
    }
}
