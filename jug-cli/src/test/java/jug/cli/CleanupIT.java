package jug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jug cleanup: what goes, what stays, and that running workers lose nothing to it. */
class CleanupIT {
    @TempDir
    Path dir;

    @TempDir
    Path cache;

    private JugProcess jug() {
        return new JugProcess(dir, cache);
    }

    private StoreFiles store() {
        return new StoreFiles(dir.resolve("Jugfile.jugdata"));
    }

    @Test
    void removesResultsThatNoTaskOfTheJugfileDeclaresAndADryRunRemovesNothing() throws Exception {
        JugProcess.jugfile("workload", dir);
        jug().run("execute", "Jugfile.java", "--", "5", "0", "old").assertExit(0);
        jug().run("execute", "Jugfile.java", "--", "5", "0", "new").assertExit(0);
        assertThat(store().results()).hasSize(12);
        JugProcess.Result dry = jug().run("cleanup", "Jugfile.java", "--dry-run", "-v", "--", "5", "0", "new")
                .assertExit(0);
        assertThat(dry.out()).contains("Would remove 6 results that no task of Jugfile.java declares.")
                .contains("Dry run: nothing was removed").contains("(Jugfile.work, computed on ")
                .contains("(Jugfile.sum, computed on ");
        assertThat(store().results()).hasSize(12);
        JugProcess.Result r = jug().run("cleanup", "Jugfile.java", "--", "5", "0", "new").assertExit(0);
        assertThat(r.out()).contains("Removed 6 results that no task of Jugfile.java declares.");
        assertThat(store().results()).hasSize(6);
        jug().run("check", "Jugfile.java", "--", "5", "0", "new").assertExit(0);
        assertThat(jug().run("cleanup", "Jugfile.java", "--", "5", "0", "new").assertExit(0).out())
                .contains("Nothing to clean up.");
    }

    @Test
    void refusesToRemoveEveryResultUnlessForced() throws Exception {
        JugProcess.jugfile("workload", dir);
        jug().run("execute", "Jugfile.java", "--", "5", "0", "old").assertExit(0);
        JugProcess.Result r = jug().run("cleanup", "Jugfile.java", "--", "5", "0", "new").assertExit(2);
        assertThat(r.err()).contains("none of its 6 results belongs to the 6 tasks that Jugfile.java declares with "
                + "arguments [5, 0, new]").contains("add --force");
        assertThat(store().results()).hasSize(6);
        jug().run("cleanup", "Jugfile.java", "--force", "--", "5", "0", "new").assertExit(0);
        assertThat(store().results()).isEmpty();
    }

    @Test
    void failureMarksGoOnlyWithFailedOnly() throws Exception {
        JugProcess.jugfile("failing", dir);
        jug().run("execute", "Jugfile.java", "--keep-going", "--keep-failed").assertExit(1);
        assertThat(jug().run("cleanup").assertExit(0).out()).contains("Nothing to clean up.")
                .contains("Kept 3 failure marks (`jug cleanup --failed-only` removes them");
        assertThat(jug().run("cleanup", "--locks-only").assertExit(0).out()).contains("Kept 3 failure marks");
        assertThat(store().locks()).hasSize(3);
        assertThat(jug().run("cleanup", "--failed-only", "--dry-run").assertExit(0).out())
                .contains("Would remove 3 failure marks.");
        assertThat(store().locks()).hasSize(3);
        assertThat(jug().run("cleanup", "--failed-only").assertExit(0).out()).contains("Removed 3 failure marks.");
        assertThat(store().locks()).isEmpty();
        assertThat(store().results()).hasSize(14);
        assertThat(ExactlyOnceIT.totalExecuted(jug().run("execute", "Jugfile.java").assertExit(1).out()))
                .as("the failed tasks run again (and fail again)").isZero();
    }

    @Test
    void oldLeftoversOfInterruptedWritesAreRemoved() throws Exception {
        JugProcess.jugfile("simple", dir);
        jug().run("execute", "Jugfile.java").assertExit(0);
        Path old = Files.write(store().tmp().resolve("a".repeat(64) + ".1f2e3d"), new byte[] {1, 2});
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path young = Files.write(store().tmp().resolve("b".repeat(64) + ".4c5b6a"), new byte[] {1, 2});
        assertThat(jug().run("cleanup").assertExit(0).out()).contains("Removed 1 file left by interrupted writes.");
        assertThat(old).doesNotExist();
        assertThat(young).exists();
        assertThat(store().results()).hasSize(32);
    }

