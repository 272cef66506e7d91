package dev.chorm.migrations;

import dev.chorm.migrations.operations.AddConstraint;
import dev.chorm.migrations.operations.AddField;
import dev.chorm.migrations.operations.AddIndex;
import dev.chorm.migrations.operations.AddProjection;
import dev.chorm.migrations.operations.AlterField;
import dev.chorm.migrations.operations.AlterDictionary;
import dev.chorm.migrations.operations.AlterModelComment;
import dev.chorm.migrations.operations.AlterModelEngine;
import dev.chorm.migrations.operations.AlterModelOrderBy;
import dev.chorm.migrations.operations.AlterModelSettings;
import dev.chorm.migrations.operations.AlterModelTable;
import dev.chorm.migrations.operations.AlterModelTtl;
import dev.chorm.migrations.operations.AlterViewQuery;
import dev.chorm.migrations.operations.AlterViewRefresh;
import dev.chorm.migrations.operations.CreateModel;
import dev.chorm.migrations.operations.RecreateView;
import dev.chorm.migrations.operations.DeleteModel;
import dev.chorm.migrations.operations.Operation;
import dev.chorm.migrations.operations.RemoveConstraint;
import dev.chorm.migrations.operations.RemoveField;
import dev.chorm.migrations.operations.RemoveIndex;
import dev.chorm.migrations.operations.RemoveProjection;
import dev.chorm.migrations.operations.RenameField;
import dev.chorm.migrations.operations.RenameIndex;
import dev.chorm.migrations.operations.RenameModel;
import java.util.List;
import java.util.Locale;

/** Derive a migration's name from its number and operations: {@code 0002_add_event_note}, {@code 0003_alter_event_settings_and_more}. */
final class MigrationNamer {
    private static final int MAX_FRAGMENT = 52;

    private MigrationNamer() {
    }

    static String name(int number, List<Operation> ops, boolean initial, String chosen) {
        String suffix = !chosen.isEmpty() ? chosen : initial ? "initial" : fragment(ops);
        return "%04d_%s".formatted(number, suffix);
    }

    private static String fragment(List<Operation> ops) {
        if (ops.isEmpty()) {
            return "auto";
        }
        String joined = String.join("_", ops.stream().map(MigrationNamer::fragment).toList());
        return joined.length() <= MAX_FRAGMENT ? joined : fragment(ops.get(0)) + "_and_more";
    }

    private static String fragment(Operation op) {
        if (op instanceof CreateModel o) {
            return snake(o.model());
        }
        if (op instanceof DeleteModel o) {
            return "delete_" + snake(o.model());
        }
        if (op instanceof RenameModel o) {
            return "rename_" + snake(o.oldName()) + "_" + snake(o.newName());
        }
        if (op instanceof AddField o) {
            return snake(o.model()) + "_" + o.field().name();
        }
        if (op instanceof RemoveField o) {
            return "remove_" + snake(o.model()) + "_" + o.name();
        }
        if (op instanceof AlterField o) {
            return "alter_" + snake(o.model()) + "_" + o.field().name();
        }
        if (op instanceof RenameField o) {
            return "rename_" + o.oldName() + "_" + snake(o.model()) + "_" + o.newName();
        }
        return partFragment(op);
    }

    private static String partFragment(Operation op) {
        if (op instanceof AddIndex o) {
            return snake(o.model()) + "_" + o.index().name();
        }
        if (op instanceof RemoveIndex o) {
            return "remove_" + snake(o.model()) + "_" + o.name();
        }
        if (op instanceof RenameIndex o) {
            return "rename_" + o.oldName() + "_" + o.newName();
        }
        if (op instanceof AddConstraint o) {
            return snake(o.model()) + "_" + o.constraint().name();
        }
        if (op instanceof RemoveConstraint o) {
            return "remove_" + snake(o.model()) + "_" + o.name();
        }
        if (op instanceof AddProjection o) {
            return snake(o.model()) + "_" + o.projection().name();
        }
        if (op instanceof RemoveProjection o) {
            return "remove_" + snake(o.model()) + "_" + o.name();
        }
        if (op instanceof AlterViewQuery o) {
            return "alter_" + snake(o.model()) + "_query";
        }
        if (op instanceof AlterViewRefresh o) {
            return "alter_" + snake(o.model()) + "_refresh";
        }
        if (op instanceof RecreateView o) {
            return "recreate_" + snake(o.model());
        }
        return modelFragment(op);
    }

    private static String modelFragment(Operation op) {
        if (op instanceof AlterDictionary o) {
            return "alter_" + snake(o.model());
        }
        String model = op instanceof AlterModelTable o ? o.model() : op instanceof AlterModelComment o ? o.model()
                : op instanceof AlterModelSettings o ? o.model() : op instanceof AlterModelOrderBy o ? o.model()
                : op instanceof AlterModelTtl o ? o.model() : op instanceof AlterModelEngine o ? o.model() : null;
        if (model == null) {
            return snake(op.type().replace("SQL", "Sql"));
        }
        return "alter_" + snake(model) + "_" + snake(op.type().substring("AlterModel".length()));
    }

    /** Return {@code FirewallEvent} as {@code firewall_event}. */
    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }
}
