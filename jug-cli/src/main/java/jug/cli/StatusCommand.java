package jug.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import jug.core.execution.ComputeTimes;
import jug.core.execution.TaskCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", description = "Counts tasks per name: waiting, ready, running, finished, failed.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    JugfileOptions jugfile;

    @Option(names = "--short", description = "Print one summary line.")
    boolean oneLine;

    @Option(names = "--json", description = "Print the counts as one JSON object: per name and in total, stale "
            + "locks, and whether the jugfile stopped at a barrier.")
    boolean json;

    @Option(names = "--times", description = "Also report how long the finished tasks took to compute, from the "
            + "metadata stored with each result (reads every finished result once).")
    boolean times;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        TaskCounts counts;
        boolean complete;
        Map<String, ComputeTimes.Times> computed = null; // only with --times
        try (Session session = jugfile.open(spec.commandLine().getErr())) {
            Session.Evaluated evaluated = session.evaluate(false);
            complete = evaluated.complete();
            counts = session.state(evaluated).counts();
            if (times) {
                computed = ComputeTimes.of(evaluated.graph(), evaluated.finished(), session.store());
            }
        }
        if (json) {
            out.println(StatusReport.json(counts, complete, computed));
            out.flush();
            return ExitStatus.OK.code();
        }
        out.print(oneLine ? StatusReport.summary(counts) : StatusReport.table(counts));
        if (computed != null) {
            out.print(StatusReport.times(computed));
        }
        if (counts.stale() > 0) {
            out.println(counts.stale() + " lock" + (counts.stale() == 1 ? " is" : "s are") + " held by workers that "
                    + "are gone; those tasks count as ready (the next `jug execute` takes them over)");
        }
        if (!complete) {
            out.println("The jugfile stopped at a barrier: more tasks follow once these are finished.");
        }
        out.flush();
        return ExitStatus.OK.code();
    }
}
