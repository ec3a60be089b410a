package jug.core.execution;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import jug.core.Task;
import jug.core.TaskKey;
import jug.core.graph.TaskGraph;
import jug.core.serialization.CorruptResultException;
import jug.core.serialization.ResultCodec;
import jug.core.serialization.ResultMetadata;
import jug.core.store.Store;

/**
 * How long the finished tasks of a graph took to compute, per task name, from the metadata stored with each result.
 * Costs one read of every finished task's entry, so commands compute it only when asked.
 */
public final class ComputeTimes {
    private ComputeTimes() {
    }

    /** The time of the finished tasks of one name; {@code tasks} counts those whose metadata could be read. */
    public record Times(int tasks, Duration total, Duration longest) {
        public Duration mean() {
            return tasks == 0 ? Duration.ZERO : total.dividedBy(tasks);
        }

        Times plus(Duration d) {
            return new Times(tasks + 1, total.plus(d), d.compareTo(longest) > 0 ? d : longest);
        }
    }

    /** The times per task name of the tasks of {@code graph} whose keys are in {@code stored}, sorted by name. */
    public static Map<String, Times> of(TaskGraph graph, Set<TaskKey> stored, Store store) throws IOException {
        Map<String, Times> times = new TreeMap<>();
        for (Task<?> t : graph.tasks()) {
            if (!stored.contains(t.key())) {
                continue;
            }
            Optional<ResultMetadata> m = metadata(store, t.key());
            if (m.isPresent()) {
                times.merge(t.name(), new Times(1, m.get().duration(), m.get().duration()),
                        (a, b) -> a.plus(b.total()));
            }
        }
        return times;
    }

    /** The metadata of a stored result; empty if it is gone or unreadable. */
    public static Optional<ResultMetadata> metadata(Store store, TaskKey key) throws IOException {
        Optional<byte[]> entry = store.read(key);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ResultCodec.metadata(entry.get()));
        } catch (CorruptResultException e) {
            return Optional.empty();
        }
    }
}
