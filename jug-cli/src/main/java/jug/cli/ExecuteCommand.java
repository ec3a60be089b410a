package jug.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jug.core.Task;
import jug.core.TaskKey;
import jug.core.execution.ExecutionOptions;
import jug.core.execution.ExecutionSummary;
import jug.core.execution.LeaseKeeper;
import jug.core.execution.Outcome;
import jug.core.execution.Worker;
import jug.core.graph.TaskGraph;
import jug.core.store.LeaseOwner;
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

    @Option(names = "--lease-time", paramLabel = "SECONDS", defaultValue = "" + Session.LEASE_SECONDS,
            description = "Seconds a lock may go unrenewed before other workers take over its task (default: "
                    + "${DEFAULT-VALUE}).")
    double leaseSeconds;

    @Option(names = "--poll", paramLabel = "MILLISECONDS", defaultValue = "100",
            description = "Longest pause between looks at the store while other workers hold the remaining tasks "
                    + "(default: ${DEFAULT-VALUE}).")
    long pollMillis;

    @Option(names = "--verbose", description = "Log every task as it starts.")
    boolean verbose;

    @Option(names = "--target", paramLabel = "PATTERN", description = "Run only the tasks whose names match (and "
            + "the tasks they need): /regex/, a dotted name such as Jugfile.isPrime (matches any name containing "
            + "it), a bare name such as isPrime (matches .isPrime), a key prefix, or NAME@KEYPREFIX.")
    String target;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "1",
            description = "Worker threads in this process; each behaves exactly like a separate worker "
                    + "(default: ${DEFAULT-VALUE}).")
    int jobs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (jobs < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1: " + jobs);
        }
        TaskSelection selected = target == null ? null : TaskSelection.parse(target);
        if (jobs > 1 && System.getProperty("jug.vision.threads") == null) {
            System.setProperty("jug.vision.threads", "1"); // one kernel thread per worker: the workers fill the cores
        }
        ExecutionOptions options = options();
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr(), System.console() != null, verbose);
        ExecutionSummary summary = null;
        try (Session session = jugfile.open(progress::warning);
                LeaseKeeper keeper = new LeaseKeeper(session.store(), options.leaseTime(), progress::warning)) {
            // A batch system stops a job with SIGTERM: give its tasks back at once rather than after the lease time.
            Thread releaseOnTermination = new Thread(keeper::releaseAll, "jug-release-leases");
            Runtime.getRuntime().addShutdownHook(releaseOnTermination);
            Set<TaskKey> previous = Set.of();
            while (true) {
                Session.Evaluated evaluated = session.evaluate(true);
                warnIfTasksVanished(previous, evaluated.graph(), progress);
                TaskGraph graph = selected(evaluated.graph(), selected);
                if (selected != null && graph.size() == 0 && evaluated.complete()) {
                    throw selected.matchesNothing("--target", jugfile.jugfile, evaluated.graph(), true);
                }
                Set<TaskKey> finished = evaluated.finished();
                int done = (int) graph.keys().stream().filter(finished::contains).count();
                progress.round(graph.size(), done);
                ExecutionSummary round = done == graph.size() ? ExecutionSummary.allFinished(graph) // nothing to do
                        : runWorkers(session, graph, finished, options, progress, keeper);
                summary = summary == null ? round : summary.thenRound(round);
                if (round.outcome() != Outcome.FINISHED) {
                    break;
                }
                if (evaluated.complete()) {
                    if (round.total().executed() > 0) {
                        checkDeclaresTheSameTasks(session, evaluated.graph(), progress);
                    }
                    break;
                }
                if (evaluated.graph().keys().equals(previous)) {
                    summary = summary.alongside(new ExecutionSummary(Outcome.BLOCKED, "the jugfile stops at a "
                            + "barrier although every task before it is finished; does it call value() on a task "
                            + "whose result cannot be read?", Map.of()));
                    break;
                }
                previous = evaluated.graph().keys();
            }
            Runtime.getRuntime().removeShutdownHook(releaseOnTermination);
        } finally {
            progress.finish();
        }
        printSummary(summary);
        return switch (summary.outcome()) {
            case FINISHED -> summary.total().failed() > 0 ? ExitStatus.TASK_FAILED.code() : ExitStatus.OK.code();
            case STOPPED -> ExitStatus.OK.code();
            case FAILED, BLOCKED -> ExitStatus.TASK_FAILED.code();
        };
    }

    private static TaskGraph selected(TaskGraph graph, TaskSelection selected) {
        return selected == null ? graph : TaskGraph.of(graph.withUpstream(selected));
    }

    /** Runs {@code jobs} workers over the graph, each in its own thread with its own identity, and merges them. */
    private ExecutionSummary runWorkers(Session session, TaskGraph graph, Set<TaskKey> stored, ExecutionOptions options,
            ProgressPrinter progress, LeaseKeeper keeper) throws IOException, InterruptedException {
        if (jobs == 1) {
            return worker(session, options, progress, keeper).execute(graph, stored);
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> new Thread(r, "jug-worker"));
        try {
            List<Future<ExecutionSummary>> results = new ArrayList<>();
            for (int j = 0; j < jobs; j++) {
                Worker worker = worker(session, options, progress, keeper);
                results.add(pool.submit(() -> worker.execute(graph, stored)));
            }
            ExecutionSummary merged = null;
            for (Future<ExecutionSummary> f : results) {
                ExecutionSummary one;
                try {
                    one = f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
                merged = merged == null ? one : merged.alongside(one);
            }
            return merged;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Worker worker(Session session, ExecutionOptions options, ProgressPrinter progress,
            LeaseKeeper keeper) {
        return new Worker(session.store(), session.codec(), LeaseOwner.newWorker(options.leaseTime()), options, progress,
                keeper);
    }

    /** Tasks known before a barrier must still be there after it; if not, the jugfile is not deterministic. */
    private static void warnIfTasksVanished(Set<TaskKey> previous, TaskGraph graph, ProgressPrinter progress) {
        long vanished = previous.stream().filter(k -> !graph.contains(k)).count();
        if (vanished > 0) {
            progress.warning(vanished + " tasks declared by the previous evaluation of the jugfile are gone in this "
                    + "one: the jugfile declares different tasks each time it runs (random numbers? the clock? "
                    + "unordered file listings?), so their results are never reused");
        }
    }

    /** Evaluates the jugfile once more: a deterministic jugfile declares exactly the tasks just finished. */
    private static void checkDeclaresTheSameTasks(Session session, TaskGraph finished, ProgressPrinter progress) {
        TaskGraph again = session.evaluate(true).graph();
        List<Task<?>> unknown = again.tasks().stream().filter(t -> !finished.contains(t.key())).toList();
        if (!unknown.isEmpty()) {
            progress.warning("evaluated again, the jugfile declares " + unknown.size() + " tasks it did not declare "
                    + "before (such as " + unknown.get(0).name() + "@" + unknown.get(0).key().shortHex() + "): it "
                    + "declares different tasks each time it runs (random numbers? the clock? unordered file "
                    + "listings?), so its results are never reused");
        }
    }

    private void printSummary(ExecutionSummary summary) {
        Table table = new Table("Executed", "Loaded", "Failed");
        for (Map.Entry<String, ExecutionSummary.Counts> e : summary.perName().entrySet()) {
            table.row(e.getKey(), e.getValue().executed(), e.getValue().loaded(), e.getValue().failed());
        }
        spec.commandLine().getOut().print(table.render());
        spec.commandLine().getOut().flush();
        if (!summary.reason().isEmpty()) {
            spec.commandLine().getErr().println("jug: " + summary.outcome().name().toLowerCase(Locale.ROOT) + ": "
                    + summary.reason());
        }
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
