package jug.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import jug.core.Task;
import jug.core.execution.GraphState;
import jug.core.execution.Invalidation;
import jug.core.execution.TaskState;
import jug.core.jugfile.Jugfile;
import jug.core.serialization.CorruptResultException;
import jug.core.serialization.ResultCodec;
import jug.core.serialization.UnstorableResultException;
import jug.core.store.Store;

/**
 * The jugfile and store behind a {@code jug shell} session; the shell's helper methods ({@code value(task)},
 * {@code tasks()}, {@code invalidate(task)}...) call it. Public only because the shell's snippets live in another
 * package; not an API.
 */
public final class ShellSession {
    private final Session session;
    private final String displayName;
    private final ResultCodec codec;
    private Session.Evaluated evaluated;

    private ShellSession(Session session, String displayName) {
        this.session = session;
        this.displayName = displayName;
        this.codec = session.codec();
    }

    /**
     * Opens the store of pipeline {@code project} at {@code jugdir} and declares the tasks of the jugfile class
     * {@code type}, loaded by the shell, compiled from {@code source} (null for a precompiled class) with the classes
     * {@code classNames}.
     */
    public static ShellSession open(Class<?> type, String source, List<String> classNames, String displayName,
            String jugdir, String project, List<String> args) {
        Jugfile jugfile = Jugfile.of(type, source == null ? null : java.nio.file.Path.of(source),
                java.util.Set.copyOf(classNames));
        Session session = new Session(jugfile, Store.open(jugdir, project), args,
                w -> System.err.println("jug: warning: " + w));
        return new ShellSession(session, displayName).reload();
    }

    /** Declares the tasks again, past the barriers whose tasks are finished now. */
    public ShellSession reload() {
        evaluated = session.evaluate(false);
        return this;
    }

    /** Every task declared, in dependency order. */
    public List<Task<?>> tasks() {
        return evaluated.graph().tasks();
    }

    /** The tasks a pattern selects, as {@code jug show} reads it: a name, a dotted name, /regex/ or a key prefix. */
    public List<Task<?>> tasks(String pattern) {
        return tasks().stream().filter(TaskSelection.parse(pattern)).toList();
    }

    /** The one task a pattern selects. */
    @SuppressWarnings("unchecked")
    public <R> Task<R> task(String pattern) {
        List<Task<?>> matched = tasks(pattern);
        if (matched.size() != 1) {
            throw new IllegalArgumentException(pattern + " selects " + matched.size() + " tasks, not one"
                    + (matched.isEmpty() ? "" : " (such as " + matched.get(0) + "); use tasks(pattern)"));
        }
        return (Task<R>) matched.get(0);
    }

    /** The stored result of {@code task}, of whatever type the caller expects (the shell cannot check it). */
    @SuppressWarnings("unchecked")
    public <R> R value(Task<?> task) {
        try {
            Optional<byte[]> entry = session.store().read(task.key());
            if (entry.isEmpty()) {
                throw new IllegalStateException(task + " has no stored result: it is " + state().state(task).label());
            }
            return (R) codec.decode(entry.get());
        } catch (CorruptResultException e) {
            if (e.getCause() instanceof UnstorableResultException refused) {
                throw new IllegalStateException(task + ": the stored result holds a " + refused.type()
                        + ", which jug does not load (see docs/jugfiles.md, \"What a result may hold\")", e);
            }
            throw new IllegalStateException(task + ": the stored result is corrupt (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the results of {@code task} and of every task downstream of it; returns how many were removed. */
    public int invalidate(Task<?> task) {
        try {
            Invalidation plan = Invalidation.of(evaluated.graph(), t -> t.key().equals(task.key()),
                    session.store().keys());
            int removed = plan.apply(session.store(), Session.LEASE_TIME).removed();
            System.out.println("Removed " + removed + " result" + (removed == 1 ? "" : "s") + " (" + task.name()
                    + " and " + (plan.affected().size() - 1) + " tasks downstream of it).");
            reload();
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints the status table, as {@code jug status} does. */
    public void status() {
        System.out.print(StatusReport.table(state().counts()));
    }

    private GraphState state() {
        try {
            return session.state(evaluated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a task stands now: waiting, ready, running, finished or failed (locks are listed afresh). */
    public TaskState state(Task<?> task) {
        return state().state(task);
    }

    @Override
    public String toString() {
        return "jug shell of " + displayName + ": " + tasks().size() + " tasks"
                + (evaluated.complete() ? "" : " (up to a barrier)");
    }
}
