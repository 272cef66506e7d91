package dev.chorm.migrations;

import dev.chorm.MigrationException;
import dev.chorm.migrations.operations.AlterModelComment;
import dev.chorm.migrations.operations.AlterViewQuery;
import dev.chorm.migrations.operations.AlterViewRefresh;
import dev.chorm.migrations.operations.Operation;
import dev.chorm.migrations.operations.RecreateView;
import dev.chorm.model.TableSpec;
import dev.chorm.model.ViewSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compute the operations that turn one view into another: a changed query is altered in place
 * ({@link AlterViewQuery}: {@code CREATE OR REPLACE VIEW}, or {@code MODIFY QUERY}, which ClickHouse 26.5
 * accepts for materialized views with a TO table and with their own storage alike), so are a materialized
 * view's comment ({@link AlterModelComment}) and a refreshable view's schedule ({@link AlterViewRefresh});
 * any other change drops the view and creates it again ({@link RecreateView}), naming why.
 */
final class ViewDiff {
    private static final String ROWS_LOST = "the rows it holds are lost: backfill them with INSERT ... SELECT";

    private ViewDiff() {
    }

    /** Return the operations from {@code before} to {@code after}, of which at least one is a view; none when equal. */
    static List<Operation> operations(String app, String model, TableSpec before, TableSpec after) {
        if (before.equals(after)) {
            return List.of();
        }
        if (!before.isView() || !after.isView()) {
            throw new MigrationException(("Model %s.%s changes from a %s to a %s. chorm does not turn one into the other in place"
                    + " (a table's rows would be dropped); give the new one another model class name, so that the old one is"
                    + " deleted and the new one created, and copy rows with a RunSQL migration if needed.")
                    .formatted(app, model, kind(before), kind(after)));
        }
        String reason = recreateReason(before, after);
        if (reason != null && before.view().isMaterialized() && before.view().to() == null && !reason.contains(ROWS_LOST)) {
            // whatever the reason, dropping a view with its own storage drops its rows: the plan must say so
            reason += ", and " + ROWS_LOST;
        }
        if (reason != null) {
            return List.of(new RecreateView(model, after, reason));
        }
        List<Operation> ops = new ArrayList<>();
        TableSpec current = before;
        if (after.view().isMaterialized() && !before.comment().equals(after.comment())) {
            // a materialized view's comment: ALTER TABLE ... MODIFY COMMENT, its rows stay
            ops.add(new AlterModelComment(model, after.comment()));
            current = current.toBuilder().comment(after.comment()).build();
        }
        if (!Objects.equals(before.view().refresh(), after.view().refresh())) {
            ops.add(new AlterViewRefresh(model, after.view().refresh()));
            current = current.toBuilder().view(current.view().withRefresh(after.view().refresh())).build();
        }
        if (!current.equals(after)) {
            ops.add(new AlterViewQuery(model, after));
        }
        return ops;
    }

    /** Return why {@code before} cannot become {@code after} by changing its query alone, or null when it can. */
    private static String recreateReason(TableSpec before, TableSpec after) {
        ViewSpec b = before.view();
        ViewSpec a = after.view();
        if (b.kind() != a.kind()) {
            return "it changes from a " + kind(before) + " to a " + kind(after);
        }
        if (!Objects.equals(b.to(), a.to())) {
            return "its TO table changes from " + b.to() + " to " + a.to();
        }
        if (!Objects.equals(b.refresh(), a.refresh()) && (b.refresh() == null || a.refresh() == null
                || b.refresh().append() != a.refresh().append())) {
            // MODIFY REFRESH changes a schedule and DEPENDS ON, but makes no view refreshable and no refresh APPEND (measured on 26.5)
            return "its refresh clause changes";
        }
        boolean ownStorage = a.isMaterialized() && a.to() == null;
        TableSpec.Builder same = before.toBuilder().view(new ViewSpec(b.kind(), a.query(), b.to(), a.refresh(), a.populate(), a.sources()));
        if (!ownStorage) {
            // a view's columns are its query's: they change with it
            same.columns(after.columns());
        }
        same.comment(after.comment()); // a plain view's in CREATE OR REPLACE, a materialized view's by MODIFY COMMENT
        if (same.build().equals(after)) {
            return null;
        }
        return ownStorage ? "its own storage changes, so " + ROWS_LOST
                : "its name or settings change";
    }

    /** Return what {@code t} is, for messages: a table, a (materialized) view or a dictionary. */
    static String kind(TableSpec t) {
        return t.isDictionary() ? "dictionary" : !t.isView() ? "table" : t.view().isMaterialized() ? "materialized view" : "view";
    }
}
