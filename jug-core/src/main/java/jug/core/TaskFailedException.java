package jug.core;

/** A task's own code threw; the cause is what it threw and the message names the task and its arguments. */
public final class TaskFailedException extends JugException {
    private final String taskName;

    public TaskFailedException(String taskName, String message, Throwable cause) {
        super(message, cause);
        this.taskName = taskName;
    }

    /** The name of the task that failed, such as {@code Jugfile.isPrime}. */
    public String taskName() {
        return taskName;
    }
}
