package jug.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jug.core.Jug;
import jug.core.Task;
import jug.fixtures.Declarations;
import org.junit.jupiter.api.Test;

class TaskGraphTest {
    private final Jug jug = new Jug();
    // a → b → d ← c, and e on its own:   a=square(2), b=square(a), c=isPrime(5), d=show([b, c]), e=square(9)
    private final Task<Integer> a = jug.task(Declarations::square, 2);
    private final Task<Integer> b = jug.task(Declarations::square, a);
    private final Task<Boolean> c = jug.task(Declarations::isPrime, 5);
    private final Task<String> d = jug.task(Declarations::show, List.of(b, c));
    private final Task<Integer> e = jug.task(Declarations::square, 9);
    private final TaskGraph graph = jug.graph();

    @Test
    void tasksAreInDeclarationOrder() {
        assertThat(graph.tasks()).containsExactly(a, b, c, d, e);
        assertThat(graph.size()).isEqualTo(5);
        assertThat(graph.indexOf(d.key())).isEqualTo(3);
        assertThat(graph.contains(e.key())).isTrue();
        assertThat(graph.keys()).containsExactlyInAnyOrder(a.key(), b.key(), c.key(), d.key(), e.key());
    }

    @Test
    void unknownKeyIsNotInTheGraph() {
        Task<Integer> elsewhere = new Jug().task(Declarations::square, 1000);
        assertThat(graph.contains(elsewhere.key())).isFalse();
        assertThat(graph.indexOf(elsewhere.key())).isEqualTo(-1);
    }

    @Test
    void namesAreDistinctAndSorted() {
        assertThat(graph.names()).containsExactly("jug.fixtures.Declarations.isPrime",
                "jug.fixtures.Declarations.show", "jug.fixtures.Declarations.square");
    }

    @Test
    void withDownstreamAddsEveryTaskThatDependsOnTheSeedsDirectlyOrNot() {
        assertThat(graph.withDownstream(t -> t == a)).containsExactly(a, b, d);
        assertThat(graph.withDownstream(t -> t == c)).containsExactly(c, d);
        assertThat(graph.withDownstream(t -> t == d)).containsExactly(d);
        assertThat(graph.withDownstream(t -> t.name().endsWith(".square"))).containsExactly(a, b, d, e);
        assertThat(graph.withDownstream(t -> false)).isEmpty();
    }

    @Test
    void withUpstreamAddsEverythingTheSeedsNeedDirectlyOrNot() {
        assertThat(graph.withUpstream(t -> t == d)).containsExactly(a, b, c, d);
        assertThat(graph.withUpstream(t -> t == b)).containsExactly(a, b);
        assertThat(graph.withUpstream(t -> t == e)).containsExactly(e);
        assertThat(graph.withUpstream(t -> t.name().endsWith(".isPrime"))).containsExactly(c);
        assertThat(graph.withUpstream(t -> false)).isEmpty();
    }

    @Test
    void graphRefusesATaskBeforeItsDependency() {
        assertThatThrownBy(() -> TaskGraph.of(List.of(b, a)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("jug.fixtures.Declarations.square depends on jug.fixtures.Declarations.square@"
                        + a.key().shortHex() + ", which is not declared before it");
        assertThatThrownBy(() -> TaskGraph.of(List.of(d))).hasMessageContaining("depends on");
    }

    @Test
    void graphOfASubsetInOrderIsValid() {
        TaskGraph upstream = TaskGraph.of(graph.withUpstream(t -> t == b));
        assertThat(upstream.tasks()).containsExactly(a, b);
    }
}
