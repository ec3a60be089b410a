package jug.core.execution;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import jug.core.TaskKey;
import jug.core.graph.TaskGraph;
import jug.core.store.Store;

/**
 * Computes {@link TaskCounts} from one listing of the store's results and one of its locks, never one request per
 * task; {@link GraphState} says how each task is classified.
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
        return GraphState.read(graph, stored, store, leaseTime).counts();
    }
}
