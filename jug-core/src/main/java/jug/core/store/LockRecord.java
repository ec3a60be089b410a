package jug.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import jug.core.TaskKey;

/**
 * A lock as a store lists it: a task held by a worker, or marked failed (which {@code --keep-failed} does, so that
 * no one retries it until {@code jug cleanup --failed-only}).
 *
 * @param owner who holds or held it, if the lock could be read
 * @param failure the failure reason, if the lock marks a failed task
 * @param version changes every time the holder renews the lock: an observer that sees the same version for longer
 *     than the lease time knows that the holder stopped
 * @param renewed when the lock was last written, by the store's clock (which may differ from this machine's), if
 *     the store knows
 */
public record LockRecord(TaskKey key, Optional<LeaseOwner> owner, Optional<String> failure, String version,
        Optional<Instant> renewed) {
    public LockRecord {
        Objects.requireNonNull(renewed, "renewed");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(version, "version");
    }

    /**
     * {@code reason} as a failure mark keeps it, in every store: on one line, and at most 500 characters (a mark is
     * listed with every lock, so a long stack trace would weigh on each listing).
     */
    public static String failureLine(String reason) {
        String line = reason.replace('\r', ' ').replace('\n', ' ');
        return line.length() > 500 ? line.substring(0, 497) + "..." : line;
    }

    /** True if the lock marks a failed task rather than one being computed. */
    public boolean isFailed() {
        return failure.isPresent();
    }

    /**
     * True if the holder has certainly stopped: its process ran on this host and is gone, or the lock went unrenewed
     * for twice its lease time before {@code now} (twice, because {@code renewed} is the store's clock, which may run
     * apart from this machine's). The lease time is the holder's own, or {@code leaseTime} if the lock does not say
     * or says less. A worker would take such a lock over on its own. A failure mark is never abandoned: it stays
     * until removed on purpose.
     */
    public boolean isAbandoned(Instant now, Duration leaseTime) {
        if (isFailed()) {
            return false;
        }
        Duration lease = holderLease(leaseTime);
        return owner.map(LeaseOwner::isKnownDead).orElse(false)
                || renewed.map(r -> r.isBefore(now.minus(lease.multipliedBy(2)))).orElse(false);
    }

    /** The longer of the holder's lease time and {@code leaseTime}: how long the lock may stay silent while alive. */
    public Duration holderLease(Duration leaseTime) {
        return owner.map(o -> o.lease().compareTo(leaseTime) > 0 ? o.lease() : leaseTime).orElse(leaseTime);
    }
}
