package jug.core.store;

import java.util.Objects;
import jug.core.TaskKey;

/**
 * A worker's claim on one task while it computes it. The holder renews it while the task runs; another worker may
 * take it over once it stops changing for longer than the lease time, or once its owner is known to be dead.
 * {@code token} is unique to this acquisition, so that a holder never releases a lease that was taken from it.
 */
public record Lease(TaskKey key, LeaseOwner owner, String token) {
    public Lease {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        if (token.isBlank() || token.contains(" ") || token.contains("\n")) {
            throw new IllegalArgumentException("lease for " + key + " has a bad token: '" + token + "'");
        }
    }

    /** Consistent with the record's equals; leaves out the owner, whose six fields a worker would hash per task. */
    @Override
    public int hashCode() {
        return 31 * key.hashCode() + token.hashCode();
    }
}
