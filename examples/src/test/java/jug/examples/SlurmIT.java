package jug.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job array of jug workers under a real SLURM: {@code scripts/slurm-local} starts a one-node cluster (2 CPUs),
 * the test submits {@code scripts/cluster/jug-slurm.sh}, unchanged, as an array of four workers that share one store,
 * and {@code scripts/cluster/jug-sleep-until.sh} as a job that depends on the array; it polls {@code squeue} until
 * both are done, and checks that every job succeeded, that {@code jug check} passes and that every task ran exactly
 * once. Skipped where SLURM is not installed or the user is not root, unless
 * {@code JUG_REQUIRE_SLURM=1} (CI sets it), which turns that into a failure.
 */
class SlurmIT {
    /** What the array runs; another pipeline (an example's Jugfile.java, with no side log) is a one-line change. */
    private static final Workload WORKLOAD = new Workload("src/test/resources/jugfiles/slurm/Jugfile.java", "ran.log");

    private static final int WORKERS = 4;

    /**
     * A jugfile, relative to the examples module; its directory is copied, so an example's data comes along. If
     * {@code sideLog} is not null, the jugfile takes a path as its argument and appends "TASK-NAME ARRAY-TASK-ID" to
     * it for each task it runs.
     */
    record Workload(String jugfile, String sideLog) {
    }

    @TempDir
    Path dir;

    private Path work;
    private Map<String, String> env;
    private String jugfile;
    private Path store;
    private List<String> jugfileArgs;

    @Test
    void aJobArrayOfWorkersRunsEveryTaskExactlyOnce() throws Exception {
        Optional<String> unavailable = LocalSlurm.unavailable();
        if (unavailable.isPresent() && "1".equals(System.getenv("JUG_REQUIRE_SLURM"))) {
            throw new AssertionError("JUG_REQUIRE_SLURM=1, but " + unavailable.get());
        }
        Assumptions.assumeTrue(unavailable.isEmpty(), unavailable::get);

        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x")); // munged's socket is below
        Path examples = Path.of(System.getProperty("examples.dir")).toAbsolutePath();
        Path repo = examples.getParent();
        work = Files.createDirectories(dir.resolve("work"));
        copyDirectory(examples.resolve(WORKLOAD.jugfile()).getParent(), work);
        jugfile = Path.of(WORKLOAD.jugfile()).getFileName().toString();
        store = dir.resolve("store.jugdata");
        jugfileArgs = WORKLOAD.sideLog() == null ? List.of()
                : List.of("--", work.resolve(WORKLOAD.sideLog()).toString());
        env = Map.of("JUG_CACHE_DIR", dir.resolve("cache").toString());

        int tasks = statusTotal(jug("status")); // also compiles the jugfile once, for every worker

        long started = System.nanoTime();
        try (LocalSlurm slurm = LocalSlurm.start(repo.resolve("scripts/slurm-local"), dir.resolve("slurm"))) {
            long up = System.nanoTime();
            Map<String, String> jobEnv = new HashMap<>(env);
            jobEnv.put("JUG", String.join(" ", javaCommand()));
            jobEnv.put("JUGDIR", store.toString());
            Path scripts = repo.resolve("scripts/cluster");
            List<String> workers = new ArrayList<>(List.of("--array=1-" + WORKERS, "--job-name=jug-slurm-it",
                    "--chdir=" + work, "--output=" + work.resolve("slurm-%A_%a.out"),
                    scripts.resolve("jug-slurm.sh").toString(), jugfile));
            workers.addAll(jugfileArgs);
            String array = slurm.submit(workers, work, jobEnv);
            List<String> waiter = new ArrayList<>(List.of("--dependency=afterany:" + array,
                    "--job-name=jug-sleep-until-it", "--chdir=" + work, "--output=" + work.resolve("sleep-until.out"),
                    scripts.resolve("jug-sleep-until.sh").toString(), jugfile));
            waiter.addAll(jugfileArgs);
            String finalStep = slurm.submit(waiter, work, jobEnv);
            slurm.awaitFinished(List.of(array), Duration.ofMinutes(3), Duration.ofMillis(200));
            long done = System.nanoTime();

            List<LocalSlurm.JobEnd> ends = slurm.ends(array);
            Map<Integer, String> outputs = new TreeMap<>();
            for (int a = 1; a <= WORKERS; a++) {
                Path out = work.resolve("slurm-" + array + "_" + a + ".out");
                outputs.put(a, Files.exists(out) ? Files.readString(out) : "(no output file " + out + ")");
            }
            String diagnostics = "array tasks: " + ends + "\noutputs: " + outputs + "\n" + slurm.logs();
            assertThat(ends).as(diagnostics).extracting(LocalSlurm.JobEnd::arrayTask)
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, WORKERS).boxed().toList());
            assertThat(ends).as(diagnostics).allMatch(LocalSlurm.JobEnd::succeeded);
            slurm.awaitFinished(List.of(finalStep), Duration.ofMinutes(1), Duration.ofMillis(200));
            long waited = System.nanoTime();
            assertFinalStepSucceeded(slurm.ends(finalStep), work.resolve("sleep-until.out"));
            Map<Integer, Integer> executed = new TreeMap<>();
            outputs.forEach((a, out) -> executed.put(a, executedTotal(out, diagnostics)));

