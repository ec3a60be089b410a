package jug.core.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import jug.core.Task;
import jug.core.TaskKey;

/**
 * The tasks of a jugfile and their dependencies, in declaration order. Declaration order is already a dependency
 * order (a task can only name tasks declared before it), so walking the list front to back meets every task after
 * its inputs. Immutable.
 */
public final class TaskGraph {
    private final List<Task<?>> tasks;
    private final Map<TaskKey, Integer> index;

    private TaskGraph(List<Task<?>> tasks, Map<TaskKey, Integer> index) {
        this.tasks = tasks;
        this.index = index;
    }

    /** The graph of {@code tasks}, which must be in dependency order and hold every dependency of each. */
    public static TaskGraph of(List<? extends Task<?>> tasks) {
        Map<TaskKey, Integer> index = new HashMap<>(tasks.size() * 2);
        List<Task<?>> list = List.copyOf(tasks);
        for (int i = 0; i < list.size(); i++) {
            Task<?> t = list.get(i);
            for (Task<?> d : t.dependencies()) {
                Integer at = index.get(d.key());
                if (at == null) {
                    throw new IllegalArgumentException(t.name() + " depends on " + d.name() + "@" + d.key().shortHex()
                            + ", which is not declared before it");
                }
            }
            index.putIfAbsent(t.key(), i);
        }
        return new TaskGraph(list, index);
    }

    /** Every task, in dependency order. */
    public List<Task<?>> tasks() {
        return tasks;
    }

    /** The number of tasks. */
    public int size() {
        return tasks.size();
    }

    /** True if the graph has a task with this key. */
    public boolean contains(TaskKey key) {
        return index.containsKey(key);
    }

    /** The keys of every task. */
    public Set<TaskKey> keys() {
        return index.keySet();
    }

    /** The position of a task in dependency order, or -1. */
    public int indexOf(TaskKey key) {
        return index.getOrDefault(key, -1);
    }

    /** The task names, without repeats, sorted. */
    public List<String> names() {
        return tasks.stream().map(Task::name).distinct().sorted().toList();
    }

    /**
     * The tasks selected by {@code seeds} together with every task that depends on one of them, directly or not,
     * in dependency order: what {@code jug invalidate} removes.
     */
    public List<Task<?>> withDownstream(Predicate<Task<?>> seeds) {
        Set<TaskKey> hit = new HashSet<>();
        List<Task<?>> out = new ArrayList<>();
        for (Task<?> t : tasks) {
            if (seeds.test(t) || anyIn(t.dependencies(), hit)) {
                hit.add(t.key());
                out.add(t);
            }
        }
        return out;
    }

    /** The tasks selected by {@code seeds} and everything they depend on, directly or not, in dependency order. */
    public List<Task<?>> withUpstream(Predicate<Task<?>> seeds) {
        Set<TaskKey> needed = new HashSet<>();
        for (int i = tasks.size() - 1; i >= 0; i--) {
            Task<?> t = tasks.get(i);
            if (needed.contains(t.key()) || seeds.test(t)) {
                needed.add(t.key());
                for (Task<?> d : t.dependencies()) {
                    needed.add(d.key());
                }
            }
        }
        return tasks.stream().filter(t -> needed.contains(t.key())).toList();
    }

    private static boolean anyIn(Collection<Task<?>> dependencies, Set<TaskKey> keys) {
        for (Task<?> d : dependencies) {
            if (keys.contains(d.key())) {
                return true;
            }
        }
        return false;
    }
}
