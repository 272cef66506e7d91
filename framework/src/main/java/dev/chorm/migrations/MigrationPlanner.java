package dev.chorm.migrations;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turn targets into ordered plan steps, as Django does: a target not applied yet is reached by
 * applying it and its dependencies; an applied target by unapplying what depends on it within its
 * app; zero by unapplying the whole app. Migrations a run left part-way count as not applied when
 * going forwards (they resume) and as applied when going backwards (they are undone from where they are).
 */
final class MigrationPlanner {
    private final MigrationGraph graph;
    private final Map<MigrationKey, MigrationRecord> records;

    MigrationPlanner(MigrationGraph graph, Map<MigrationKey, MigrationRecord> records) {
        this.graph = graph;
        this.records = records;
    }

    MigrationPlan plan(List<MigrationTarget> targets) {
        Set<MigrationKey> planned = new LinkedHashSet<>();
        List<PlanStep> steps = new ArrayList<>();
        for (MigrationTarget target : targets) {
            if (target.isZero()) {
                for (Migration m : graph.migrations(target.app())) {
                    boolean root = m.dependencies().stream().noneMatch(d -> d.app().equals(target.app()));
                    if (root) {
                        addBackwards(graph.backwardsPlan(m.key()), planned, steps);
                    }
                }
            } else if (isApplied(target.key())) {
                for (MigrationKey child : graph.children(target.key())) {
                    if (child.app().equals(target.app())) {
                        addBackwards(graph.backwardsPlan(child), planned, steps);
                    }
                }
            } else {
                for (MigrationKey key : graph.forwardsPlan(target.key())) {
                    if (!isApplied(key) && planned.add(key)) {
                        steps.add(new PlanStep(graph.migration(key), false, records.get(key)));
                    }
                }
            }
        }
        return new MigrationPlan(steps);
    }

    private void addBackwards(List<MigrationKey> keys, Set<MigrationKey> planned, List<PlanStep> steps) {
        for (MigrationKey key : keys) {
            if (records.containsKey(key) && planned.add(key)) {
                steps.add(new PlanStep(graph.migration(key), true, records.get(key)));
            }
        }
    }

    private boolean isApplied(MigrationKey key) {
        MigrationRecord r = records.get(key);
        return r != null && r.applied();
    }
}
