package jug.core.execution;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import jug.core.Task;
import jug.core.TaskKey;
import jug.core.graph.TaskGraph;
import jug.core.store.LockRecord;
import jug.core.store.Store;

/**
 * What {@code jug invalidate} removes: the results of the tasks a pattern selects and of every task downstream of
 * them (whose keys do not change when an input is recomputed, so they would be reused although computed from the
 * old input), and their failure marks, so that they run again. Planned from one listing of the store, then applied.
 */
public final class Invalidation {
    private final List<Task<?>> selected;
    private final List<Task<?>> affected;
    private final List<Task<?>> stored;

    private Invalidation(List<Task<?>> selected, List<Task<?>> affected, List<Task<?>> stored) {
        this.selected = selected;
        this.affected = affected;
        this.stored = stored;
    }

    /** Plans the invalidation of the tasks of {@code graph} that {@code seeds} selects, given a listing of results. */
    public static Invalidation of(TaskGraph graph, Predicate<Task<?>> seeds, Set<TaskKey> storedKeys) {
        List<Task<?>> selected = graph.tasks().stream().filter(seeds).toList();
        List<Task<?>> affected = graph.withDownstream(seeds);
        List<Task<?>> stored = affected.stream().filter(t -> storedKeys.contains(t.key())).toList();
        return new Invalidation(selected, affected, stored);
    }

    /** The tasks the pattern selects itself. */
    public List<Task<?>> selected() {
        return selected;
    }

    /** The selected tasks and every task downstream of them, in dependency order. */
    public List<Task<?>> affected() {
        return affected;
    }

    /** The affected tasks whose results were stored when planned: what {@link #apply} removes. */
    public List<Task<?>> stored() {
        return stored;
    }

    /** {@link #stored()} counted per task name, sorted by name. */
    public Map<String, Integer> perName() {
        return count(stored);
    }

    /** What an invalidation removed, and the affected tasks that live workers were computing meanwhile. */
    public record Report(Map<String, Integer> removedPerName, int failureMarks, int running) {
        public int removed() {
            return removedPerName.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Removes the planned results, downstream ones first (so that, if interrupted, no result outlives an input it
     * was computed from), in one batch per level, then the failure marks of affected tasks. A task that a live worker computes meanwhile
     * will store its result afterwards; such tasks are counted in {@link Report#running()}.
     */
    public Report apply(Store store, Duration leaseTime) throws IOException {
        List<Task<?>> removed = new ArrayList<>();
        for (List<Task<?>> level : levels()) { // one batch per level: a store removes a batch in one go
            Set<TaskKey> gone = store.removeAll(level.stream().map(Task::key).toList());
            level.stream().filter(t -> gone.contains(t.key())).forEach(removed::add);
        }
        Set<TaskKey> keys = affected.stream().map(Task::key).collect(Collectors.toSet());
        int marks = 0;
        int running = 0;
        Instant now = Instant.now();
        for (LockRecord lock : store.locks()) {
            if (!keys.contains(lock.key())) {
                continue;
            }
            if (lock.isFailed()) {
                marks += store.breakLock(lock) ? 1 : 0;
            } else if (!lock.isAbandoned(now, leaseTime)) {
                running++;
            }
        }
        return new Report(count(removed), marks, running);
    }

    /**
     * The stored tasks by height among the affected ones, lowest first: height 0 holds the tasks that no affected task
     * needs, height h + 1 the tasks needed by one of height h, so removing level after level removes every result
     * after those that were computed from it.
     */
    private List<List<Task<?>>> levels() {
        Map<TaskKey, Integer> height = new HashMap<>();
        for (int i = affected.size() - 1; i >= 0; i--) {
            Task<?> t = affected.get(i);
            int h = height.getOrDefault(t.key(), 0);
            for (Task<?> d : t.dependencies()) {
                height.merge(d.key(), h + 1, Math::max);
            }
        }
        List<List<Task<?>>> levels = new ArrayList<>();
        for (Task<?> t : stored) {
            int h = height.getOrDefault(t.key(), 0);
            while (levels.size() <= h) {
                levels.add(new ArrayList<>());
            }
            levels.get(h).add(t);
        }
        levels.removeIf(List::isEmpty);
        return levels;
    }

    private static Map<String, Integer> count(List<Task<?>> tasks) {
        Map<String, Integer> perName = new TreeMap<>();
        for (Task<?> t : tasks) {
            perName.merge(t.name(), 1, Integer::sum);
        }
        return perName;
    }
}
