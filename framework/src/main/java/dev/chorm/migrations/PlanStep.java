package dev.chorm.migrations;

/**
 * Describe one step of a migration plan: apply or unapply one migration, possibly resuming a run
 * that stopped part-way.
 *
 * @param migration the migration
 * @param backwards whether it is unapplied
 * @param record what the history says about it now, or null when it was never started
 */
public record PlanStep(Migration migration, boolean backwards, MigrationRecord record) {
    /** Return the number of leading operations already done. */
    public int progress() {
        if (record == null) {
            return 0;
        }
        return record.applied() ? migration.operations().size() : Math.toIntExact(record.progress());
    }

    /** Return whether this step continues a run that stopped part-way. */
    public boolean isResume() {
        return record != null && record.isPartial();
    }

    /** Return the step as a line such as {@code Apply events/0002_add_note (resumes at operation 2 of 3)}. */
    public String describe() {
        String verb = backwards ? "Unapply " : "Apply ";
        String resume = isResume() ? " (resumes at operation %d of %d)".formatted(
                backwards ? progress() : progress() + 1, migration.operations().size()) : "";
        return verb + migration.key() + resume;
    }
}
