package jug.core.execution;

/** How a worker's run ended. */
public enum Outcome {
    /** Every task is finished (some may have failed under {@code --keep-going}; see the counts). */
    FINISHED,
    /** A task failed and the worker stopped, as it does without {@code --keep-going}. */
    FAILED,
    /** Unfinished tasks remain, but each needs a task that failed: nothing can progress. */
    BLOCKED,
    /** A limit was reached (task count, time, stop file): the worker stopped after its current task. */
    STOPPED
}
