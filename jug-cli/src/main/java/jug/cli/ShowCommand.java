package jug.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jug.core.Task;
import jug.core.execution.GraphState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "show", description = "Describes the tasks that PATTERN selects: key, state, inputs, and for "
        + "finished tasks who computed them, when, and in how long (from the metadata stored with the result).")
final class ShowCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATTERN", description = "A task name (isPrime), a dotted name "
            + "(Jugfile.isPrime, matches names that contain it), /regex/, a key prefix of 6 or more hex digits, "
            + "or NAME@KEYPREFIX.")
    String pattern;

    @Parameters(index = "1", arity = "0..1", paramLabel = "JUGFILE", defaultValue = "Jugfile.java",
            description = "The Jugfile.java (default: ${DEFAULT-VALUE}), or a compiled class on --classpath.")
    String jugfilePath;

    @Parameters(index = "2..*", paramLabel = "ARGS", description = "Arguments for the jugfile.")
    List<String> args = new ArrayList<>();

    @Mixin
    CommonOptions common;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "Describe at most N tasks; 0 for all (default: ${DEFAULT-VALUE}).")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TaskSelection selection = TaskSelection.parse(pattern);
        PrintWriter out = spec.commandLine().getOut();
        JugfileOptions jugfile = JugfileOptions.of(jugfilePath, args, common);
        try (Session session = jugfile.open(spec.commandLine().getErr())) {
            Session.Evaluated evaluated = session.evaluate(false);
            List<Task<?>> matched = evaluated.graph().tasks().stream().filter(selection).toList();
            if (matched.isEmpty()) {
                throw selection.matchesNothing("pattern", jugfilePath, evaluated.graph(), evaluated.complete());
            }
            GraphState state = session.state(evaluated);
            TaskDescription description = new TaskDescription(state, session.store());
            int shown = limit <= 0 ? matched.size() : Math.min(limit, matched.size());
            for (int i = 0; i < shown; i++) {
                out.print(description.describe(matched.get(i)));
                out.println();
            }
            if (shown < matched.size()) {
                out.println("... and " + (matched.size() - shown) + " more tasks match " + pattern
                        + " (--limit 0 shows them all)");
            }
            if (!evaluated.complete()) {
                out.println("The jugfile stopped at a barrier: tasks after it are not known yet.");
            }
            out.flush();
        }
        return ExitStatus.OK.code();
    }
}
