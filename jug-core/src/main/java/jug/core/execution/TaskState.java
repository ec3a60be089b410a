package jug.core.execution;

import java.util.Locale;

/** Where a task stands, as {@code jug status} and {@code jug show} report it. */
public enum TaskState {
    /** Some input is not finished yet. */
    WAITING,
    /** Every input is finished and no worker holds the task. */
    READY,
    /** A live worker holds the task's lock. */
    RUNNING,
    /** Its result is stored. */
    FINISHED,
    /** A failure mark holds its lock ({@code --keep-failed}); no worker retries it until the mark is removed. */
    FAILED;

    /** The state in lower case, as commands print it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
