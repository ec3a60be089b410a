package jug.core.store;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jug.core.TaskKey;

/**
 * Holds results and leases for one jugfile; every worker shares it, and it is all they share. Results are opaque
 * byte entries (see {@link jug.core.serialization.ResultCodec}) under task keys. Locks say which task a worker is
 * computing, or that a task failed.
 *
 * <p>Implementations are found by URL scheme through {@link StoreProvider} ({@code file:} for a directory, the
 * default; {@code redis:} for a Redis server). Every method may be called from several threads at once.
 */
public interface Store extends AutoCloseable {
    /** No lock younger than this (since acquisition or renewal) is ever broken; see {@link #release}. */
    java.time.Duration FRESH_LEASE = java.time.Duration.ofMillis(500);

    /**
     * Opens the store that {@code jugdir} names for the pipeline {@code project}: a URI whose scheme a provider
     * serves ({@code redis://host/}), or a path, which means a directory ({@code file:}). {@code project} names the
     * pipeline stably (the jugfile's absolute path); stores shared by several pipelines (Redis) keep each one's keys
     * apart with it.
     *
     * @throws StoreException if no provider serves the scheme, or the store cannot be opened
     */
    static Store open(String jugdir, String project) {
        return StoreRegistry.load().open(jugdir, project);
    }

    /** Opens the store that {@code jugdir} names, as the store of a pipeline named after the location itself. */
    static Store open(String jugdir) {
        return open(jugdir, jugdir);
    }

    /** Where this store lives, for messages (never with a password). */
    String describe();

    /** The entry stored under {@code key}, if any. */
    Optional<byte[]> read(TaskKey key) throws IOException;

    /** True if an entry is stored under {@code key}. */
    boolean contains(TaskKey key) throws IOException;

    /** Stores {@code entry} under {@code key}, replacing any entry; atomic: readers see all of it or nothing. */
    void write(TaskKey key, byte[] entry) throws IOException;

    /** Removes the entry under {@code key}; returns whether there was one. */
    boolean remove(TaskKey key) throws IOException;

    /** The keys of every stored entry, in one listing (not one request per key). */
    Set<TaskKey> keys() throws IOException;

    /** Takes the lock of {@code key} for {@code owner}, unless someone holds it or it marks a failure. */
    Optional<Lease> tryLease(TaskKey key, LeaseOwner owner) throws IOException;

    /** Shows that the lease's holder is alive; false if the lease is no longer held by it (taken over, removed). */
    boolean renew(Lease lease) throws IOException;

    /**
     * Gives up the lease, unless it was taken over meanwhile (then the new holder's lock stays). A store may skip
     * that check for a lease acquired or renewed less than {@link #FRESH_LEASE} ago: locks are broken only after a
     * whole lease time without renewal (at least a second), or when their owner process is gone.
     */
    void release(Lease lease) throws IOException;

    /** Turns the lease into a mark that the task failed, with a one-line reason; the mark never expires. */
    void fail(Lease lease, String reason) throws IOException;

    /** Every lock: held leases and failure marks. */
    List<LockRecord> locks() throws IOException;

    /**
     * Removes a lock if it is still exactly as {@code observed} (same version), atomically: of several workers that
     * try to break one stale lock, at most one succeeds, and a lock renewed meanwhile survives.
     */
    boolean breakLock(LockRecord observed) throws IOException;

    /** Removes what interrupted writers left behind (temporary files, say) older than {@code age}; returns how many. */
    int removeLeftovers(Duration age) throws IOException;

    /**
     * Tries to take the locks of several tasks at once; returns the leases won. A worker running many short tasks
     * claims them in batches, so that a store across a network answers in one round trip instead of one per task.
     */
    default Map<TaskKey, Lease> tryLeases(Collection<TaskKey> keys, LeaseOwner owner) throws IOException {
        Map<TaskKey, Lease> won = new LinkedHashMap<>();
        for (TaskKey key : keys) {
            Optional<Lease> lease = tryLease(key, owner);
            if (lease.isPresent()) {
                won.put(key, lease.get());
            }
        }
        return won;
    }

    /** Which of {@code keys} have an entry, in one request where the store can. */
    default Set<TaskKey> containing(Collection<TaskKey> keys) throws IOException {
        Set<TaskKey> present = new HashSet<>();
        for (TaskKey key : keys) {
            if (contains(key)) {
                present.add(key);
            }
        }
        return present;
    }

    /** Stores several entries; each is atomic on its own, as {@link #write} is. */
    default void writeAll(Map<TaskKey, byte[]> entries) throws IOException {
        for (Map.Entry<TaskKey, byte[]> e : entries.entrySet()) {
            write(e.getKey(), e.getValue());
        }
    }

    /** Removes the entries of several keys; returns the keys that had one. */
    default Set<TaskKey> removeAll(Collection<TaskKey> keys) throws IOException {
        Set<TaskKey> removed = new HashSet<>();
        for (TaskKey key : keys) {
            if (remove(key)) {
                removed.add(key);
            }
        }
        return removed;
    }

    /** Gives up several leases, as {@link #release} does each. */
    default void releaseAll(Collection<Lease> leases) throws IOException {
        for (Lease lease : leases) {
            release(lease);
        }
    }

    /** Closes connections; the store is not used afterwards. */
    @Override
    void close() throws IOException;
}
