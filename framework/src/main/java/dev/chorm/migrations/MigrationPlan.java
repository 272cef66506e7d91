package dev.chorm.migrations;

import dev.chorm.migrations.operations.Operation;
import java.util.List;

/**
 * Hold the ordered steps that take the database to a target; empty when it is there already.
 *
 * @param steps the steps, in order
 */
public record MigrationPlan(List<PlanStep> steps) {
    /** Copy the steps. */
    public MigrationPlan {
        steps = List.copyOf(steps);
    }

    /** Return whether there is nothing to do. */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /**
     * Return the plan as text, one line per migration and, with {@code operations}, one indented
     * line per operation (the {@code --plan} display).
     */
    public String display(boolean operations) {
        if (steps.isEmpty()) {
            return "No planned migration operations.";
        }
        StringBuilder s = new StringBuilder("Planned operations:");
        for (PlanStep step : steps) {
            s.append('\n').append(step.describe());
            if (operations) {
                List<Operation> ops = step.migration().operations();
                for (int i = 0; i < ops.size(); i++) {
                    Operation op = ops.get(i);
                    s.append("\n    ").append(step.backwards() && !op.isReversible() ? "IRREVERSIBLE: " : "")
                            .append(step.backwards() ? "Undo " : "").append(op.describe());
                }
            }
        }
        return s.toString();
    }
}