    @Test
    void aJugfileStoppedAtABarrierIsNotCleanedSinceTheTasksAfterItAreUnknown() throws Exception {
        JugProcess.jugfile("barrier", dir);
        jug().run("execute", "Jugfile.java").assertExit(0);
        assertThat(store().results()).hasSize(9);
        String first = StoreFiles.keysShown(jug().run("show", "first", "--limit", "1").out()).get(0);
        jug().run("invalidate", "--target", first.substring(0, 12)).assertExit(0);
        assertThat(store().results()).as("first(0), second(first(0)) and the total are gone").hasSize(6);
        JugProcess.Result r = jug().run("cleanup").assertExit(1);
        assertThat(r.err()).contains("Jugfile.java stops at a barrier").contains("nothing was removed");
        assertThat(store().results()).as("Python jug deletes the 3 second() results here").hasSize(6);
        jug().run("cleanup", "--locks-only").assertExit(0);
        jug().run("execute", "Jugfile.java").assertExit(0);
        assertThat(jug().run("cleanup").assertExit(0).out()).contains("Nothing to clean up.");
    }

    @Test
    void theLockOfALiveWorkerStaysAndThatOfAKilledOneGoes() throws Exception {
        JugProcess.jugfile("workload", dir);
        jug().run("status", "Jugfile.java", "--", "1", "60000", "slow").assertExit(0);
        JugProcess.Running worker = jug().start("execute", "Jugfile.java", "--", "1", "60000", "slow");
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (store().locks().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(store().locks()).hasSize(1);
            assertThat(jug().run("cleanup", "--locks-only").assertExit(0).out()).contains("Kept 1 lock of live workers.");
            assertThat(jug().run("cleanup", "Jugfile.java", "--", "1", "60000", "slow").assertExit(0).out())
                    .contains("Kept 1 lock of live workers.");
            assertThat(store().locks()).hasSize(1);
            worker.process().destroyForcibly().waitFor();
            assertThat(jug().run("cleanup", "--locks-only").assertExit(0).out())
                    .contains("Removed 1 lock of workers that are gone.");
            assertThat(store().locks()).isEmpty();
        } finally {
            worker.process().destroyForcibly();
        }
    }

    @Test
    void cleanupWhileTwoWorkersRunLosesNoResultAndBreaksNoLock() throws Exception {
        JugProcess.jugfile("workload", dir);
        Path log = dir.resolve("side.log");
        String[] run = {"Jugfile.java", "--", "300", "10", "new", log.toString()};
        jug().run("execute", "Jugfile.java", "--", "30", "0", "old").assertExit(0); // orphans for cleanup to find
        List<JugProcess.Running> workers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            workers.add(jug().start(JugProcess.prepend(run, "execute")));
        }
        int cleanups = 0;
        int whileWorking = 0;
        while (workers.stream().anyMatch(w -> w.process().isAlive()) || cleanups < 3) {
            boolean working = workers.stream().allMatch(w -> w.process().isAlive());
            JugProcess.Result c = jug().run(JugProcess.prepend(run, "cleanup", "--force"));
            c.assertExit(0);
            cleanups++;
            whileWorking += working ? 1 : 0;
        }
        for (JugProcess.Running w : workers) {
            JugProcess.Result r = jug().finish(w).assertExit(0);
            assertThat(r.err()).doesNotContain("lost the lease").doesNotContain("took over");
        }
        Map<String, Long> runs = Files.readAllLines(log).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(runs).hasSize(301);
        assertThat(runs.values()).as("every task ran exactly once").allMatch(n -> n == 1);
        assertThat(store().results()).as("every result stayed, every orphan went").hasSize(301);
        jug().run(JugProcess.prepend(run, "check")).assertExit(0);
        assertThat(whileWorking).as("cleanups run while both workers worked").isGreaterThanOrEqualTo(2);
    }
}
