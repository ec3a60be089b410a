package jug.core.execution;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import jug.core.Task;
import jug.core.TaskKey;
import jug.core.graph.TaskGraph;

/**
 * What one worker knows about each task of a graph, by position in dependency order: finished or not, failed or
 * blocked by a failure, and how many unfinished tasks still need its result (so the result can leave memory when
 * none does).
 */
final class TaskStates {
    private final TaskGraph graph;
    private final List<Task<?>> tasks;
    private final int[][] dependencies;
    private final boolean[] finished;
    private final boolean[] failed;
    private final int[] stillNeededBy;
    private int unfinished;
    private int firstUnfinished;

    TaskStates(TaskGraph graph, Set<TaskKey> stored) {
        this.graph = graph;
        tasks = graph.tasks();
        int n = tasks.size();
        dependencies = new int[n][];
        finished = new boolean[n];
        failed = new boolean[n];
        stillNeededBy = new int[n];
        for (int i = 0; i < n; i++) {
            List<Task<?>> deps = tasks.get(i).dependencies();
            dependencies[i] = new int[deps.size()];
            for (int d = 0; d < deps.size(); d++) {
                dependencies[i][d] = graph.indexOf(deps.get(d).key());
            }
            finished[i] = stored.contains(tasks.get(i).key());
        }
        for (int i = 0; i < n; i++) {
            if (!finished[i]) {
                unfinished++;
                for (int d : dependencies[i]) {
                    stillNeededBy[d]++;
                }
            }
        }
        advance();
    }

    int size() {
        return tasks.size();
    }

    Task<?> task(int i) {
        return tasks.get(i);
    }

    int indexOf(TaskKey key) {
        return graph.indexOf(key);
    }

    int[] dependencies(int i) {
        return dependencies[i];
    }

    boolean isFinished(int i) {
        return finished[i];
    }

    int unfinished() {
        return unfinished;
    }

    int firstUnfinished() {
        return firstUnfinished;
    }

    /** True if every input of task i is finished. */
    boolean isReady(int i) {
        for (int d : dependencies[i]) {
            if (!finished[d]) {
                return false;
            }
        }
        return true;
    }

    /** Records that task i is finished; returns the inputs that no unfinished task needs any more. */
    int[] markFinished(int i) {
        if (finished[i]) {
            return new int[0];
        }
        finished[i] = true;
        unfinished--;
        int[] released = new int[dependencies[i].length];
        int k = 0;
        for (int d : dependencies[i]) {
            if (--stillNeededBy[d] == 0) {
                released[k++] = d;
            }
        }
        advance();
        return Arrays.copyOf(released, k);
    }

    /** Records that task i's stored result is gone (it was corrupt), so it must be computed again. */
    void markUnfinished(int i) {
        if (!finished[i]) {
            return;
        }
        finished[i] = false;
        unfinished++;
        for (int d : dependencies[i]) {
            stillNeededBy[d]++;
        }
        firstUnfinished = Math.min(firstUnfinished, i);
    }

    void markFailed(int i) {
        failed[i] = true;
    }

    boolean hasFailed(int i) {
        return failed[i];
    }

    /** True if no unfinished task needs task i's result, so it need not stay in memory. */
    boolean isNoLongerNeeded(int i) {
        return stillNeededBy[i] == 0;
    }

    /** Marks, for every unfinished task, whether it failed or needs (directly or not) a task in {@code failedElsewhere}. */
    boolean[] blocked(Set<TaskKey> failedElsewhere) {
        boolean[] blocked = new boolean[tasks.size()];
        for (int i = 0; i < tasks.size(); i++) {
            if (finished[i]) {
                continue;
            }
            blocked[i] = failed[i] || failedElsewhere.contains(tasks.get(i).key());
            for (int d : dependencies[i]) {
                blocked[i] |= blocked[d];
            }
        }
        return blocked;
    }

    private void advance() {
        while (firstUnfinished < finished.length && finished[firstUnfinished]) {
            firstUnfinished++;
        }
    }
}
