package dev.chorm.migrations;

import java.util.List;

/**
 * Say what {@code migrate} should do: the targets, whether to only record (fake), whether to fake
 * initial migrations whose tables exist, and where progress goes.
 *
 * <p>A target is {@code app} (its latest migration), {@code app/0003} (a unique prefix of a
 * migration name, forwards or backwards) or {@code app/zero} (unapply all of the app). No target
 * means the latest migration of every app.
 *
 * @param targets the targets; empty for every app's latest migration
 * @param fake whether to record the migrations as applied or unapplied without running their SQL
 * @param fakeInitial whether to record an initial migration as applied when all its tables exist
 * @param listener where progress goes
 */
public record MigrateOptions(List<String> targets, boolean fake, boolean fakeInitial, ProgressListener listener) {
    /** Copy the targets and default the listener. */
    public MigrateOptions {
        targets = targets == null ? List.of() : List.copyOf(targets);
        listener = listener == null ? ProgressListener.silent() : listener;
    }

    /** Return options that migrate every app to its latest migration. */
    public static MigrateOptions latest() {
        return new MigrateOptions(List.of(), false, false, null);
    }

    /** Return options that migrate to {@code target} (see the type's description). */
    public static MigrateOptions to(String target) {
        return new MigrateOptions(List.of(target), false, false, null);
    }

    /** Return a copy with {@code listener}. */
    public MigrateOptions withListener(ProgressListener listener) {
        return new MigrateOptions(targets, fake, fakeInitial, listener);
    }

    /** Return a copy with {@code fake}. */
    public MigrateOptions withFake(boolean fake) {
        return new MigrateOptions(targets, fake, fakeInitial, listener);
    }

    /** Return a copy with {@code fakeInitial}. */
    public MigrateOptions withFakeInitial(boolean fakeInitial) {
        return new MigrateOptions(targets, fake, fakeInitial, listener);
    }
}
