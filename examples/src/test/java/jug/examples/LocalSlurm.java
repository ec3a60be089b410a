package jug.examples;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A one-node SLURM cluster that {@code scripts/slurm-local} runs for one test, and the client commands that talk to
 * it. Closing it cancels its jobs, stops its daemons by pid and removes its directory.
 */
final class LocalSlurm implements AutoCloseable {
    private static final List<String> COMMANDS = List.of("munged", "slurmctld", "slurmd", "sbatch", "squeue",
            "scontrol", "sinfo");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern ARRAY_TASK_ID = Pattern.compile("\\bArrayTaskId=(\\d+)\\b");
    private static final Pattern JOB_STATE = Pattern.compile("\\bJobState=(\\S+)");
    private static final Pattern EXIT_CODE = Pattern.compile("\\bExitCode=(\\S+)");

    private final Path script;
    private final Path dir;

    private LocalSlurm(Path script, Path dir) {
        this.script = script;
        this.dir = dir;
    }

    /** Why this machine cannot run the cluster (a missing package, not root), or empty if it can. */
    static Optional<String> unavailable() throws IOException, InterruptedException {
        List<String> missing = COMMANDS.stream().filter(c -> !isOnPath(c)).toList();
        if (!missing.isEmpty()) {
            return Optional.of("SLURM is not installed (no " + String.join(", ", missing)
                    + "); apt-get install slurmctld slurmd slurm-client munge");
        }
        String uid = ProcessRun.of(List.of("id", "-u"), Path.of("."), Map.of(), COMMAND_TIMEOUT).output().trim();
        return uid.equals("0") ? Optional.empty()
                : Optional.of("the SLURM daemons must run as root, and uid is " + uid);
    }

    /** Starts the daemons with their files under {@code dir} (which must not exist yet) and waits for an idle node. */
    static LocalSlurm start(Path script, Path dir) throws IOException, InterruptedException {
        LocalSlurm slurm = new LocalSlurm(script, dir);
        ProcessRun run = ProcessRun.of(List.of(script.toString(), "start", dir.toString()), dir.getParent(), Map.of(),
                COMMAND_TIMEOUT);
        if (run.exitCode() != 0) {
            slurm.close();
            throw new AssertionError("scripts/slurm-local start failed (" + run.exitCode() + "):\n" + run.output());
        }
        return slurm;
    }

    /** The environment that points SLURM's client commands, and the jobs they submit, at this cluster. */
    Map<String, String> environment() {
        return Map.of("SLURM_CONF", dir.resolve("etc/slurm.conf").toString());
    }

    /** Submits a batch job with {@code sbatch} and returns its id. */
    String submit(List<String> sbatchArguments, Path workingDirectory, Map<String, String> jobEnvironment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sbatch", "--parsable"));
        command.addAll(sbatchArguments);
        Map<String, String> env = new HashMap<>(jobEnvironment);
        env.putAll(environment());
        String out = ProcessRun.of(command, workingDirectory, env, COMMAND_TIMEOUT).assertSucceeded().output().trim();
        String id = out.lines().reduce((a, b) -> b).orElse("").split(";")[0];
        if (!id.matches("\\d+")) {
            throw new AssertionError("sbatch printed no job id: " + out);
        }
        return id;
    }

    /**
     * Polls {@code squeue} until the jobs (every task of an array) have left the queue. Not {@code sbatch --wait},
     * which looks only every ten seconds or so.
     */
    void awaitFinished(List<String> jobIds, Duration timeout, Duration poll) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ProcessRun queue = ProcessRun.of(List.of("squeue", "--noheader", "--jobs=" + String.join(",", jobIds),
                    "--format=%i %T %R"), dir, environment(), COMMAND_TIMEOUT).assertSucceeded();
            if (queue.output().isBlank()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("jobs " + jobIds + " still queued or running after " + timeout.toSeconds()
                        + " s:\n" + queue.output() + "\n" + logs());
            }
            Thread.sleep(poll.toMillis());
        }
    }

    /**
     * How a finished job ended, one entry per array task (or one for a plain job), from the controller, which keeps
     * finished jobs for MinJobAge (300 s); there is no accounting to ask.
     */
    List<JobEnd> ends(String jobId) throws IOException, InterruptedException {
        String out = ProcessRun.of(List.of("scontrol", "--oneliner", "show", "job", jobId), dir, environment(),
                COMMAND_TIMEOUT).assertSucceeded().output();
        List<JobEnd> ends = new ArrayList<>();
        for (String line : out.lines().filter(l -> l.startsWith("JobId=")).toList()) {
            Matcher task = ARRAY_TASK_ID.matcher(line);
            Matcher state = JOB_STATE.matcher(line);
            Matcher exit = EXIT_CODE.matcher(line);
            if (!state.find() || !exit.find()) {
                throw new AssertionError("scontrol printed no JobState or ExitCode: " + line);
            }
            ends.add(new JobEnd(task.find() ? Integer.parseInt(task.group(1)) : 0, state.group(1), exit.group(1)));
        }
        return ends;
    }

    /** How one job (or one task of an array, numbered from 1; 0 for a plain job) ended: COMPLETED 0:0 is success. */
    record JobEnd(int arrayTask, String state, String exitCode) {
        boolean succeeded() {
            return state.equals("COMPLETED") && exitCode.equals("0:0");
        }
    }

    /** The end of each daemon's log, for a failure message. */
    String logs() throws IOException {
        StringBuilder s = new StringBuilder();
        Path logs = dir.resolve("log");
        if (!Files.isDirectory(logs)) {
            return "(no logs in " + logs + ")";
        }
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(log);
                s.append("--- ").append(log.getFileName()).append(" (last 15 lines)\n");
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> s.append(l).append('\n'));
            }
        }
        return s.toString();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        ProcessRun.of(List.of(script.toString(), "stop", dir.toString()), dir.getParent(), Map.of(), COMMAND_TIMEOUT)
                .assertSucceeded();
    }

    private static boolean isOnPath(String command) {
        // The daemons live in /usr/sbin, which a non-login PATH may lack.
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin:/sbin";
        return Stream.of(path.split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, command)));
    }
}
