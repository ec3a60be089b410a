package jug.cli;

/** The exit codes of every jug command. */
enum ExitStatus {
    /** Done, nothing wrong. */
    OK(0),
    /** A task failed, work remains unfinished, or (for {@code check}) not every task is finished. */
    TASK_FAILED(1),
    /** A mistake in the command line or the jugfile (picocli's usage code). */
    BAD_INPUT(2),
    /** The store cannot be read or written. */
    STORE_UNAVAILABLE(3);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
