package jug.core.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A worker that holds leases: the host and process it runs in, when that process started (so that a reused pid is
 * not mistaken for the owner) and a token unique to the worker (several workers may share a process).
 */
public record LeaseOwner(String host, long pid, Instant processStart, String worker) {
    public LeaseOwner {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(processStart, "processStart");
        if (worker.isBlank() || worker.contains(" ") || host.contains(" ")) {
            throw new IllegalArgumentException("lease owner fields may not be blank or contain spaces: "
                    + host + " " + worker);
        }
    }

    /** A new worker identity in this process. */
    public static LeaseOwner newWorker() {
        ProcessHandle self = ProcessHandle.current();
        Instant start = self.info().startInstant().orElse(Instant.EPOCH);
        return new LeaseOwner(localHost(), self.pid(), start, UUID.randomUUID().toString().replace("-", "").substring(0, 16));
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
