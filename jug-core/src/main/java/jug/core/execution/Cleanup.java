package jug.core.execution;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jug.core.TaskKey;
import jug.core.store.LockRecord;
import jug.core.store.Store;

/**
 * What {@code jug cleanup} removes, planned from one listing of the store and then applied: results that no task of
 * the jugfile declares (and failure marks of such tasks), locks whose holders are gone, failure marks, and files that
 * interrupted writers left behind.
 *
 * <p>Safe while workers run. A result is removed only if it was listed when planned and belongs to no declared task,
 * so a worker of the same jugfile never loses one, whenever it writes it. A lock is removed only if its holder is
 * certainly gone ({@link LockRecord#isAbandoned}, which a worker would take over anyway) and the lock is unchanged
 * since it was listed ({@link Store#breakLock}); the lock of a live worker is never touched.
 */
public final class Cleanup {
    /** What a cleanup may remove. */
    public enum Part {
        /** Results, and failure marks, of tasks the jugfile does not declare. */
        ORPHANS,
        /** Locks whose holders are gone. */
        ABANDONED_LOCKS,
        /** Every failure mark, so that the failed tasks run again. */
        FAILURE_MARKS,
        /** Temporary files of interrupted writes, older than {@link #LEFTOVER_AGE}. */
        LEFTOVERS
    }

    /** Files of interrupted writes younger than this stay: a slow writer may still be writing them. */
    public static final Duration LEFTOVER_AGE = Duration.ofHours(1);

    private final Set<Part> parts;
    private final int storedResults;
    private final List<TaskKey> orphans;
    private final List<LockRecord> abandonedLocks;
    private final List<LockRecord> failureMarks;
    private final List<LockRecord> liveLocks;
    private final List<LockRecord> keptFailureMarks;

    private Cleanup(Set<Part> parts, int storedResults, List<TaskKey> orphans, List<LockRecord> abandonedLocks,
            List<LockRecord> failureMarks, List<LockRecord> liveLocks, List<LockRecord> keptFailureMarks) {
        this.parts = parts;
        this.storedResults = storedResults;
        this.orphans = orphans;
        this.abandonedLocks = abandonedLocks;
        this.failureMarks = failureMarks;
        this.liveLocks = liveLocks;
        this.keptFailureMarks = keptFailureMarks;
    }

    /**
     * Lists what to remove. {@code owned} holds the key of every task the jugfile declares, all of them (past every
     * barrier); it is read only for {@link Part#ORPHANS}.
     */
    public static Cleanup plan(Store store, Set<TaskKey> owned, Set<Part> parts, Duration leaseTime)
            throws IOException {
        return plan(store, parts.contains(Part.ORPHANS) ? store.keys() : Set.of(), owned, parts, leaseTime);
    }

    /**
     * Lists what to remove, given a listing of the store's results ({@code stored}, taken by whoever evaluated the
     * jugfile); results stored after that listing are never removed.
     */
    public static Cleanup plan(Store store, Set<TaskKey> stored, Set<TaskKey> owned, Set<Part> parts,
            Duration leaseTime) throws IOException {
        Set<Part> chosen = parts.isEmpty() ? EnumSet.noneOf(Part.class) : EnumSet.copyOf(parts);
        boolean orphansToo = chosen.contains(Part.ORPHANS);
        List<TaskKey> orphans = new ArrayList<>();
        if (orphansToo) {
            for (TaskKey key : stored) {
                if (!owned.contains(key)) {
                    orphans.add(key);
                }
            }
            orphans.sort(null);
        }
        List<LockRecord> abandoned = new ArrayList<>();
        List<LockRecord> marks = new ArrayList<>();
        List<LockRecord> live = new ArrayList<>();
        List<LockRecord> keptMarks = new ArrayList<>();
        Instant now = Instant.now();
        for (LockRecord lock : store.locks()) {
            if (lock.isFailed()) {
                boolean orphan = orphansToo && !owned.contains(lock.key());
                (chosen.contains(Part.FAILURE_MARKS) || orphan ? marks : keptMarks).add(lock);
            } else if (!chosen.contains(Part.ABANDONED_LOCKS)) {
                continue;
            } else if (lock.isAbandoned(now, leaseTime)) {
                abandoned.add(lock);
            } else {
                live.add(lock);
            }
        }
        return new Cleanup(chosen, orphansToo ? stored.size() : 0, List.copyOf(orphans), List.copyOf(abandoned),
                List.copyOf(marks), List.copyOf(live), List.copyOf(keptMarks));
    }

    /** How many results the store held when planned (counted only when orphans are looked for). */
    public int storedResults() {
        return storedResults;
    }

    /** Stored results that no declared task owns. */
    public List<TaskKey> orphans() {
        return orphans;
    }

    /** Locks whose holders are gone. */
    public List<LockRecord> abandonedLocks() {
        return abandonedLocks;
    }

    /** Failure marks to remove. */
    public List<LockRecord> failureMarks() {
        return failureMarks;
    }

    /** Locks of live workers, which stay (listed only when abandoned locks are looked for). */
    public List<LockRecord> liveLocks() {
        return liveLocks;
    }

    /** Failure marks of declared tasks that stay (removed only with {@link Part#FAILURE_MARKS}). */
    public List<LockRecord> keptFailureMarks() {
        return keptFailureMarks;
    }

    /** What a cleanup removed. */
    public record Report(int results, int locks, int failureMarks, int leftovers) {
        public int total() {
            return results + locks + failureMarks + leftovers;
        }
    }

    /**
     * Removes what was planned. A lock changed since it was listed (renewed, released, taken by another worker)
     * stays, and is not counted.
     */
    public Report apply(Store store) throws IOException {
        int results = orphans.isEmpty() ? 0 : store.removeAll(orphans).size();
        int locks = breakAll(store, abandonedLocks);
        int marks = breakAll(store, failureMarks);
        int leftovers = parts.contains(Part.LEFTOVERS) ? store.removeLeftovers(LEFTOVER_AGE) : 0;
        return new Report(results, locks, marks, leftovers);
    }

    /** Breaks each lock that is still as listed; returns how many it broke. */
    private static int breakAll(Store store, List<LockRecord> locks) throws IOException {
        int broken = 0;
        for (LockRecord lock : locks) {
            broken += store.breakLock(lock) ? 1 : 0;
        }
        return broken;
    }
}
