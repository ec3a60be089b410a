package jug.core.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A worker that holds leases: the host and process it runs in, when that process started (so that a reused pid is
 * not mistaken for the owner), a token unique to the worker (several workers may share a process), and the lease time
 * it renews within — which tells another worker how long a silent lock of this owner must be left alone.
 */
public record LeaseOwner(String host, long pid, Instant processStart, String worker, Duration lease) {
    /** The lease time of workers that do not say otherwise: a dead worker's task is retried within about this long. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

    public LeaseOwner {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(processStart, "processStart");
        Objects.requireNonNull(lease, "lease");
        if (worker.isBlank() || worker.contains(" ") || host.contains(" ")) {
            throw new IllegalArgumentException("lease owner fields may not be blank or contain spaces: "
                    + host + " " + worker);
        }
    }

    /** An owner with the default lease time. */
    public LeaseOwner(String host, long pid, Instant processStart, String worker) {
        this(host, pid, processStart, worker, DEFAULT_LEASE);
    }

    /** A new worker identity in this process, renewing its leases within the default lease time. */
    public static LeaseOwner newWorker() {
        return newWorker(DEFAULT_LEASE);
    }

    /** A new worker identity in this process, renewing its leases within {@code lease}. */
    public static LeaseOwner newWorker(Duration lease) {
        ProcessHandle self = ProcessHandle.current();
        Instant start = self.info().startInstant().orElse(Instant.EPOCH);
        return new LeaseOwner(localHost(), self.pid(), start, UUID.randomUUID().toString().replace("-", "").substring(0, 16),
                lease);
    }

    /**
     * True if this owner certainly no longer runs: it ran on this host, and its pid is gone or now belongs to a
     * process that started at another time. Owners on other hosts are never known to be dead.
     */
    public boolean isKnownDead() {
        if (!host.equals(localHost())) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        Optional<Instant> start = process.get().info().startInstant();
        return start.isPresent() && !processStart.equals(Instant.EPOCH)
                && Math.abs(start.get().toEpochMilli() - processStart.toEpochMilli()) > 1000;
    }

    /** {@code host:pid}, for messages. */
    public String describe() {
        return host + ":" + pid;
    }

    /** This machine's host name, without a DNS lookup where the OS can tell it directly. */
    public static String localHost() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = Files.readString(Path.of("/etc/hostname")).trim();
            } catch (IOException | RuntimeException e) {
                name = "";
            }
        }
        if (name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                name = "localhost";
            }
        }
        return name.replace(' ', '_');
    }
}
