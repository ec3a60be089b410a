package jug.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import jug.core.execution.Invalidation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "invalidate", description = "Removes the results of the tasks that --target selects and of every "
        + "task downstream of them, so that they are computed again (after you changed their code, say).")
final class InvalidateCommand implements Callable<Integer> {
    @Mixin
    JugfileOptions jugfile;

    @Option(names = {"--target", "--invalid"}, paramLabel = "PATTERN", description = "A task "
            + "name (isPrime matches Jugfile.isPrime), a dotted name (matches names that contain it), /regex/, a key "
            + "prefix of 6 or more hex digits, or NAME@KEYPREFIX.")
    String target;

    @Option(names = "--dry-run", description = "List what would be removed, and remove nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (target == null) {
            throw new ParameterException(spec.commandLine(), "invalidate needs --target PATTERN, the tasks whose "
                    + "results to remove (with everything downstream), such as --target isPrime");
        }
        TaskSelection selection = TaskSelection.parse(target);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Session session = jugfile.open(err)) {
            Session.Evaluated evaluated = session.evaluate(false);
            Invalidation plan = Invalidation.of(evaluated.graph(), selection, evaluated.finished());
            if (plan.selected().isEmpty()) {
                throw selection.matchesNothing("--target", jugfile.jugfile, evaluated.graph(), evaluated.complete());
            }
            if (!evaluated.complete()) {
                err.println("jug: warning: the jugfile stops at a barrier, so tasks after it were not considered; "
                        + "their results stay");
            }
            if (dryRun) {
                print(out, "To remove", plan.perName(), plan);
                out.println("Dry run: nothing was removed.");
            } else {
                Invalidation.Report report = plan.apply(session.store(), Session.LEASE_TIME);
                print(out, "Invalidated", report.removedPerName(), plan);
                if (report.failureMarks() > 0) {
                    out.println("Removed " + report.failureMarks() + " failure mark"
                            + (report.failureMarks() == 1 ? "" : "s") + " of invalidated tasks, so they run again.");
                }
                if (report.running() > 0) {
                    err.println("jug: warning: " + report.running() + " of the invalidated tasks are being computed "
                            + "by live workers now; the results they store will not be invalidated (run this again "
                            + "once they finish)");
                }
            }
            out.flush();
        }
        return ExitStatus.OK.code();
    }

    private static void print(PrintWriter out, String header, Map<String, Integer> perName, Invalidation plan) {
        if (perName.isEmpty()) {
            out.println(plan.affected().size() + " task" + (plan.affected().size() == 1 ? "" : "s")
                    + " selected or downstream, but none has a stored result: nothing to remove.");
            return;
        }
        Table table = new Table(header);
        perName.forEach((name, n) -> table.row(name, n));
        out.print(table.render());
    }
}
