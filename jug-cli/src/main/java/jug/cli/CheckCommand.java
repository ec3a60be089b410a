package jug.cli;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Callable;
import jug.core.TaskKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", description = "Exits with 0 if every task of the jugfile is finished (past every barrier), "
        + "1 otherwise. Prints nothing unless --verbose.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    JugfileOptions jugfile;

    @Option(names = {"-v", "--verbose"}, description = "Say how many tasks are finished.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (Session session = jugfile.open(spec.commandLine().getErr())) {
            Session.Evaluated evaluated = session.evaluate(false);
            Set<TaskKey> stored = evaluated.finished();
            int total = evaluated.graph().size();
            long finished = evaluated.graph().keys().stream().filter(stored::contains).count();
            boolean done = evaluated.complete() && finished == total;
            if (verbose) {
                spec.commandLine().getOut().println(done ? "All " + total + " tasks are finished."
                        : finished + " of " + total + " tasks are finished"
                                + (evaluated.complete() ? "." : "; the jugfile stops at a barrier, and more tasks "
                                        + "follow once these are finished."));
                spec.commandLine().getOut().flush();
            }
            return done ? ExitStatus.OK.code() : ExitStatus.TASK_FAILED.code();
        }
    }
}
