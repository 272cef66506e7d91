package dev.chorm.migrations;

/**
 * Observe each point where {@code migrate} has recorded its progress: after every statement and
 * after every operation. Throwing from it stops the run there, as a killed process would; tests use
 * it to prove that the next run resumes exactly where this one stopped.
 */
@FunctionalInterface
public interface BoundaryHook {
    /** Do nothing. */
    BoundaryHook NONE = (migration, backwards, operationsDone, statementsDone) -> { };

    /**
     * Observe a recorded boundary.
     *
     * @param migration the migration running
     * @param backwards whether it is being unapplied
     * @param operationsDone the number of leading operations applied at this point
     * @param statementsDone the statements run of the operation in flight (0 at an operation boundary)
     */
    void reached(MigrationKey migration, boolean backwards, int operationsDone, int statementsDone);
}