            assertCheckPasses(tasks);
            assertThat(executed.values().stream().mapToInt(Integer::intValue).sum())
                    .as("tasks executed per array task %s, of %d tasks", executed, tasks).isEqualTo(tasks);
            assertThat(executed.values().stream().filter(n -> n > 0).count())
                    .as("array tasks that did work: %s", executed).isGreaterThan(1);
            if (WORKLOAD.sideLog() != null) {
                assertSideLogAgrees(work.resolve(WORKLOAD.sideLog()), tasks, executed);
            }
            System.out.printf("SlurmIT: cluster up in %.1f s; %d array tasks ran %d tasks in %.1f s (executed per "
                    + "array task: %s); the sleep-until job ended at most %.1f s later%n", (up - started) / 1e9,
                    WORKERS, tasks, (done - up) / 1e9, executed, (waited - done) / 1e9);
        }
        System.out.printf("SlurmIT: %.1f s from starting the cluster to stopping it%n",
                (System.nanoTime() - started) / 1e9);
    }

    /** Every task name appears once in the side log, and each array task logged as many tasks as it executed. */
    private static void assertSideLogAgrees(Path log, int tasks, Map<Integer, Integer> executed) throws IOException {
        List<String> lines = Files.readAllLines(log);
        Map<String, Long> runs = lines.stream()
                .collect(Collectors.groupingBy(l -> l.substring(0, l.lastIndexOf(' ')), Collectors.counting()));
        assertThat(runs).as("runs per task in %s", log).hasSize(tasks).allSatisfy((task, n) -> assertThat(n).isOne());
        Map<Integer, Integer> logged = new TreeMap<>();
        executed.keySet().forEach(a -> logged.put(a, 0));
        for (String line : lines) {
            logged.merge(Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1)), 1, Integer::sum);
        }
        assertThat(logged).as("tasks logged per array task").isEqualTo(executed);
    }

    /**
     * The job that ran {@code jug-sleep-until.sh} after the array succeeded. A jug without {@code sleep-until} (it
     * came with the whole command set) fails it with a usage error, which only shows that the job ran.
     */
    private static void assertFinalStepSucceeded(List<LocalSlurm.JobEnd> ends, Path output) throws IOException {
        String out = Files.exists(output) ? Files.readString(output) : "(no output file " + output + ")";
        if (out.contains("Unmatched arguments from index 0: 'sleep-until'")) {
            System.out.println("SlurmIT: this jug has no `sleep-until` command; the final step's job ran, no more");
            return;
        }
        assertThat(ends).as("the sleep-until job, which printed:\n%s", out).singleElement()
                .matches(LocalSlurm.JobEnd::succeeded);
    }

    /**
     * {@code jug check} exits 0 once every task is finished. A build without {@code check} (it came with the whole
     * command set) is checked with {@code jug status --short} instead.
     */
    private void assertCheckPasses(int tasks) throws IOException, InterruptedException {
        ProcessRun check = jug("check");
        if (check.exitCode() == 2 && check.output().contains("Unmatched arguments from index 0: 'check'")) {
            System.out.println("SlurmIT: this jug has no `check` command; asserting with `jug status --short`");
            assertThat(jug("status", "--short").assertSucceeded().output())
                    .contains("All tasks finished (" + tasks + " tasks)");
            return;
        }
        assertThat(check.exitCode()).as("jug check: %s", check.output()).isZero();
    }

    /** Runs {@code jug COMMAND JUGFILE --jugdir STORE OPTIONS -- JUGFILE-ARGS} in the working directory. */
    private ProcessRun jug(String command, String... options) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(javaCommand());
        line.addAll(List.of(command, jugfile, "--jugdir", store.toString()));
        line.addAll(List.of(options));
        line.addAll(jugfileArgs);
        return ProcessRun.of(line, work, env, Duration.ofMinutes(2));
    }

    /** The jug command the workers run too: this JVM's java on the jar under test. */
    private static List<String> javaCommand() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("jug.jar"));
    }

    /** The number of tasks in {@code jug status}'s Total row (the sum of its five columns). */
    private static int statusTotal(ProcessRun status) {
        String total = status.assertSucceeded().output().lines().filter(l -> l.endsWith("  Total")).findFirst()
                .orElseThrow(() -> new AssertionError("no Total row in jug status:\n" + status.output()));
        return Stream.of(total.trim().split("\\s+")).limit(5).mapToInt(Integer::parseInt).sum();
    }

    /** The Executed column of the Total row of jug execute's summary, in a worker's output. */
    private static int executedTotal(String output, String diagnostics) {
        return output.lines().filter(l -> l.endsWith("  Total")).findFirst()
                .map(l -> Integer.parseInt(l.trim().split("\\s+")[0]))
                .orElseThrow(() -> new AssertionError("a worker printed no summary; " + diagnostics));
    }

    /** Copies a jugfile's directory, with its data but without a store left by running it in place. */
    private static void copyDirectory(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(p -> !p.toString().contains(".jugdata")).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
