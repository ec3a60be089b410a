package jug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jug check and jug sleep-until, with workers in other processes. */
class WaitIT {
    @TempDir
    Path dir;

    @TempDir
    Path cache;

    private JugProcess jug() {
        return new JugProcess(dir, cache);
    }

    @Test
    void checkExitsWithOneUntilEveryTaskIsFinishedAndSaysNothing() throws Exception {
        JugProcess.jugfile("simple", dir);
        JugProcess.Result before = jug().run("check").assertExit(1);
        assertThat(before.out()).isEmpty();
        jug().run("execute", "--target", "doubled").assertExit(0);
        jug().run("check").assertExit(1);
        assertThat(jug().run("check", "-v").assertExit(1).out()).contains("8 of 32 tasks are finished.");
        jug().run("execute").assertExit(0);
        assertThat(jug().run("check").assertExit(0).out()).isEmpty();
        assertThat(jug().run("check", "--verbose").assertExit(0).out()).contains("All 32 tasks are finished.");
    }

    @Test
    void checkLooksPastBarriers() throws Exception {
        JugProcess.jugfile("barrier", dir);
        jug().run("execute", "--target", "first").assertExit(0);
        assertThat(jug().run("check", "-v").assertExit(1).out()).contains("4 of 9 tasks are finished.");
        jug().run("execute").assertExit(0);
        jug().run("check").assertExit(0);
    }

    @Test
    void sleepUntilReturnsAsSoonAsAWorkerInAnotherProcessFinishes() throws Exception {
        JugProcess.jugfile("workload", dir);
        String[] args = {"Jugfile.java", "--", "6", "300", "w"};
        jug().run("status", "Jugfile.java", "--", "6", "300", "w").assertExit(0); // compiles, for both
        JugProcess.Running waiting = jug().start(JugProcess.prepend(args, "sleep-until"));
        JugProcess.Running worker = jug().start(JugProcess.prepend(args, "execute"));
        jug().finish(worker).assertExit(0);
        long workerDone = System.nanoTime();
        jug().finish(waiting).assertExit(0);
        double lag = (System.nanoTime() - workerDone) / 1e9;
        assertThat(lag).as("seconds between the worker's end and sleep-until's").isLessThan(2.5);
        jug().run(JugProcess.prepend(args, "check")).assertExit(0);
    }

    @Test
    void sleepUntilWaitsPastABarrier() throws Exception {
        JugProcess.jugfile("barrier", dir);
        jug().run("status").assertExit(0);
        JugProcess.Running waiting = jug().start("sleep-until", "--idle-timeout", "30");
        jug().run("execute").assertExit(0);
        jug().finish(waiting).assertExit(0);
    }

    @Test
    void sleepUntilFailsAtOnceWhenATaskIsMarkedFailed() throws Exception {
        JugProcess.jugfile("failing", dir);
        jug().run("execute", "--keep-going", "--keep-failed").assertExit(1);
        long start = System.nanoTime();
        JugProcess.Result r = jug().run("sleep-until").assertExit(1);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
        assertThat(r.err()).contains("3 tasks are marked failed: Jugfile.someFail@")
                .contains("Jugfile.someFail(2) threw java.lang.IllegalArgumentException: bad 2")
                .contains("`jug cleanup --failed-only`");
    }

    @Test
    void sleepUntilGivesUpWhenNoWorkerWorksOrTimeIsUp() throws Exception {
        JugProcess.jugfile("simple", dir);
        JugProcess.Result idle = jug().run("sleep-until", "--idle-timeout", "1").assertExit(1);
        assertThat(idle.err()).contains("no worker finished or held a task of Jugfile.java for 1 s; 32 of 32 tasks "
                + "remain").contains("--idle-timeout 0");
        JugProcess.Result timeout = jug().run("sleep-until", "--idle-timeout", "0", "--timeout", "1").assertExit(1);
        assertThat(timeout.err()).contains("timed out after 1.0 s with 32 of 32 tasks unfinished");
    }
}
