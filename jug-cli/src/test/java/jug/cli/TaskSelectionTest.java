package jug.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jug.core.Jug;
import jug.core.JugfileException;
import jug.core.Task;
import jug.core.graph.TaskGraph;
import org.junit.jupiter.api.Test;

class TaskSelectionTest {
    static int square(int x) {
        return x * x;
    }

    static int plus(int a, int b) {
        return a + b;
    }

    private final Jug jug = new Jug();
    private final Task<Integer> a = jug.task(TaskSelectionTest::square, 2);
    private final Task<Integer> b = jug.task(TaskSelectionTest::square, 3);
    private final Task<Integer> c = jug.task(TaskSelectionTest::plus, a, b);
    private final TaskGraph graph = jug.graph();

    private List<Task<?>> select(String pattern) {
        return graph.tasks().stream().filter(TaskSelection.parse(pattern)).toList();
    }

    @Test
    void namesSelectAsPythonJugsTargetDoes() {
        assertThat(select("square")).containsExactly(a, b);
        assertThat(select("TaskSelectionTest.pl")).containsExactly(c);
        assertThat(select("/^jug\\.cli\\..*plus$/")).containsExactly(c);
        assertThat(select("jug")).as("a bare name must follow a dot").isEmpty();
    }

    @Test
    void aHexPrefixSelectsByKeyAndNameAtPrefixByBoth() {
        String prefix = b.key().hex().substring(0, 8);
        assertThat(select(prefix)).containsExactly(b);
        assertThat(select("square@" + prefix)).containsExactly(b);
        assertThat(select("plus@" + prefix)).isEmpty();
        assertThat(select(b.key().hex())).containsExactly(b);
    }

    @Test
    void matchingNothingExplainsWithTheNamesThereAre() {
        JugfileException e = TaskSelection.parse("nothing").matchesNothing("--target", "Jugfile.java", graph, false);
        assertThat(e.getMessage()).startsWith("--target nothing matches no task of Jugfile.java (its 3 tasks are named "
                + "jug.cli.TaskSelectionTest.plus, jug.cli.TaskSelectionTest.square)")
                .contains("the jugfile stops at a barrier");
        assertThatThrownBy(() -> TaskSelection.parse("/(/")).isInstanceOf(JugfileException.class)
                .hasMessageContaining("invalid regular expression");
    }
}
