package jug.core.execution;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jug.core.TaskKey;
import jug.core.store.LockRecord;
import jug.core.store.Store;

/**
 * Decides when another worker's lock is stale, by what this worker can see change rather than by comparing clocks
 * (which differ between the hosts of a cluster): a lock whose version has not changed for longer than the lease time
 * (the holder's, if longer than this worker's), measured on this worker's own monotonic clock, belongs to a worker
 * that stopped renewing it; a lock whose owner ran
 * on this host and is gone is stale at once. Stale locks are broken, atomically, so the task can run again.
 */
final class LockWatch {
    private record Sighting(String version, long since) {
    }

    private final Store store;
    private final Duration leaseTime;
    private final Map<TaskKey, Sighting> seen = new HashMap<>();

    LockWatch(Store store, Duration leaseTime) {
        this.store = store;
        this.leaseTime = leaseTime;
    }

    /** What the current locks say about the tasks a worker waits for. */
    record View(Set<TaskKey> failed, Set<TaskKey> live, List<String> broken) {
    }

    /** Lists the locks, breaks the stale ones among {@code relevant} and sorts the rest into failed and live. */
    View look(Set<TaskKey> relevant) throws IOException {
        long now = System.nanoTime();
        Set<TaskKey> failed = new HashSet<>();
        Set<TaskKey> live = new HashSet<>();
        List<String> broken = new java.util.ArrayList<>();
        Map<TaskKey, Sighting> next = new HashMap<>();
        for (LockRecord lock : store.locks()) {
            if (!relevant.contains(lock.key())) {
                continue;
            }
            if (lock.isFailed()) {
                failed.add(lock.key());
                continue;
            }
            Sighting before = seen.get(lock.key());
            Sighting sighting = before != null && before.version.equals(lock.version()) ? before
                    : new Sighting(lock.version(), now);
            boolean ownerDead = lock.owner().map(o -> o.isKnownDead()).orElse(false);
            boolean expired = now - sighting.since > lock.holderLease(leaseTime).toNanos();
            if ((ownerDead || expired) && store.breakLock(lock)) {
                broken.add("took over the lock of " + lock.key().shortHex() + " held by "
                        + lock.owner().map(o -> o.describe()).orElse("an unknown worker")
                        + (ownerDead ? ", which is no longer running"
                                : ", which stopped renewing it " + lock.holderLease(leaseTime).toSeconds() + " s ago"));
                continue;
            }
            next.put(lock.key(), sighting);
            live.add(lock.key());
        }
        seen.clear();
        seen.putAll(next);
        return new View(failed, live, broken);
    }
}
