package jug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jug.core.store.LockRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workers that die, hang or are stopped by a batch system never block the pipeline. */
class CrashIT {
    @TempDir
    Path dir;

    @TempDir
    Path cache;

    private Path log;

    private JugProcess jug() {
        return new JugProcess(dir, cache);
    }

    @Test
    void aWorkerKilledMidTaskIsReplacedAtOnceOnTheSameHost() throws Exception {
        JugProcess.Running first = startSlowWorker("4", "30");
        long firstPid = first.process().pid();
        waitForLine("start " + firstPid, Duration.ofSeconds(60));
        first.process().destroyForcibly().waitFor(); // kill -9: no chance to release anything
        long t0 = System.nanoTime();
        JugProcess.Result second = jug().run("execute", "Jugfile.java", "--lease-time", "30", "--", log.toString(), "4");
        second.assertExit(0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(seconds).as("the dead owner is detected without waiting for the lease").isLessThan(4 + 10);
        assertThat(second.err()).contains("which is no longer running");
        assertLoggedOnce("end");
    }

    @Test
    void aHungWorkersLockIsTakenOverAfterTheLeaseTime() throws Exception {
        JugProcess.Running first = startSlowWorker("3", "2");
        long firstPid = first.process().pid();
        waitForLine("start " + firstPid, Duration.ofSeconds(60));
        new ProcessBuilder("kill", "-STOP", Long.toString(firstPid)).start().waitFor(); // alive, but silent
        try {
            long t0 = System.nanoTime();
            JugProcess.Result second = jug().run("execute", "Jugfile.java", "--lease-time", "2", "--", log.toString(),
                    "3");
            second.assertExit(0);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(seconds).as("waited for the lease, then ran the task").isBetween(2.0 + 3, 2.0 + 3 + 15);
            assertThat(second.err()).contains("took over the lock").contains("stopped renewing it");
            assertLoggedOnce("end");
        } finally {
            first.process().destroyForcibly().waitFor();
            new ProcessBuilder("kill", "-CONT", Long.toString(firstPid)).start().waitFor();
        }
    }

    @Test
    void aWorkerWithAShortLeaseLeavesAliveHolderOfALongerLeaseAlone() throws Exception {
        JugProcess.Running first = startSlowWorker("4", "12"); // renews every 2 s
        waitForLine("start " + first.process().pid(), Duration.ofSeconds(60));
        JugProcess.Result second = jug().run("execute", "Jugfile.java", "--lease-time", "1", "--", log.toString(), "4");
        second.assertExit(0);
        jug().finish(first).assertExit(0);
        assertThat(second.err()).doesNotContain("took over");
        assertLoggedOnce("start");
    }

    @Test
    void sigtermReleasesTheLocksAtOnce() throws Exception {
        JugProcess.Running first = startSlowWorker("60", "30");
        waitForLine("start " + first.process().pid(), Duration.ofSeconds(60));
        assertThat(locks()).as("the running task's lock, as the store lists it").hasSize(1);
        first.process().destroy(); // SIGTERM, as a batch system's scancel or qdel sends
        first.process().waitFor();
        assertThat(locks()).isEmpty();
        JugProcess.Running second = jug().start("execute", "Jugfile.java", "--", log.toString(), "60");
        try {
            waitForLine("start " + second.process().pid(), Duration.ofSeconds(60));
        } finally {
            second.process().destroyForcibly().waitFor();
        }
    }

    private JugProcess.Running startSlowWorker(String seconds, String leaseSeconds) throws Exception {
        JugProcess.jugfile("long-task", dir);
        log = dir.resolve("side.log");
        jug().run("status", "Jugfile.java", "--", log.toString(), seconds).assertExit(0); // compile once
        return jug().start("execute", "Jugfile.java", "--lease-time", leaseSeconds, "--", log.toString(), seconds);
    }

    /** The slow task's {@code mark} line is in the log once, and each of the four tasks after it ran once. */
    private void assertLoggedOnce(String mark) throws IOException {
        List<String> lines = Files.readAllLines(log);
        assertThat(lines.stream().filter(l -> l.startsWith(mark))).hasSize(1);
        assertThat(lines.stream().filter(l -> l.startsWith("after"))).hasSize(4).doesNotHaveDuplicates();
    }

    private void waitForLine(String line, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readAllLines(log).contains(line)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no line '" + line + "' in " + log + " within " + timeout);
    }

    /** The store the jug processes use: by default the directory next to the jugfile; a subclass may set another. */
    String jugdir() {
        return dir.resolve("Jugfile.jugdata").toString();
    }

    private List<LockRecord> locks() throws IOException {
        return StoreFiles.locks(jugdir(), dir);
    }
}
