package jug.core.execution;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import jug.core.TaskKey;
import jug.core.store.Lease;
import jug.core.store.Store;

/**
 * Renews the leases that the workers of one process hold, on a daemon thread, several times per lease time, so that
 * other workers see the holders are alive however long a task runs. A lease that can no longer be renewed (taken
 * over after a long pause, say) is reported once.
 */
public final class LeaseKeeper implements AutoCloseable {
    private final Store store;
    private final Map<TaskKey, Lease> held = new ConcurrentHashMap<>();
    private final Map<TaskKey, Boolean> lost = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final Consumer<String> warn;

    /** Starts renewing, every {@code leaseTime / 6}, the leases later passed to {@link #hold}. */
    public LeaseKeeper(Store store, Duration leaseTime, Consumer<String> warn) {
        this.store = store;
        this.warn = warn;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jug-lease-keeper");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(10, leaseTime.toMillis() / 6);
        timer.scheduleWithFixedDelay(this::renewAll, period, period, TimeUnit.MILLISECONDS);
    }

    /** Keeps {@code lease} alive until {@link #drop}. */
    public void hold(Lease lease) {
        held.put(lease.key(), lease);
    }

    /** Stops renewing {@code lease}; returns false if it was lost while held. */
    public boolean drop(Lease lease) {
        held.remove(lease.key(), lease);
        return lost.remove(lease.key()) == null;
    }

    /**
     * Releases every lease still held, for a process that is being stopped (SIGTERM from a batch system, say):
     * the tasks become available to other workers at once instead of after the lease time.
     */
    public void releaseAll() {
        timer.shutdownNow();
        for (Lease lease : held.values()) {
            try {
                store.release(lease);
            } catch (IOException | RuntimeException e) {
                // the lease expires on its own
            }
        }
        held.clear();
    }

    private void renewAll() {
        for (Lease lease : held.values()) {
            try {
                if (!store.renew(lease) && lost.putIfAbsent(lease.key(), Boolean.TRUE) == null) {
                    warn.accept("lost the lease of " + lease.key().shortHex() + " (another worker took it over after "
                            + "this one seemed gone); the task may run twice");
                }
            } catch (IOException | RuntimeException e) {
                // A failed renewal is retried at the next tick; only a lease seen taken over counts as lost.
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
