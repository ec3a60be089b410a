package jug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that look without changing anything (show, count, graph, status --json/--times) and the shell. */
class InspectIT {
    @TempDir
    Path dir;

    @TempDir
    Path cache;

    private JugProcess jug() {
        return new JugProcess(dir, cache);
    }

    @Test
    void showGivesKeyStateInputsAndWhoComputedATaskWhenAndHowLong() throws Exception {
        JugProcess.jugfile("simple", dir);
        jug().run("execute", "--target", "doubled").assertExit(0);
        String plus = jug().run("show", "plus1", "--limit", "1").assertExit(0).out();
        assertThat(plus).containsPattern("^Jugfile.plus1@[0-9a-f]{12}\\n  key        [0-9a-f]{64}\\n")
                .contains("  state      ready\n").containsPattern("  inputs     Jugfile.doubled@[0-9a-f]{12} \\(finished\\)")
                .contains("  needed by  Jugfile.sum2@").contains("... and 7 more tasks match plus1");
        String doubled = jug().run("show", "Jugfile.doubled", "--limit", "0").assertExit(0).out();
        assertThat(StoreFiles.keysShown(doubled)).hasSize(8);
        assertThat(doubled).containsPattern("  computed   on \\S+:\\d+, started \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC, "
                + "took [\\d.]+ (ms|s)\\n");
        String key = StoreFiles.keysShown(doubled).get(2);
        String one = jug().run("show", key.substring(0, 10)).assertExit(0).out();
        assertThat(StoreFiles.keysShown(one)).containsExactly(key);
        assertThat(jug().run("show", "nothing").assertExit(2).err()).contains("pattern nothing matches no task");
    }

    @Test
    void showSaysWhyATaskFailed() throws Exception {
        JugProcess.jugfile("failing", dir);
        jug().run("execute", "--keep-going", "--keep-failed").assertExit(1);
        String out = jug().run("show", "/someFail/", "--limit", "0").assertExit(0).out();
        assertThat(out).containsPattern("state      failed on \\S+:\\d+: Jugfile.someFail\\(2\\) threw "
                + "java.lang.IllegalArgumentException: bad 2").contains("`jug cleanup --failed-only` removes the mark");
        assertThat(jug().run("show", "plus1", "--limit", "0").assertExit(0).out()).contains("state      waiting")
                .contains("(failed)");
    }

    @Test
    void countCountsTasksPerNameWithoutTouchingTheStore() throws Exception {
        JugProcess.jugfile("simple", dir);
        String out = jug().run("count").assertExit(0).out();
        assertThat(out).containsPattern("\\s8\\s+Jugfile.doubled\\n").containsPattern("\\s8\\s+Jugfile.plus1\\n")
                .containsPattern("\\s16\\s+Jugfile.sum2\\n").containsPattern("\\s32\\s+Total\\n");
        assertThat(dir.resolve("Jugfile.jugdata")).doesNotExist();
        Files.delete(dir.resolve("Jugfile.java"));
        JugProcess.jugfile("barrier", dir);
        assertThat(jug().run("count").assertExit(0).out()).containsPattern("\\s4\\s+Jugfile.first\\n")
                .contains("The jugfile stops at a barrier");
    }

    @Test
    void graphDrawsNamesWithStatusCountsAndEdgesBetweenThem() throws Exception {
        JugProcess.jugfile("simple", dir);
        jug().run("execute", "--target", "doubled").assertExit(0);
        String dot = jug().run("graph", "--format", "dot", "-o", "-").assertExit(0).out();
        assertThat(dot).startsWith("digraph jug {")
                .contains("\"Jugfile.doubled\" [label=<<b>Jugfile.doubled</b><br/><font color=\"#85ca5d\">8 finished</font>>];")
                .contains("<font color=\"#fca985\">8 ready</font>").contains("16 waiting")
                .contains("\"Jugfile.doubled\" -> \"Jugfile.plus1\" [label=\"8\"];")
                .contains("\"Jugfile.plus1\" -> \"Jugfile.sum2\" [label=\"8\"];")
                .contains("\"Jugfile.sum2\" -> \"Jugfile.sum2\" [label=\"8\"];").endsWith("}\n");
        assertThat(jug().run("graph", "--no-status", "--format", "dot", "-o", "-").assertExit(0).out())
                .doesNotContain("finished").contains("[label=<<b>Jugfile.plus1</b>>];");
        assertThat(jug().run("graph", "--format", "dot").assertExit(0).out()).contains("Wrote Jugfile.dot.");
        Files.delete(dir.resolve("Jugfile.dot"));
        JugProcess.Result svg = jug().run("graph").assertExit(0);
        if (graphvizInstalled()) {
            assertThat(dir.resolve("Jugfile.svg")).exists();
        } else {
            assertThat(svg.out()).contains("Graphviz's dot is not installed, so no Jugfile.svg");
        }
        assertThat(dir.resolve("Jugfile.dot")).exists();
        assertThat(jug().run("graph", "--format", "svg", "-o", "-").assertExit(2).err()).contains("add --format dot");
    }

