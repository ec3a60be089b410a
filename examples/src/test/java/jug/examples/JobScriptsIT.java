package jug.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job scripts in {@code scripts/cluster/} without a scheduler: each parses, hands its process to jug, and the
 * Grid Engine and PBS ones, started the way their schedulers start them, share a jugfile's work through one store.
 * (SlurmIT runs the SLURM ones under a real SLURM.)
 */
class JobScriptsIT {
    private static final Path SCRIPTS = Path.of(System.getProperty("examples.dir")).toAbsolutePath().getParent()
            .resolve("scripts/cluster");

    @TempDir
    Path dir;

    /** A job script started as its scheduler would: in {@code directory}, with the scheduler's variables. */
    private record Worker(String script, Path directory, Map<String, String> scheduler) {
    }

    @Test
    void everyJobScriptParsesAndExecsJug() throws Exception {
        Map<String, String> headers = Map.of("jug-slurm.sh", "#SBATCH ", "jug-sge.sh", "#$ ", "jug-pbs.sh", "#PBS ",
                "jug-sleep-until.sh", "#SBATCH ");
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList())
                    .containsExactlyInAnyOrderElementsOf(headers.keySet());
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            Path script = SCRIPTS.resolve(e.getKey());
            ProcessRun.of(List.of("bash", "-n", script.toString()), dir, Map.of(), Duration.ofSeconds(30))
                    .assertSucceeded();
            assertThat(script).isExecutable();
            assertThat(Files.readString(script)).as(e.getKey()).contains("\n" + e.getValue())
                    .contains("\nexec \"${jug[@]}\" \"${args[@]}\" \"$@\"\n");
        }
        assertThat(Files.readString(SCRIPTS.resolve("jug-sleep-until.sh"))).contains("\n#$ ").contains("\n#PBS ");
    }

    @Test
    void gridEngineAndPbsWorkersShareOneStore() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path elsewhere = Files.createDirectories(dir.resolve("home")); // PBS starts jobs in $HOME
        Files.copy(Path.of(System.getProperty("examples.dir"), "src/test/resources/jugfiles/slurm/Jugfile.java"),
                work.resolve("Jugfile.java"));
        Path log = work.resolve("ran.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, String> env = Map.of("JUG", java + " -jar " + System.getProperty("jug.jar"),
                "JUGDIR", dir.resolve("store.jugdata").toString(), "JUG_CACHE_DIR", dir.resolve("cache").toString());

        List<Worker> workers = List.of(new Worker("jug-sge.sh", work, Map.of("SGE_TASK_ID", "1", "JOB_ID", "7")),
                new Worker("jug-pbs.sh", elsewhere, Map.of("PBS_O_WORKDIR", work.toString(), "PBS_ARRAYID", "2",
                        "PBS_JOBID", "8[2]")));
        ExecutorService pool = Executors.newFixedThreadPool(workers.size());
        List<ProcessRun> runs = new ArrayList<>();
        try {
            List<Future<ProcessRun>> started = new ArrayList<>();
            for (Worker w : workers) {
                Map<String, String> workerEnv = new HashMap<>(env);
                workerEnv.putAll(w.scheduler());
                List<String> command = List.of(SCRIPTS.resolve(w.script()).toString(), "Jugfile.java", "--",
                        log.toString());
                started.add(pool.submit(() -> ProcessRun.of(command, w.directory(), workerEnv, Duration.ofMinutes(2))));
            }
            for (Future<ProcessRun> f : started) {
                runs.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(runs).hasSize(2).allSatisfy(ProcessRun::assertSucceeded);
        assertThat(runs).anyMatch(r -> r.output().contains("jug-sge: array task 1 of job 7 on "))
                .anyMatch(r -> r.output().contains("jug-pbs: subjob 2 of job 8[2] on "));
        Map<String, Long> ranPerTask = Files.readAllLines(log).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(ranPerTask).hasSize(41).allSatisfy((task, n) -> assertThat(n).isOne());
    }
}
