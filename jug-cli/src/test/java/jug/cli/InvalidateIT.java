package jug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jug invalidate on Python jug's simple.py (8 chains of doubled → plus1 → sum2 → sum2) and failing.py. */
class InvalidateIT {
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
    void removesExactlyTheTargetAndEverythingDownstreamOfIt() throws Exception {
        JugProcess.jugfile("simple", dir);
        jug().run("execute", "Jugfile.java").assertExit(0);
        List<String> doubled = StoreFiles.keysShown(jug().run("show", "doubled", "--limit", "0").assertExit(0).out());
        assertThat(doubled).hasSize(8);
        assertThat(store().results()).hasSize(32).containsAll(doubled);

        JugProcess.Result r = jug().run("invalidate", "Jugfile.java", "--target", "plus1").assertExit(0);
        assertThat(r.out()).containsPattern("Invalidated\\s+Task name")
                .containsPattern("\\s8\\s+Jugfile.plus1\\n").containsPattern("\\s16\\s+Jugfile.sum2\\n")
                .containsPattern("\\s24\\s+Total\\n");
        assertThat(store().results()).containsExactlyInAnyOrderElementsOf(doubled);
        JugProcess.Result again = jug().run("execute", "Jugfile.java").assertExit(0);
        assertThat(ExactlyOnceIT.totalExecuted(again.out())).isEqualTo(24);
    }

    @Test
    void targetsSelectLikePythonJugsAndADryRunRemovesNothing() throws Exception {
        JugProcess.jugfile("simple", dir);
        jug().run("execute", "Jugfile.java").assertExit(0);
        assertThat(wouldRemove("doubled")).isEqualTo(32);
        assertThat(wouldRemove("Jugfile.plus")).isEqualTo(24);
        assertThat(wouldRemove("/sum\\d/")).isEqualTo(16);
        String firstKey = StoreFiles.keysShown(jug().run("show", "doubled", "--limit", "1").out()).get(0);
        assertThat(wouldRemove(firstKey.substring(0, 12))).as("one chain").isEqualTo(4);
        assertThat(wouldRemove("Jugfile.doubled@" + firstKey.substring(0, 8))).isEqualTo(4);
        assertThat(store().results()).hasSize(32);
    }

    @Test
    void aTargetThatMatchesNothingAnInvalidRegexOrNoTargetIsABadInput() throws Exception {
        JugProcess.jugfile("simple", dir);
        JugProcess.Result none = jug().run("invalidate", "--target", "nothing").assertExit(2);
        assertThat(none.err()).contains("--target nothing matches no task of Jugfile.java (its 32 tasks are named "
                + "Jugfile.doubled, Jugfile.plus1, Jugfile.sum2)");
        assertThat(jug().run("invalidate", "--target", "/[/").assertExit(2).err())
                .contains("--target /[/: invalid regular expression");
        assertThat(jug().run("invalidate").assertExit(2).err()).contains("invalidate needs --target PATTERN");
        assertThat(jug().run("invalidate", "--target", "plus1").assertExit(0).out())
                .contains("24 tasks selected or downstream, but none has a stored result: nothing to remove.");
    }

    @Test
    void theFailureMarksOfInvalidatedTasksGoSoThatTheyRunAgain() throws Exception {
        JugProcess.jugfile("failing", dir);
        jug().run("execute", "Jugfile.java", "--keep-going", "--keep-failed").assertExit(1);
        assertThat(store().locks()).hasSize(3);
        JugProcess.Result r = jug().run("invalidate", "--invalid", "someFail").assertExit(0);
        assertThat(r.out()).containsPattern("\\s7\\s+Jugfile.plus1\\n").containsPattern("\\s7\\s+Jugfile.someFail\\n")
                .contains("Removed 3 failure marks of invalidated tasks, so they run again.");
        assertThat(store().locks()).isEmpty();
        assertThat(store().results()).isEmpty();
    }

    private int wouldRemove(String target) throws Exception {
        Set<String> before = new HashSet<>(store().results());
        String out = jug().run("invalidate", "--target", target, "--dry-run").assertExit(0).out();
        assertThat(out).contains("Dry run: nothing was removed.");
        assertThat(store().results()).isEqualTo(before);
        return ExactlyOnceIT.totalExecuted(out); // the Total row's first column: here, the results it would remove
    }
}
