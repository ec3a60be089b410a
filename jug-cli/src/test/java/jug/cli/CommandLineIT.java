package jug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help, version, and what a mistyped command line gets: picocli's suggestions, despite lazy registration. */
class CommandLineIT {
    @TempDir
    Path dir;

    @TempDir
    Path cache;

    private JugProcess jug() {
        return new JugProcess(dir, cache);
    }

    @Test
    void helpListsEveryCommand() throws Exception {
        String out = jug().run("--help").assertExit(0).out();
        for (String command : new String[] {"execute", "status", "check", "sleep-until", "show", "count", "graph",
                "invalidate", "cleanup", "shell", "help"}) {
            assertThat(out).containsPattern("\\n  " + command + "\\s");
        }
    }

    @Test
    void helpForOneCommandShowsItsOptions() throws Exception {
        assertThat(jug().run("help", "cleanup").assertExit(0).out()).contains("--locks-only").contains("--failed-only")
                .contains("--keep-locks").contains("--dry-run").contains("--jugdir");
        assertThat(jug().run("invalidate", "--help").assertExit(0).out()).contains("--target, --invalid=PATTERN");
        assertThat(jug().run("--version").assertExit(0).out()).startsWith("jug ").contains(" on Java ");
    }

    @Test
    void aMistypedCommandGetsASuggestion() throws Exception {
        JugProcess.Result r = jug().run("stauts").assertExit(2);
        assertThat(r.err()).contains("jug: Unmatched argument at index 0: 'stauts'").contains("Did you mean: jug status");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void aMistypedOptionGetsASuggestionAndExclusiveOptionsAreRefused() throws Exception {
        JugProcess.Result r = jug().run("cleanup", "--dryrun").assertExit(2);
        assertThat(r.err()).contains("jug: Unknown option: '--dryrun'").contains("--dry-run");
        assertThat(jug().run("cleanup", "--locks-only", "--failed-only").assertExit(2).err())
                .contains("mutually exclusive");
        assertThat(jug().run("status", "--json", "--frobnicate").assertExit(2).err())
                .contains("Run `jug status --help` for the usage.");
    }

    @Test
    void noCommandPrintsTheUsage() throws Exception {
        assertThat(jug().run().assertExit(2).err()).contains("Usage: jug").contains("cleanup");
    }
}
