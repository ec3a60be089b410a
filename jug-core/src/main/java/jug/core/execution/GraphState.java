package jug.core.execution;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jug.core.Task;
import jug.core.TaskKey;
import jug.core.graph.TaskGraph;
import jug.core.store.LockRecord;
import jug.core.store.Store;

/**
 * The state of every task of a graph at one moment, from one listing of the store's results and one of its locks,
 * never one request per task. A task is finished if its result is stored; failed if a failure mark holds its lock;
 * running if a live worker holds its lock; ready if all its inputs are finished; waiting otherwise. A lock whose
 * holder is gone ({@link LockRecord#isAbandoned}) counts as no lock, since the next worker takes it over.
 */
public final class GraphState {
    private final TaskGraph graph;
    private final TaskState[] states;
    private final Map<TaskKey, LockRecord> locks;
    private final int abandoned;

    private GraphState(TaskGraph graph, TaskState[] states, Map<TaskKey, LockRecord> locks, int abandoned) {
        this.graph = graph;
        this.states = states;
        this.locks = locks;
        this.abandoned = abandoned;
    }

    /** Lists the store's locks now; {@code stored} is a listing of its results. */
    public static GraphState read(TaskGraph graph, Set<TaskKey> stored, Store store, Duration leaseTime)
            throws IOException {
        return of(graph, stored, store.locks(), Instant.now(), leaseTime);
    }

    /** The states given a listing of results and one of locks, at {@code now}. */
    public static GraphState of(TaskGraph graph, Set<TaskKey> stored, List<LockRecord> lockList, Instant now,
            Duration leaseTime) {
        Map<TaskKey, LockRecord> locks = new HashMap<>();
        for (LockRecord lock : lockList) {
            locks.put(lock.key(), lock);
        }
        List<Task<?>> tasks = graph.tasks();
        TaskState[] states = new TaskState[tasks.size()];
        int abandoned = 0;
        for (int i = 0; i < tasks.size(); i++) {
            Task<?> t = tasks.get(i);
            LockRecord lock = locks.get(t.key());
            if (stored.contains(t.key())) {
                states[i] = TaskState.FINISHED;
            } else if (lock != null && lock.isFailed()) {
                states[i] = TaskState.FAILED;
            } else if (lock != null && !lock.isAbandoned(now, leaseTime)) {
                states[i] = TaskState.RUNNING;
            } else {
                abandoned += lock != null ? 1 : 0;
                states[i] = inputsFinished(graph, t, states) ? TaskState.READY : TaskState.WAITING;
            }
        }
        return new GraphState(graph, states, locks, abandoned);
    }

    /** The graph these states are of. */
    public TaskGraph graph() {
        return graph;
    }

    /** The state of a task of the graph. */
    public TaskState state(Task<?> task) {
        int i = graph.indexOf(task.key());
        if (i < 0) {
            throw new IllegalArgumentException(task + " is not in the graph");
        }
        return states[i];
    }

    /** The lock of a task, as listed (it may be abandoned), if it has one. */
    public Optional<LockRecord> lock(TaskKey key) {
        return Optional.ofNullable(locks.get(key));
    }

    /** Locks of unfinished tasks whose holders are gone; those tasks count as ready or waiting. */
    public int abandonedLocks() {
        return abandoned;
    }

    /** How many tasks of each name are in each state. */
    public TaskCounts counts() {
        Map<String, int[]> counts = new HashMap<>();
        List<Task<?>> tasks = graph.tasks();
        for (int i = 0; i < tasks.size(); i++) {
            counts.computeIfAbsent(tasks.get(i).name(), n -> new int[5])[states[i].ordinal()]++;
        }
        Map<String, TaskCounts.Counts> perName = new HashMap<>();
        counts.forEach((name, c) -> perName.put(name, new TaskCounts.Counts(c[0], c[1], c[2], c[3], c[4])));
        return new TaskCounts(perName, abandoned);
    }

    private static boolean inputsFinished(TaskGraph graph, Task<?> task, TaskState[] states) {
        for (Task<?> d : task.dependencies()) {
            if (states[graph.indexOf(d.key())] != TaskState.FINISHED) {
                return false;
            }
        }
        return true;
    }
}
