package jug.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jug.core.Jug;
import jug.core.Task;
import jug.core.graph.TaskGraph;
import jug.core.store.LeaseOwner;
import jug.core.store.Store;
import jug.fixtures.Declarations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphStateTest {
    @TempDir
    Path dir;

    @Test
    void classifiesEachTaskFromOneListingOfResultsAndOfLocks() throws IOException {
        Jug jug = new Jug();
        Task<Integer> a = jug.task(Declarations::square, 2);
        Task<Integer> b = jug.task(Declarations::square, a);
        Task<Boolean> c = jug.task(Declarations::isPrime, 5);
        Task<String> d = jug.task(Declarations::show, List.of(b, c));
        Task<Integer> e = jug.task(Declarations::square, 9);
        Task<Integer> f = jug.task(Declarations::square, 10);
        TaskGraph graph = jug.graph();
        try (Store store = Store.open(dir.resolve("s.jugdata").toString())) {
            store.write(a.key(), new byte[] {1});
            store.tryLease(b.key(), LeaseOwner.newWorker()).orElseThrow();
            store.fail(store.tryLease(c.key(), LeaseOwner.newWorker()).orElseThrow(), "boom");
            LeaseOwner dead = new LeaseOwner(LeaseOwner.localHost(), Long.MAX_VALUE, Instant.ofEpochMilli(1), "dead");
            store.tryLease(f.key(), dead).orElseThrow();
            GraphState state = GraphState.read(graph, store.keys(), store, Duration.ofSeconds(30));
            assertThat(List.of(a, b, c, d, e, f)).extracting(state::state).containsExactly(TaskState.FINISHED,
                    TaskState.RUNNING, TaskState.FAILED, TaskState.WAITING, TaskState.READY, TaskState.READY);
            assertThat(state.abandonedLocks()).isEqualTo(1);
            assertThat(state.lock(c.key())).hasValueSatisfying(l -> assertThat(l.failure()).contains("boom"));
            TaskCounts.Counts total = state.counts().total();
            assertThat(total).isEqualTo(new TaskCounts.Counts(1, 2, 1, 1, 1));
            assertThat(state.counts().stale()).isEqualTo(1);
        }
    }
}
