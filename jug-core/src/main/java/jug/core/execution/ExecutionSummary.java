package jug.core.execution;

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

    /** The counts summed over every name. */
    public Counts total() {
        Counts t = new Counts(0, 0, 0);
        for (Counts c : perName.values()) {
            t = t.plus(c);
        }
        return t;
    }

    /** This summary merged with another worker's (for {@code --jobs}); the worse outcome wins. */
    public ExecutionSummary merge(ExecutionSummary other) {
        Map<String, Counts> merged = new TreeMap<>(perName);
        other.perName.forEach((name, c) -> merged.merge(name, c, Counts::plus));
        boolean otherWorse = other.outcome.ordinal() > outcome.ordinal() && other.outcome != Outcome.STOPPED
                || outcome == Outcome.FINISHED && other.outcome != Outcome.FINISHED;
        return otherWorse ? new ExecutionSummary(other.outcome, other.reason, merged)
                : new ExecutionSummary(outcome, reason, merged);
    }
}
