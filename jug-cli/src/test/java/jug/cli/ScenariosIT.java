package jug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jug.core.store.LockRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Python jug's own acceptance scenarios (reference/jug.md §8), run by real jug processes. */
class ScenariosIT {
    @TempDir
    Path dir;

    @TempDir
    Path cache;

    private JugProcess jug() {
        return new JugProcess(dir, cache);
    }

    @Test
    void allOf1024IndependentTasksRunOnce() throws Exception {
        JugProcess.jugfile("shapes", dir);
        JugProcess.Result r = jug().run("execute", "Jugfile.java", "--", "independent", "1024").assertExit(0);
        assertThat(ExactlyOnceIT.totalExecuted(r.out())).isEqualTo(1024);
        assertThat(results("independent", "1024")).isEqualTo(1024);
    }

    @Test
    void twoWorkersOnA256LongChainFinishItTogether() throws Exception {
        // Python jug declares its chain in random order; here declaration order is always a dependency order
        // (a task can only name tasks that exist), so the scenario that remains is two workers on one chain.
        JugProcess.jugfile("shapes", dir);
        JugProcess jug = jug();
        jug.run("status", "Jugfile.java", "--", "chain", "256").assertExit(0);
        JugProcess.Running a = jug.start("execute", "Jugfile.java", "--", "chain", "256");
        JugProcess.Running b = jug.start("execute", "Jugfile.java", "--", "chain", "256");
        int executed = ExactlyOnceIT.totalExecuted(jug.finish(a).assertExit(0).out())
                + ExactlyOnceIT.totalExecuted(jug.finish(b).assertExit(0).out());
        assertThat(executed).isEqualTo(256);
        assertThat(results("chain", "256")).isEqualTo(256);
    }

    @Test
    void targetRunsOnlyMatchingTasksAndWhatTheyNeed() throws Exception {
        JugProcess.jugfile("simple", dir);
        JugProcess.Result doubled = jug().run("execute", "Jugfile.java", "--target", "doubled").assertExit(0);
        assertThat(ExactlyOnceIT.totalExecuted(doubled.out())).isEqualTo(8);
        assertThat(results()).isEqualTo(8);
        JugProcess.Result plus = jug().run("execute", "Jugfile.java", "--target", "Jugfile.plus").assertExit(0);
        assertThat(ExactlyOnceIT.totalExecuted(plus.out())).isEqualTo(8);
        JugProcess.Result rest = jug().run("execute", "Jugfile.java", "--target", "/sum\\d/").assertExit(0);
        assertThat(ExactlyOnceIT.totalExecuted(rest.out())).isEqualTo(16);
        assertThat(results()).isEqualTo(32);
    }

    @Test
    void aTargetThatMatchesNothingIsAnError() throws Exception {
        JugProcess.jugfile("simple", dir);
        JugProcess.Result r = jug().run("execute", "Jugfile.java", "--target", "nothing").assertExit(2);
        assertThat(r.err()).contains("--target nothing matches no task of Jugfile.java")
                .contains("Jugfile.doubled");
        assertThat(jug().run("execute", "Jugfile.java", "--target", "/[/").assertExit(2).err())
                .contains("--target /[/: invalid regular expression");
    }

    @Test
    void keepGoingAndKeepFailedLeaveFailureMarksAndWaitingTasks() throws Exception {
        JugProcess.jugfile("failing", dir);
        JugProcess.Result r = jug().run("execute", "Jugfile.java", "--keep-going", "--keep-failed").assertExit(1);
        assertThat(r.err()).contains("Jugfile.someFail(2) threw java.lang.IllegalArgumentException: bad 2")
                .contains("6 unfinished tasks cannot run: 3 failed and 3 need a task that failed");
        assertThat(results()).isEqualTo(14);
        assertThat(locks()).as("failure marks").hasSize(3);
        String status = jug().run("status", "Jugfile.java").assertExit(0).out();
        assertThat(status).containsPattern("3\\s+0\\s+0\\s+7\\s+0\\s+Jugfile.plus1")
                .containsPattern("0\\s+0\\s+0\\s+7\\s+3\\s+Jugfile.someFail");
        JugProcess.Result again = jug().run("execute", "Jugfile.java").assertExit(1);
        assertThat(ExactlyOnceIT.totalExecuted(again.out())).as("failed tasks are not retried").isZero();
    }

