package dev.chorm.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Describe what makes a {@link TableSpec} a view: the part of the spec that plain tables leave null.
 *
 * <p>A plain view ({@link Kind#VIEW}) runs its query when read. A materialized view
 * ({@link Kind#MATERIALIZED}) runs it on every block inserted into its source table and writes the
 * result either {@code TO} another model's table ({@link #to}) or into its own storage, whose engine,
 * keys and columns are the rest of the {@link TableSpec}. A materialized view with a {@link #refresh}
 * clause is refreshable: it runs the whole query on a schedule instead of on inserts.
 *
 * <pre>{@code
 * ViewSpec v = ViewSpec.materialized("SELECT ... FROM event GROUP BY minute", TableRef.of("event_minute"),
 *         List.of(TableRef.of("event")));
 * }</pre>
 *
 * @param kind plain or materialized
 * @param query the SELECT text
 * @param to the table a materialized view writes to; null for its own storage (and for plain views)
 * @param refresh the refresh schedule of a refreshable materialized view; null for none
 * @param populate whether CREATE fills the view from the source's existing rows ({@code POPULATE});
 *                 it misses rows inserted meanwhile, so chorm refuses it unless asked for
 * @param sources the tables and views the query reads, as the model declares them
 */
public record ViewSpec(Kind kind, String query, TableRef to, Refresh refresh, boolean populate, List<TableRef> sources) {
    /** The kind of view. */
    public enum Kind {
        /** {@code CREATE VIEW}: the query runs when the view is read. */
        VIEW,
        /** {@code CREATE MATERIALIZED VIEW}: the query runs on inserts (or on a refresh schedule). */
        MATERIALIZED
    }

    /**
     * The refresh clause of a refreshable materialized view.
     *
     * @param schedule {@code EVERY ...} or {@code AFTER ...}, with optional {@code OFFSET} and {@code RANDOMIZE FOR}
     * @param append whether each refresh appends rows ({@code APPEND}) rather than replacing the table
     * @param dependsOn the refreshable views whose refresh this one waits for ({@code DEPENDS ON})
     */
    public record Refresh(String schedule, boolean append, List<TableRef> dependsOn) {
        /** Check the parts. */
        public Refresh {
            schedule = Specs.text(schedule);
            if (schedule.isEmpty()) {
                throw new IllegalArgumentException("a refresh needs a schedule such as EVERY 1 HOUR");
            }
            dependsOn = List.copyOf(dependsOn);
        }
    }

    /** Check the parts. */
    public ViewSpec {
        Objects.requireNonNull(kind, "kind == null");
        query = Specs.text(query);
        sources = List.copyOf(new LinkedHashSet<>(sources));
        if (kind == Kind.VIEW && (to != null || refresh != null || populate)) {
            throw new IllegalArgumentException("a plain view has no TO table, refresh or POPULATE");
        }
    }

    /** Return a plain view of {@code query}, which reads {@code sources}. */
    public static ViewSpec view(String query, List<TableRef> sources) {
        return new ViewSpec(Kind.VIEW, query, null, null, false, sources);
    }

    /** Return a materialized view of {@code query} writing to {@code to} (null: its own storage), reading {@code sources}. */
    public static ViewSpec materialized(String query, TableRef to, List<TableRef> sources) {
        return new ViewSpec(Kind.MATERIALIZED, query, to, null, false, sources);
    }

    /** Return this view with the query {@code newQuery}. */
    public ViewSpec withQuery(String newQuery) {
        return new ViewSpec(kind, newQuery, to, refresh, populate, sources);
    }

    /** Return this view refreshed on {@code newRefresh} (null: on inserts). */
    public ViewSpec withRefresh(Refresh newRefresh) {
        return new ViewSpec(kind, query, to, newRefresh, populate, sources);
    }

    /** Return this view with POPULATE on or off. */
    public ViewSpec withPopulate(boolean newPopulate) {
        return new ViewSpec(kind, query, to, refresh, newPopulate, sources);
    }

    /** Return whether this is a materialized view. */
    public boolean isMaterialized() {
        return kind == Kind.MATERIALIZED;
    }

    /** Return the objects that must exist before this view is created: its sources, {@code TO} table and {@code DEPENDS ON} views. */
    public List<TableRef> dependencies() {
        LinkedHashSet<TableRef> out = new LinkedHashSet<>(sources);
        if (to != null) {
            out.add(to);
        }
        if (refresh != null) {
            out.addAll(refresh.dependsOn());
        }
        return new ArrayList<>(out);
    }
}
