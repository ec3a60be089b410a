package jug.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import jug.core.ResultSource;
import jug.core.Task;
import jug.core.jugfile.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "count", description = "Counts the tasks the jugfile declares, per name, without looking at the "
        + "store (so only up to its first barrier).")
final class CountCommand implements Callable<Integer> {
    @Mixin
    JugfileOptions jugfile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Evaluation evaluation = jugfile.load().evaluate(jugfile.args, false, ResultSource.none());
        Map<String, Integer> perName = new TreeMap<>();
        for (Task<?> t : evaluation.graph().tasks()) {
            perName.merge(t.name(), 1, Integer::sum);
        }
        Table table = new Table("Count");
        perName.forEach((name, n) -> table.row(name, n));
        PrintWriter out = spec.commandLine().getOut();
        out.print(table.render());
        if (!evaluation.complete()) {
            out.println("The jugfile stops at a barrier: the tasks after it depend on results, so they are not "
                    + "counted here (`jug status` counts them once the tasks before it are finished).");
        }
        out.flush();
        return ExitStatus.OK.code();
    }
}
