package jug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExactlyOnceIT {
    @TempDir
    Path dir;

    @TempDir
    Path cache;

    @Test
    void twoWorkersShareTheWorkAndRunEveryTaskExactlyOnce() throws Exception {
        runWorkersAndCheck(2);
    }

    @Test
    void threeWorkersShareTheWorkAndRunEveryTaskExactlyOnce() throws Exception {
        runWorkersAndCheck(3);
    }

    @Test
    void fourThreadsInOneProcessRunEveryTaskExactlyOnce() throws Exception {
        runWorkersAndCheck(1, "--jobs", "4");
    }

    @Test
    void twoProcessesOfTwoThreadsRunEveryTaskExactlyOnce() throws Exception {
        runWorkersAndCheck(2, "--jobs", "2");
    }

    @Test
    void twoWorkersShareChainsOfShortTasksComputingEachStepOnceAndInOrder() throws Exception {
        JugProcess.jugfile("sidechains", dir);
        Path log = dir.resolve("side.log");
        String[] args = {"--", "4", "600", log.toString()};
        JugProcess jug = new JugProcess(dir, cache);
        jug.run(JugProcess.prepend(args, "status", "Jugfile.java")).assertExit(0);
        JugProcess.Running a = jug.start(JugProcess.prepend(args, "execute", "Jugfile.java"));
        JugProcess.Running b = jug.start(JugProcess.prepend(args, "execute", "Jugfile.java"));
        int executed = totalExecuted(jug.finish(a).assertExit(0).out()) + totalExecuted(jug.finish(b).assertExit(0).out());

        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(4 * 600 + 1).doesNotHaveDuplicates().endsWith("sum 2400");
        for (int c = 0; c < 4; c++) {
            String prefix = c + ".";
            assertThat(lines.stream().filter(l -> l.startsWith(prefix)).map(l -> Integer.parseInt(l.substring(2))))
                    .as("chain %d's steps, in the order computed", c).isSorted().hasSize(600);
        }
        assertThat(executed).isEqualTo(4 * 600 + 1);
        assertThat(jug.run(JugProcess.prepend(args, "status", "Jugfile.java", "--short")).assertExit(0).out())
                .contains("All tasks finished (2401 tasks)");
    }

    private void runWorkersAndCheck(int workers, String... options) throws Exception {
        JugProcess.jugfile("sidelog", dir);
        Path log = dir.resolve("side.log");
        JugProcess jug = new JugProcess(dir, cache);
        jug.run("status", "Jugfile.java", "--", "500", log.toString()).assertExit(0); // compiles once, for everyone

        List<JugProcess.Running> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            List<String> args = new ArrayList<>(List.of("execute", "Jugfile.java"));
            args.addAll(List.of(options));
            args.addAll(List.of("--", "500", log.toString()));
            running.add(jug.start(args.toArray(String[]::new)));
        }
        int executedByAll = 0;
        List<Integer> executedPerWorker = new ArrayList<>();
        for (JugProcess.Running r : running) {
            JugProcess.Result result = jug.finish(r).assertExit(0);
            int executed = totalExecuted(result.out());
            executedPerWorker.add(executed);
            executedByAll += executed;
        }

        List<String> lines = Files.readAllLines(log);
        Map<String, Long> runs = lines.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(runs).hasSize(501);
        assertThat(runs.values()).allMatch(count -> count == 1);
        assertThat(executedByAll).isEqualTo(501);
        assertThat(executedPerWorker).as("every worker took a share").allMatch(n -> n > 0);

        JugProcess.Result again = jug.run("execute", "Jugfile.java", "--", "500", log.toString()).assertExit(0);
        assertThat(totalExecuted(again.out())).isZero();
        assertThat(Files.readAllLines(log)).hasSize(501);
        assertThat(jug.run("status", "Jugfile.java", "--short", "--", "500", log.toString()).assertExit(0).out())
                .contains("All tasks finished (501 tasks)");
    }

    /** The Executed column of the execute summary's Total row. */
    static int totalExecuted(String summary) {
        return summary.lines().filter(l -> l.endsWith("  Total")).findFirst()
                .map(l -> Integer.parseInt(l.trim().split("\\s+")[0]))
                .orElseThrow(() -> new AssertionError("no Total row in:\n" + summary));
    }
}
