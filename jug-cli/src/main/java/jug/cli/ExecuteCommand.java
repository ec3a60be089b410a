package jug.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import jug.core.execution.ExecutionOptions;
import jug.core.execution.ExecutionSummary;
import jug.core.execution.LeaseKeeper;
import jug.core.execution.Worker;
import jug.core.graph.TaskGraph;
import jug.core.jugfile.Jugfile;
import jug.core.serialization.ResultCodec;
import jug.core.store.LeaseOwner;
import jug.core.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "execute", description = "Runs the jugfile's tasks whose results are not stored yet. Start as many "
        + "workers as you like, on one machine or many: they share the work through the store alone.")
final class ExecuteCommand implements Callable<Integer> {
    @Mixin
    JugfileOptions jugfile;

    @Option(names = "--keep-going", description = "After a task fails, go on with the tasks that do not need it.")
    boolean keepGoing;

    @Option(names = "--keep-failed", description = "Mark a failed task failed in the store, so that no worker "
            + "retries it until `jug cleanup --failed-only`.")
    boolean keepFailed;

    @Option(names = "--aggressive-unload", description = "Keep no result in memory longer than the task that needs it.")
    boolean aggressiveUnload;

    @Option(names = "--lease-time", paramLabel = "SECONDS", defaultValue = "30",
            description = "Seconds a lock may go unrenewed before other workers take over its task (default: "
                    + "${DEFAULT-VALUE}).")
    double leaseSeconds;

    @Option(names = "--poll", paramLabel = "MILLISECONDS", defaultValue = "100",
            description = "Longest pause between looks at the store while other workers hold the remaining tasks "
                    + "(default: ${DEFAULT-VALUE}).")
    long pollMillis;

    @Option(names = "--verbose", description = "Log every task as it starts.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Jugfile loaded = jugfile.load();
        TaskGraph graph = jugfile.define(loaded, true).graph();
        ExecutionOptions options = options();
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr(), System.console() != null, verbose);
        ExecutionSummary summary;
        try (Store store = jugfile.openStore();
                LeaseKeeper keeper = new LeaseKeeper(store, options.leaseTime(), progress::warning)) {
            ResultCodec codec = new ResultCodec(loaded.resultTypes(), loaded.classLoader());
            summary = new Worker(store, codec, LeaseOwner.newWorker(), options, progress, keeper).execute(graph);
        } finally {
            progress.finish();
        }
        Table table = new Table("Executed", "Loaded", "Failed");
        for (Map.Entry<String, ExecutionSummary.Counts> e : summary.perName().entrySet()) {
            table.row(e.getKey(), e.getValue().executed(), e.getValue().loaded(), e.getValue().failed());
        }
        spec.commandLine().getOut().print(table.render());
        spec.commandLine().getOut().flush();
        if (!summary.reason().isEmpty()) {
            spec.commandLine().getErr().println("jug: " + summary.outcome().name().toLowerCase() + ": " + summary.reason());
        }
        return switch (summary.outcome()) {
            case FINISHED -> summary.total().failed() > 0 ? ExitStatus.TASK_FAILED.code() : ExitStatus.OK.code();
            case STOPPED -> ExitStatus.OK.code();
            case FAILED, BLOCKED -> ExitStatus.TASK_FAILED.code();
        };
    }

    private ExecutionOptions options() {
        Environment env = new Environment(System.getenv());
        return ExecutionOptions.defaults()
                .withKeepGoing(keepGoing)
                .withKeepFailed(keepFailed)
                .withAggressiveUnload(aggressiveUnload)
                .withLeaseTime(Duration.ofMillis((long) (leaseSeconds * 1000)))
                .withMaxPoll(Duration.ofMillis(pollMillis))
                .withMaxTasks(env.maxTasks())
                .withDeadline(env.deadline(Instant.now()))
                .withStopFiles(env.stopFiles());
    }

    /** The batch-system limits Python jug reads from the environment. */
    record Environment(Map<String, String> variables) {
        int maxTasks() {
            return integer("JUG_MAX_TASKS").orElse(0);
        }

        /** {@code JUG_MAX_HOURS}, {@code _MINUTES} and {@code _SECONDS} add up, as in Python jug. */
        Optional<Instant> deadline(Instant now) {
            long seconds = integer("JUG_MAX_HOURS").orElse(0) * 3600L + integer("JUG_MAX_MINUTES").orElse(0) * 60L
                    + integer("JUG_MAX_SECONDS").orElse(0);
            boolean any = variables.containsKey("JUG_MAX_HOURS") || variables.containsKey("JUG_MAX_MINUTES")
                    || variables.containsKey("JUG_MAX_SECONDS");
            return any ? Optional.of(now.plusSeconds(seconds)) : Optional.empty();
        }

        /** {@code __jug_please_stop_running.txt} in the working directory, and {@code JUG_EXIT_IF_FILE_EXISTS}. */
        List<Path> stopFiles() {
            List<Path> files = new ArrayList<>(List.of(Path.of("__jug_please_stop_running.txt")));
            String extra = variables.get("JUG_EXIT_IF_FILE_EXISTS");
            if (extra != null && !extra.isBlank()) {
                files.add(Path.of(extra));
            }
            return files;
        }

        private Optional<Integer> integer(String name) {
            String value = variables.get(name);
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            try {
                int n = Integer.parseInt(value.trim());
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return Optional.of(n);
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new Object()),
                        "environment variable " + name + "=" + value + " is not a non-negative integer");
            }
        }
    }
}
