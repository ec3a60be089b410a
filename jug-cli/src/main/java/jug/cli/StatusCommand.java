package jug.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import jug.core.execution.Status;
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        TaskCounts counts;
        boolean complete;
        try (Session session = jugfile.open(w -> spec.commandLine().getErr().println("jug: warning: " + w))) {
            Session.Evaluated evaluated = session.evaluate(false);
            complete = evaluated.evaluation().complete();
            counts = Status.of(evaluated.graph(), evaluated.finished(), session.store(), Duration.ofSeconds(30));
        }
        out.print(oneLine ? summary(counts) : table(counts));
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

    private static String table(TaskCounts counts) {
        Table table = new Table("Waiting", "Ready", "Running", "Finished", "Failed");
        for (Map.Entry<String, TaskCounts.Counts> e : counts.perName().entrySet()) {
            TaskCounts.Counts c = e.getValue();
            table.row(e.getKey(), c.waiting(), c.ready(), c.running(), c.finished(), c.failed());
        }
        return table.render();
    }

    private static String summary(TaskCounts counts) {
        TaskCounts.Counts t = counts.total();
        if (t.total() > 0 && t.finished() == t.total()) {
            return "All tasks finished (" + t.total() + " tasks).\n";
        }
        return t.total() + " tasks: " + t.waiting() + " waiting, " + t.ready() + " ready, " + t.running() + " running, "
                + t.finished() + " finished, " + t.failed() + " failed.\n";
    }
}
