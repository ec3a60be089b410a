package jug.core.execution;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a worker runs: what to do when a task fails, how long leases last, how often to poll while other workers hold
 * the tasks it needs, and when to stop early (the limits batch systems want).
 *
 * @param keepGoing after a task fails, run the tasks that do not need it instead of stopping
 * @param keepFailed mark a failed task failed in the store, so that no worker retries it until
 *     {@code jug cleanup --failed-only}
 * @param aggressiveUnload keep no result in memory longer than the task that needs it
 * @param leaseTime how long a lock may go unrenewed before other workers consider its holder gone
 * @param maxPoll the longest pause between two looks at the store while waiting for other workers
 * @param maxTasks stop after executing this many tasks (0: no limit)
 * @param deadline stop after the first task that finishes past this instant
 * @param stopFiles stop (after the current task) as soon as one of these files exists
 */
public record ExecutionOptions(boolean keepGoing, boolean keepFailed, boolean aggressiveUnload, Duration leaseTime,
        Duration maxPoll, int maxTasks, Optional<Instant> deadline, List<Path> stopFiles) {

    /** Lease time by default: a dead worker's task is retried within about this long (sooner on the same host). */
    public static final Duration DEFAULT_LEASE_TIME = jug.core.store.LeaseOwner.DEFAULT_LEASE;

    /** Poll interval ceiling by default: new work is picked up within about this long. */
    public static final Duration DEFAULT_MAX_POLL = Duration.ofMillis(100);

    public ExecutionOptions {
        Objects.requireNonNull(leaseTime, "leaseTime");
        Objects.requireNonNull(maxPoll, "maxPoll");
        Objects.requireNonNull(deadline, "deadline");
        stopFiles = List.copyOf(stopFiles);
        if (leaseTime.toMillis() < 1000) { // stores may treat a lock younger than half a second as certainly live
            throw new IllegalArgumentException("lease time < 1 s: " + leaseTime);
        }
        if (maxPoll.isNegative() || maxPoll.isZero()) {
            throw new IllegalArgumentException("poll interval <= 0: " + maxPoll);
        }
        if (maxTasks < 0) {
            throw new IllegalArgumentException("max tasks < 0: " + maxTasks);
        }
    }

    /** Stop at the first failure, no limits, default lease and poll times. */
    public static ExecutionOptions defaults() {
        return new ExecutionOptions(false, false, false, DEFAULT_LEASE_TIME, DEFAULT_MAX_POLL, 0, Optional.empty(),
                List.of());
    }

    public ExecutionOptions withKeepGoing(boolean value) {
        return new ExecutionOptions(value, keepFailed, aggressiveUnload, leaseTime, maxPoll, maxTasks, deadline, stopFiles);
    }

    public ExecutionOptions withKeepFailed(boolean value) {
        return new ExecutionOptions(keepGoing, value, aggressiveUnload, leaseTime, maxPoll, maxTasks, deadline, stopFiles);
    }

    public ExecutionOptions withAggressiveUnload(boolean value) {
        return new ExecutionOptions(keepGoing, keepFailed, value, leaseTime, maxPoll, maxTasks, deadline, stopFiles);
    }

    public ExecutionOptions withLeaseTime(Duration value) {
        return new ExecutionOptions(keepGoing, keepFailed, aggressiveUnload, value, maxPoll, maxTasks, deadline, stopFiles);
    }

    public ExecutionOptions withMaxPoll(Duration value) {
        return new ExecutionOptions(keepGoing, keepFailed, aggressiveUnload, leaseTime, value, maxTasks, deadline, stopFiles);
    }

    public ExecutionOptions withMaxTasks(int value) {
        return new ExecutionOptions(keepGoing, keepFailed, aggressiveUnload, leaseTime, maxPoll, value, deadline, stopFiles);
    }

    public ExecutionOptions withDeadline(Optional<Instant> value) {
        return new ExecutionOptions(keepGoing, keepFailed, aggressiveUnload, leaseTime, maxPoll, maxTasks, value, stopFiles);
    }

    public ExecutionOptions withStopFiles(List<Path> value) {
        return new ExecutionOptions(keepGoing, keepFailed, aggressiveUnload, leaseTime, maxPoll, maxTasks, deadline, value);
    }
}
