package jug.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jug.core.Jug;
import jug.core.Task;
import jug.core.graph.TaskGraph;
import jug.core.graph.TaskPattern;
import jug.core.store.LeaseOwner;
import jug.core.store.Store;
import jug.fixtures.Declarations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invalidation against a real FileStore. */
@SuppressWarnings("unchecked")
class InvalidationTest {
    private static final Duration LEASE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Store store;
    private final Jug jug = new Jug();
    // a → b → d ← c, and e on its own
    private final Task<Integer> a = jug.task(Declarations::square, 2);
    private final Task<Integer> b = jug.task(Declarations::square, a);
    private final Task<Boolean> c = jug.task(Declarations::isPrime, 5);
    private final Task<String> d = jug.task(Declarations::show, List.of(b, c));
    private final Task<Integer> e = jug.task(Declarations::square, 9);
    private final TaskGraph graph = jug.graph();

    @BeforeEach
    void open() throws IOException {
        store = Store.open(dir.resolve("s.jugdata").toString());
        for (Task<?> t : graph.tasks()) {
            store.write(t.key(), new byte[] {1});
        }
    }

    @AfterEach
    void close() throws IOException {
        store.close();
    }

    @Test
    void removesTheSelectedTasksAndEverythingDownstreamOfThem() throws IOException {
        Invalidation plan = Invalidation.of(graph, t -> t == a, store.keys());
        assertThat(plan.selected()).containsExactly(a);
        assertThat(plan.affected()).containsExactly(a, b, d);
        Invalidation.Report report = plan.apply(store, LEASE);
        assertThat(report.removed()).isEqualTo(3);
        assertThat(report.removedPerName()).containsExactly(Map.entry("jug.fixtures.Declarations.show", 1),
                Map.entry("jug.fixtures.Declarations.square", 2));
        assertThat(store.keys()).containsExactlyInAnyOrder(c.key(), e.key());
    }

    @Test
    void countsOnlyResultsThatWereStored() throws IOException {
        store.remove(b.key());
        Invalidation plan = Invalidation.of(graph, TaskPattern.parse("isPrime"), store.keys());
        assertThat(plan.affected()).containsExactly(c, d);
        assertThat(plan.perName()).containsOnlyKeys("jug.fixtures.Declarations.isPrime", "jug.fixtures.Declarations.show");
        assertThat(plan.apply(store, LEASE).removed()).isEqualTo(2);
        assertThat(store.keys()).containsExactlyInAnyOrder(a.key(), e.key());
    }

    @Test
    void aResultRemovedMeanwhileIsNotCounted() throws IOException {
        Invalidation plan = Invalidation.of(graph, t -> t == e, store.keys());
        store.remove(e.key());
        assertThat(plan.stored()).containsExactly(e);
        assertThat(plan.apply(store, LEASE).removed()).isZero();
    }

    @Test
    void clearsTheFailureMarksOfAffectedTasksOnlyAndCountsRunningOnes() throws IOException {
        store.remove(b.key());
        store.remove(e.key());
        LeaseOwner me = LeaseOwner.newWorker();
        store.fail(store.tryLease(b.key(), me).orElseThrow(), "boom");
        store.fail(store.tryLease(e.key(), me).orElseThrow(), "boom");
        store.tryLease(d.key(), me).orElseThrow();
        Invalidation.Report report = Invalidation.of(graph, t -> t == a, store.keys()).apply(store, LEASE);
        assertThat(report.failureMarks()).isEqualTo(1);
        assertThat(report.running()).isEqualTo(1);
        assertThat(store.locks()).extracting(l -> l.key()).containsExactlyInAnyOrder(d.key(), e.key());
    }

    @Test
    void aPatternThatMatchesNothingSelectsNothing() {
        Invalidation plan = Invalidation.of(graph, TaskPattern.parse("nothing"), Set.of());
        assertThat(plan.selected()).isEmpty();
        assertThat(plan.affected()).isEmpty();
    }

    @Test
    void removesLevelByLevelDownstreamFirstInOneBatchPerLevel() throws IOException {
        List<List<jug.core.TaskKey>> batches = new java.util.ArrayList<>();
        Store recording = (Store) java.lang.reflect.Proxy.newProxyInstance(Store.class.getClassLoader(),
                new Class<?>[] {Store.class}, (proxy, method, args) -> {
                    if (method.getName().equals("removeAll")) {
                        batches.add(List.copyOf((java.util.Collection<jug.core.TaskKey>) args[0]));
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Invalidation.Report report = Invalidation.of(graph, t -> t == a || t == c, store.keys()).apply(recording, LEASE);
        assertThat(report.removed()).isEqualTo(4);
        assertThat(batches).containsExactly(List.of(d.key()), List.of(b.key(), c.key()), List.of(a.key()));
    }
}