    @Test
    void withoutKeepGoingTheFirstFailureStopsTheWorkerAndIsRetriedNextTime() throws Exception {
        JugProcess.jugfile("failing", dir);
        jug().run("execute", "Jugfile.java").assertExit(1);
        assertThat(locks()).isEmpty();
        int before = results();
        assertThat(before).isLessThan(14);
        JugProcess.Result again = jug().run("execute", "Jugfile.java").assertExit(1);
        assertThat(again.err()).contains("threw java.lang.IllegalArgumentException: bad");
    }

    @Test
    void aDeepChainCrossesABarrierInOneExecute() throws Exception {
        JugProcess.jugfile("deep-barrier", dir);
        String before = jug().run("status", "Jugfile.java", "--short").assertExit(0).out();
        assertThat(before).contains("2048 tasks").contains("stopped at a barrier");
        JugProcess.Result r = jug().run("execute", "Jugfile.java").assertExit(0);
        assertThat(ExactlyOnceIT.totalExecuted(r.out())).isEqualTo(2049);
        assertThat(jug().run("status", "Jugfile.java", "--short").assertExit(0).out())
                .contains("All tasks finished (2049 tasks)");
    }

    @Test
    void tasksletsMapReduceCompoundAndNamedTasksComputeTheRightValues() throws Exception {
        JugProcess.jugfile("language", dir);
        Path out = dir.resolve("report.txt");
        JugProcess.Result r = jug().run("execute", "Jugfile.java", "--", out.toString()).assertExit(0);
        assertThat(out).hasContent("mapReduce=285 map=[0, 1, 4, 9, 16] reduce=15 compound=14 scaled=60.0 third=3");
        assertThat(r.out()).contains("fitting").contains("mapreduce(Jugfile.square, Jugfile.add)")
                .contains("map(Jugfile.square)").contains("reduce(Jugfile.add)").contains("Jugfile.sumOfSquares");
        String status = jug().run("status", "Jugfile.java", "--", out.toString()).assertExit(0).out();
        assertThat(status).as("a finished compound task hides its sub-graph").doesNotContain("Jugfile.square ")
                .containsPattern("0\\s+0\\s+0\\s+1\\s+0\\s+Jugfile.sumOfSquares");
        Files.delete(out);
        JugProcess.Result again = jug().run("execute", "Jugfile.java", "--", out.toString()).assertExit(0);
        assertThat(ExactlyOnceIT.totalExecuted(again.out())).isZero();
    }

    /** The number of finished tasks, as `jug status --short` reports it (results may be packed many to a file). */
    private int results(String... jugfileArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("status", "Jugfile.java", "--short"));
        if (jugfileArgs.length > 0) {
            args.add("--");
            args.addAll(List.of(jugfileArgs));
        }
        String out = jug().run(args.toArray(String[]::new)).assertExit(0).out();
        Matcher all = Pattern.compile("All tasks finished \\((\\d+) tasks\\)").matcher(out);
        if (all.find()) {
            return Integer.parseInt(all.group(1));
        }
        Matcher some = Pattern.compile("(\\d+) finished").matcher(out);
        if (!some.find()) {
            throw new AssertionError("no finished count in: " + out);
        }
        return Integer.parseInt(some.group(1));
    }

    /** The store the jug processes use: by default the directory next to the jugfile; a subclass may set another. */
    String jugdir() {
        return dir.resolve("Jugfile.jugdata").toString();
    }

    private List<LockRecord> locks() throws IOException {
        return StoreFiles.locks(jugdir(), dir);
    }
}
