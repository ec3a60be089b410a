package jug.core.execution;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one worker did, per task name, and how it ended. {@code reason} explains a FAILED, BLOCKED or STOPPED
 * outcome in one line.
 */
public record ExecutionSummary(Outcome outcome, String reason, Map<String, Counts> perName) {
    /** Tasks of one name that this worker executed, found already done ("loaded"), or saw fail. */
    public record Counts(int executed, int loaded, int failed) {
        Counts plus(Counts o) {
            return new Counts(executed + o.executed, loaded + o.loaded, failed + o.failed);
        }
    }

    public ExecutionSummary {
        perName = new TreeMap<>(perName);
    }

    /** The summary of a run that found every task of {@code graph} finished already: all "loaded". */
    public static ExecutionSummary allFinished(jug.core.graph.TaskGraph graph) {
        Map<String, int[]> loaded = new HashMap<>(); // a no-op run of 100,000 tasks: no object per task
        for (jug.core.Task<?> t : graph.tasks()) {
            loaded.computeIfAbsent(t.name(), name -> new int[1])[0]++;
        }
        Map<String, Counts> perName = new TreeMap<>();
        loaded.forEach((name, n) -> perName.put(name, new Counts(0, n[0], 0)));
        return new ExecutionSummary(Outcome.FINISHED, "", perName);
    }

    /** The counts summed over every name. */
    public Counts total() {
        Counts t = new Counts(0, 0, 0);
        for (Counts c : perName.values()) {
            t = t.plus(c);
        }
        return t;
    }

    /**
     * This summary together with that of another worker that ran the same graph at the same time (for
     * {@code --jobs}): executed and failed add up; "loaded" counts tasks finished by neither; the worse outcome wins.
     */
    public ExecutionSummary alongside(ExecutionSummary other) {
        Map<String, Counts> merged = new TreeMap<>(perName);
        other.perName.forEach((name, b) -> merged.merge(name, b, (a, c) -> new Counts(a.executed + c.executed,
                Math.max(0, Math.min(a.loaded - c.executed, c.loaded - a.executed)), a.failed + c.failed)));
        return worse(other) ? new ExecutionSummary(other.outcome, other.reason, merged)
                : new ExecutionSummary(outcome, reason, merged);
    }

    /**
     * This summary followed by that of the next round on the same jugfile, after a barrier: the later graph holds the
     * earlier one, so tasks this round executed are not "loaded" in the next; the later outcome stands.
     */
    public ExecutionSummary thenRound(ExecutionSummary next) {
        Map<String, Counts> merged = new TreeMap<>(perName);
        next.perName.forEach((name, b) -> merged.merge(name, b, (a, c) -> new Counts(a.executed + c.executed,
                Math.max(0, c.loaded - a.executed), a.failed + c.failed)));
        return new ExecutionSummary(next.outcome, next.reason, merged);
    }

    private boolean worse(ExecutionSummary other) {
        return severity(other.outcome) > severity(outcome);
    }

    private static int severity(Outcome o) {
        return switch (o) {
            case FINISHED -> 0;
            case STOPPED -> 1;
            case BLOCKED -> 2;
            case FAILED -> 3;
        };
    }
}
