package dev.chorm.migrations;

import java.time.Instant;
import java.util.List;

/**
 * Describe whether one migration is applied, for {@code showmigrations}.
 *
 * @param key the migration
 * @param applied whether it is fully applied
 * @param progress the number of operations done (all when applied)
 * @param operations the number of operations
 * @param appliedAt when it was applied or last progressed, or null
 * @param partial whether a run stopped inside it (after some operations, or some statements of the first)
 */
public record MigrationStatus(MigrationKey key, boolean applied, int progress, int operations, Instant appliedAt,
        boolean partial) {
    /** Return whether a run stopped part-way through it. */
    public boolean isPartial() {
        return partial;
    }

    /** Return the statuses as Django prints them: each app, then {@code [X]}, {@code [~]} or {@code [ ]} and the name. */
    public static String render(List<MigrationStatus> statuses) {
        StringBuilder s = new StringBuilder();
        String app = null;
        for (MigrationStatus m : statuses) {
            if (!m.key().app().equals(app)) {
                app = m.key().app();
                s.append(s.length() == 0 ? "" : "\n").append(app);
            }
            String mark = m.applied() ? "[X]" : m.isPartial() ? "[~]" : "[ ]";
            s.append("\n ").append(mark).append(' ').append(m.key().name());
            if (m.isPartial()) {
                s.append(" (%d of %d operations done; run migrate to finish it)".formatted(m.progress(), m.operations()));
            }
        }
        return s.length() == 0 ? "(no migrations)" : s.toString();
    }
}
