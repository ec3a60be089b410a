package jug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jug.core.Jug;
import jug.core.Task;
import jug.core.execution.TaskCounts;
import org.junit.jupiter.api.Test;

class DotGraphTest {
    static int source(int x) {
        return x;
    }

    static int sink(int x) {
        return x;
    }

    @Test
    void namesAreQuotedAndEscapedInIdsAndLabels() {
        Jug jug = new Jug();
        Task<Integer> s = jug.named("load \"raw\" <images> & \\more").task(DotGraphTest::source, 1);
        jug.task(DotGraphTest::sink, s);
        String dot = DotGraph.render(jug.graph(), null, true);
        assertThat(dot).contains("\"load \\\"raw\\\" <images> & \\\\more\" [label=<<b>load &quot;raw&quot; "
                + "&lt;images&gt; &amp; \\more</b>>];")
                .contains("\"load \\\"raw\\\" <images> & \\\\more\" -> \"jug.cli.DotGraphTest.sink\" [label=\"1\"];")
                .doesNotContain("label=\"The jugfile stops");
    }

    @Test
    void onlyNonZeroCountsAreShownAndAnIncompleteGraphSaysSo() {
        Jug jug = new Jug();
        jug.task(DotGraphTest::source, 1);
        TaskCounts counts = new TaskCounts(Map.of("jug.cli.DotGraphTest.source", new TaskCounts.Counts(0, 2, 0, 5, 1)), 0);
        String dot = DotGraph.render(jug.graph(), counts, false);
        assertThat(dot).contains("<font color=\"#ff4080\">1 failed</font> <font color=\"#fca985\">2 ready</font> "
                + "<font color=\"#85ca5d\">5 finished</font>").doesNotContain("waiting")
                .contains("label=\"The jugfile stops at a barrier");
    }
}
