package jug.core.execution;

import java.time.Duration;
import jug.core.Task;

/**
 * Hears what a worker does, for progress lines and logs. Calls come from worker threads, possibly several at once;
 * every method does nothing by default.
 */
public interface ExecutionListener {
    /** The worker starts on a graph of {@code total} tasks of which {@code finished} are already done. */
    default void started(int total, int finished) {
    }

    /** The worker took the lease of {@code task} and starts computing it. */
    default void taskStarted(Task<?> task) {
    }

    /** The worker stored the result of {@code task}, computed in {@code took}. */
    default void taskFinished(Task<?> task, Duration took) {
    }

    /** Another worker finished {@code task}, as this worker just noticed. */
    default void taskFinishedElsewhere(Task<?> task) {
    }

    /** {@code task} threw (or its result could not be stored); {@code cause} says why. */
    default void taskFailed(Task<?> task, Throwable cause) {
    }

    /** Nothing is runnable: the worker waits for {@code tasks} tasks that other workers hold. */
    default void waiting(int tasks) {
    }

    /** Something the user should know: a corrupt result removed, a stale lock taken over, a lease lost. */
    default void warning(String message) {
    }
}
