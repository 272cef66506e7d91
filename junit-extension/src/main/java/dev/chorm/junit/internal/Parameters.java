package dev.chorm.junit.internal;

import dev.chorm.db.Database;
import dev.chorm.migrations.AppModels;
import dev.chorm.query.QuerySet;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * Decide which parameters the extension injects and build them: a {@link Database}, a model's
 * {@link QuerySet}, a {@link DataSource} or a {@link Connection}, of the alias {@code @Alias} names
 * (else the class's first alias). Deciding looks at the declaration only and never starts anything.
 */
final class Parameters {
    private static final List<Class<?>> TYPES = List.of(Database.class, QuerySet.class, DataSource.class, Connection.class);

    private Parameters() {
    }

    /** Return whether the extension injects {@code p}, which names {@code alias}: one of its types, or any parameter marked {@code @Alias}. */
    static boolean supports(Parameter p, Optional<String> alias) {
        return TYPES.contains(p.getType()) || alias.isPresent();
    }

    /** Check that {@code p} can be injected and return how to build it from the alias's database. */
    static Function<Database, Object> check(Parameter p) {
        Class<?> type = p.getType();
        if (type == Database.class) {
            return db -> db;
        }
        if (type == DataSource.class) {
            return Database::dataSource;
        }
        if (type == Connection.class) {
            return db -> {
                try {
                    return db.dataSource().getConnection();
                } catch (SQLException e) {
                    throw new ParameterResolutionException("Cannot open a connection for " + describe(p) + ": " + e.getMessage(), e);
                }
            };
        }
        if (type == QuerySet.class) {
            Class<?> model = model(p);
            return db -> db.objects(model);
        }
        throw new ParameterResolutionException(("@Alias on %s: @ClickhouseTest injects Database, QuerySet<Model>, DataSource"
                + " or Connection, not %s.").formatted(describe(p), type.getSimpleName()));
    }

    private static Class<?> model(Parameter p) {
        Type t = p.getParameterizedType();
        if (t instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
            if (!AppModels.isModel(c)) {
                throw new ParameterResolutionException(("%s: QuerySet<%s> needs a model, and %s is none (a model extends Model"
                        + " or carries @Table or an engine annotation).").formatted(describe(p), c.getSimpleName(), c.getName()));
            }
            return c;
        }
        throw new ParameterResolutionException("%s: QuerySet needs its model as type argument, for example QuerySet<Event> events."
                .formatted(describe(p)));
    }

    /** Return {@code parameter 'db' of EventTest.counts}, as messages name a parameter. */
    static String describe(Parameter p) {
        var e = p.getDeclaringExecutable();
        String owner = e.getDeclaringClass().getSimpleName();
        return "parameter '%s' of %s.%s".formatted(p.getName(), owner,
                e instanceof java.lang.reflect.Constructor<?> ? "<init>" : e.getName());
    }

    /** Close a connection handed to a test when the test's context ends. */
    @SuppressWarnings("deprecation") // CloseableResource: still the one type every JUnit 5 version closes
    record Closing(Connection connection) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
