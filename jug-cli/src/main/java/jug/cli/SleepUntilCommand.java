package jug.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import jug.core.TaskKey;
import jug.core.execution.GraphState;
import jug.core.execution.TaskCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sleep-until", description = "Waits until every task of the jugfile is finished (past every "
        + "barrier), then exits with 0. Exits with 1 as soon as a task is marked failed, when no worker has finished "
        + "or held a task for --idle-timeout seconds, or after --timeout seconds.")
final class SleepUntilCommand implements Callable<Integer> {
    @Mixin
    JugfileOptions jugfile;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "120", description = "Give up when "
            + "for this long no task finished and no live worker held one (default: ${DEFAULT-VALUE}); 0 waits for "
            + "ever, for workers that wait in a batch queue.")
    double idleSeconds;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up after this long (default: never).")
    Double timeoutSeconds;

    @Option(names = "--poll", paramLabel = "MILLISECONDS", defaultValue = "1000",
            description = "Longest pause between looks at the store (default: ${DEFAULT-VALUE}).")
    long pollMillis;

    @Option(names = {"-v", "--verbose"}, description = "Print a line whenever the number of finished tasks changes.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        long lastProgress = start;
        long pause = 10;
        int lastFinished = -1;
        try (Session session = jugfile.open(err)) {
            Session.Evaluated evaluated = session.evaluate(false);
            Set<TaskKey> stored = evaluated.finished();
            while (true) {
                GraphState state = GraphState.read(evaluated.graph(), stored, session.store(), Session.LEASE_TIME);
                TaskCounts.Counts c = state.counts().total();
                if (c.finished() == c.total() && evaluated.complete()) {
                    return ExitStatus.OK.code();
                }
                if (c.failed() > 0) {
                    err.println("jug: " + FailureMarks.describe(state) + "; sleep-until gives up, since they are not "
                            + "retried until `jug cleanup --failed-only` removes the marks");
                    return ExitStatus.TASK_FAILED.code();
                }
                long now = System.nanoTime();
                if (c.finished() != lastFinished || c.running() > 0) {
                    if (verbose && c.finished() != lastFinished) {
                        err.println("jug: " + c.finished() + "/" + c.total() + " tasks finished, " + c.running()
                                + " running" + (evaluated.complete() ? "" : " (more follow a barrier)"));
                    }
                    pause = c.finished() != lastFinished ? 10 : pause;
                    lastProgress = now;
                    lastFinished = c.finished();
                }
                if (c.finished() == c.total()) { // every task before a barrier is finished: look past it
                    evaluated = session.evaluate(false);
                    stored = evaluated.finished();
                    if (evaluated.graph().size() > c.total()) {
                        continue;
                    }
                }
                if (idleSeconds > 0 && now - lastProgress > (long) (idleSeconds * 1e9)) {
                    err.println("jug: no worker finished or held a task of " + jugfile.jugfile + " for "
                            + (long) idleSeconds + " s; " + (c.total() - c.finished()) + " of " + c.total()
                            + " tasks remain. Start `jug execute` (a worker may have failed: see its output), or "
                            + "give --idle-timeout 0 to wait for workers queued in a batch system");
                    return ExitStatus.TASK_FAILED.code();
                }
                if (timeoutSeconds != null && now - start > (long) (timeoutSeconds * 1e9)) {
                    err.println("jug: timed out after " + timeoutSeconds + " s with " + (c.total() - c.finished())
                            + " of " + c.total() + " tasks unfinished");
                    return ExitStatus.TASK_FAILED.code();
                }
                Thread.sleep(pause);
                pause = Math.min(pause * 2, Math.max(pollMillis, 1));
                stored = session.store().keys();
            }
        }
    }
}
