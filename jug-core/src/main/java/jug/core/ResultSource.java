package jug.core;

import java.util.Optional;

/**
 * What a jugfile can see of stored results while it declares tasks: whether a task is finished and, if it is, its
 * value. {@link Jug#barrier()} and {@link Jug#value(Task)} consult it. Commands that run jugfiles back it with the
 * store; {@link #none()} sees nothing finished.
 */
public interface ResultSource {
    /** True if the task with this key has a stored result. */
    boolean isFinished(TaskKey key);

    /** A stored value, which may be null. */
    record Stored(Object value) {
    }

    /** The stored value of {@code task}, or empty if it has none (or it could not be read). */
    Optional<Stored> load(Task<?> task);

    /** A source in which nothing is finished: every barrier stops the jugfile. */
    static ResultSource none() {
        return new ResultSource() {
            @Override
            public boolean isFinished(TaskKey key) {
                return false;
            }

            @Override
            public Optional<Stored> load(Task<?> task) {
                return Optional.empty();
            }
        };
    }
}
