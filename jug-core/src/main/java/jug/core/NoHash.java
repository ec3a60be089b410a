package jug.core;

/**
 * An argument that does not take part in its task's identity, such as a thread count or a scratch directory: two
 * tasks that differ only in a {@code NoHash} argument have the same key, so one result serves both. The task
 * receives {@link #value()} itself. Python jug calls this {@code jug.unsafe.NoHash}; as there, a value that does
 * change the result must not be hidden this way.
 */
public record NoHash<T>(T value) {
    /** Wraps {@code value} so that it is left out of the task's hash. */
    public static <T> NoHash<T> of(T value) {
        return new NoHash<>(value);
    }
}
