package jug.core.execution;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many tasks of each name are in each state, as {@code jug status} prints them.
 *
 * @param stale locks held by workers that are gone (dead on this host, or not renewed for twice the lease time); the
 *     tasks count as ready, since the next worker will take them over
 */
public record TaskCounts(Map<String, Counts> perName, int stale) {
    /** Counts for one task name. */
    public record Counts(int waiting, int ready, int running, int finished, int failed) {
        public int total() {
            return waiting + ready + running + finished + failed;
        }

        Counts plus(Counts o) {
            return new Counts(waiting + o.waiting, ready + o.ready, running + o.running, finished + o.finished,
                    failed + o.failed);
        }
    }

    public TaskCounts {
        perName = new TreeMap<>(perName);
    }

    /** The counts summed over every name. */
    public Counts total() {
        Counts t = new Counts(0, 0, 0, 0, 0);
        for (Counts c : perName.values()) {
            t = t.plus(c);
        }
        return t;
    }

    /** True if every task is finished. */
    public boolean allFinished() {
        Counts t = total();
        return t.finished() == t.total();
    }
}
