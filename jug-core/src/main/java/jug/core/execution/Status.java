package jug.core.execution;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jug.core.Task;
import jug.core.TaskKey;
import jug.core.graph.TaskGraph;
import jug.core.store.LockRecord;
import jug.core.store.Store;

/**
 * Computes {@link TaskCounts} from one listing of the store's results and one of its locks, never one request per
 * task. A task is finished if its result is stored; failed if a failure mark holds its lock; running if a live worker
 * holds its lock; ready if all its inputs are finished; waiting otherwise.
 */
public final class Status {
    private Status() {
    }

    /**
     * The counts for {@code graph}, whose finished tasks are those in {@code stored} (one listing of the store), and
     * whose locks are listed from {@code store}; locks unrenewed for twice {@code leaseTime} count as stale.
     */
    public static TaskCounts of(TaskGraph graph, Set<TaskKey> stored, Store store, Duration leaseTime)
            throws IOException {
        Map<TaskKey, LockRecord> locks = new HashMap<>();
        for (LockRecord lock : store.locks()) {
            locks.put(lock.key(), lock);
        }
        Instant staleBefore = Instant.now().minus(leaseTime.multipliedBy(2));
        List<Task<?>> tasks = graph.tasks();
        boolean[] finished = new boolean[tasks.size()];
        Map<String, int[]> counts = new HashMap<>();
        int stale = 0;
        for (int i = 0; i < tasks.size(); i++) {
            Task<?> t = tasks.get(i);
            int state;
            LockRecord lock = locks.get(t.key());
            if (stored.contains(t.key())) {
                finished[i] = true;
                state = 3;
            } else if (lock != null && lock.isFailed()) {
                state = 4;
            } else if (lock != null && !isStale(lock, staleBefore)) {
                state = 2;
            } else {
                stale += lock != null ? 1 : 0;
                state = inputsFinished(graph, t, finished) ? 1 : 0;
            }
            counts.computeIfAbsent(t.name(), n -> new int[5])[state]++;
        }
        Map<String, TaskCounts.Counts> perName = new HashMap<>();
        counts.forEach((name, c) -> perName.put(name, new TaskCounts.Counts(c[0], c[1], c[2], c[3], c[4])));
        return new TaskCounts(perName, stale);
    }

    private static boolean isStale(LockRecord lock, Instant staleBefore) {
        return lock.owner().map(o -> o.isKnownDead()).orElse(false)
                || lock.renewed().map(r -> r.isBefore(staleBefore)).orElse(false);
    }

    private static boolean inputsFinished(TaskGraph graph, Task<?> task, boolean[] finished) {
        for (Task<?> d : task.dependencies()) {
            if (!finished[graph.indexOf(d.key())]) {
                return false;
            }
        }
        return true;
    }
}
