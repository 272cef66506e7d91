package dev.chorm.migrations.operations;

import dev.chorm.MigrationException;
import java.lang.reflect.InvocationTargetException;
import java.util.Objects;

/**
 * Run a data migration written in Java: a class implementing {@link JavaMigration}, loaded by name
 * with the project class loader and created through its no-argument constructor.
 *
 * @param className the fully qualified class name
 * @param reversible whether {@link JavaMigration#backwards} undoes it
 */
public record RunJava(String className, boolean reversible) implements Operation {
    /** Check the parts. */
    public RunJava {
        Objects.requireNonNull(className, "className == null");
    }

    @Override
    public void stateForwards(String app, ProjectState state) {
        // Data migrations leave the schema as it is.
    }

    @Override
    public void databaseForwards(OperationContext context, ProjectState from, ProjectState to) {
        if (context.isCollecting()) {
            context.editor().execute("-- RunJava %s: Java code, no SQL to show".formatted(className));
            return;
        }
        instantiate(context).forwards(new JavaMigration.Context(context, from));
    }

    @Override
    public void databaseBackwards(OperationContext context, ProjectState from, ProjectState to) {
        if (context.isCollecting()) {
            context.editor().execute("-- RunJava %s (backwards): Java code, no SQL to show".formatted(className));
            return;
        }
        instantiate(context).backwards(new JavaMigration.Context(context, to));
    }

    private JavaMigration instantiate(OperationContext context) {
        try {
            Class<?> type = Class.forName(className, true, context.classLoader());
            if (!JavaMigration.class.isAssignableFrom(type)) {
                throw new MigrationException("%s is not a JavaMigration. Make it implement %s."
                        .formatted(className, JavaMigration.class.getName()));
            }
            return (JavaMigration) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new MigrationException("Cannot find the Java migration class %s on the project classpath. Compile the project or fix the name in the migration file."
                    .formatted(className), e);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException i ? i.getCause() : e;
            throw new MigrationException("Cannot create the Java migration %s: %s. Give it a public no-argument constructor."
                    .formatted(className, cause), cause);
        }
    }

    @Override
    public boolean isReversible() {
        return reversible;
    }

    @Override
    public String describe() {
        return "Run Java " + className;
    }
}