    @Test
    @SuppressWarnings("unchecked")
    void statusJsonIsValidJsonWithCountsPerNameAndInTotal() throws Exception {
        JugProcess.jugfile("simple", dir);
        jug().run("execute", "--target", "doubled").assertExit(0);
        Map<String, Object> status = (Map<String, Object>) MiniJson.parse(jug().run("status", "--json").assertExit(0).out());
        assertThat(status).containsEntry("allFinished", false).containsEntry("barrierReached", false)
                .containsEntry("staleLocks", 0.0);
        assertThat((Map<String, Object>) status.get("total")).containsEntry("tasks", 32.0).containsEntry("finished", 8.0)
                .containsEntry("ready", 8.0).containsEntry("waiting", 16.0).containsEntry("failed", 0.0);
        Map<String, Object> names = (Map<String, Object>) status.get("names");
        assertThat(names).containsOnlyKeys("Jugfile.doubled", "Jugfile.plus1", "Jugfile.sum2");
        assertThat((Map<String, Object>) names.get("Jugfile.plus1")).containsEntry("ready", 8.0);
        Map<String, Object> timed = (Map<String, Object>) MiniJson.parse(
                jug().run("status", "--json", "--times").assertExit(0).out());
        assertThat((Map<String, Object>) timed.get("total")).containsKey("computeSeconds");
        Files.delete(dir.resolve("Jugfile.java"));
        JugProcess.jugfile("barrier", dir);
        assertThat((Map<String, Object>) MiniJson.parse(jug().run("status", "--json").assertExit(0).out()))
                .containsEntry("barrierReached", true);
    }

    @Test
    void statusTimesSumsTheComputeTimeStoredWithEachResult() throws Exception {
        JugProcess.jugfile("workload", dir);
        jug().run("execute", "Jugfile.java", "--", "3", "100", "t").assertExit(0);
        String out = jug().run("status", "Jugfile.java", "--times", "--", "3", "100", "t").assertExit(0).out();
        assertThat(out).containsPattern("Timed\\s+Total ms\\s+Mean ms\\s+Max ms\\s+Task name");
        String[] row = out.lines().filter(l -> l.endsWith("  Jugfile.work")).reduce((a, b) -> b).orElseThrow()
                .trim().split("\\s+");
        assertThat(Integer.parseInt(row[0])).isEqualTo(3);
        assertThat(Integer.parseInt(row[1])).isGreaterThanOrEqualTo(300);
        assertThat(Integer.parseInt(row[2])).isGreaterThanOrEqualTo(100);
    }

    @Test
    void theShellReadsResultsAndInvalidatesFromPipedCommands() throws Exception {
        JugProcess.jugfile("simple", dir);
        jug().run("execute").assertExit(0);
        String commands = "value(tasks(\"doubled\").get(3))\n"
                + "int v = value(tasks(\"sum2\").get(7));\n"
                + "System.out.println(\"v is \" + v);\n"
                + "invalidate(tasks(\"plus1\").get(0))\n"
                + "state(tasks(\"plus1\").get(0))\n"
                + "value(tasks(\"plus1\").get(0))\n"
                + "/exit\n";
        JugProcess.Result r = jug().input(commands).run("shell").assertExit(0);
        assertThat(r.out()).contains("jug shell on Jugfile.java").contains("==> 6\n").contains("v is 43\n")
                .contains("Removed 3 results (Jugfile.plus1 and 2 tasks downstream of it).").contains("==> READY\n")
                .contains("has no stored result: it is ready");
        assertThat(new StoreFiles(dir.resolve("Jugfile.jugdata")).results()).hasSize(29);
    }

    @Test
    void theShellSeesTheJugfilesSourceAndReadsResultsOfItsOwnRecords() throws Exception {
        JugProcess.jugfile("records", dir);
        jug().run("execute").assertExit(0);
        String commands = "value(task(\"point\")).toString()\n/exit\n";
        JugProcess.Result r = jug().input(commands).run("shell").assertExit(0);
        assertThat(r.out()).contains("Point[x=3, y=" + dir.getFileName().toString().length() + "]");
        assertThat(r.err()).doesNotContain("corrupt").doesNotContain("Exception");
    }

    private static boolean graphvizInstalled() {
        return List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)).stream()
                .anyMatch(p -> Files.isExecutable(Path.of(p, "dot")));
    }
}
