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
 * not mistaken for the owner), a token unique to the worker (several workers may share a process), the lease time it
 * renews within — which tells another worker how long a silent lock of this owner must be left alone — and the pid
 * space of its process ({@code space}: the kernel's boot id and the pid namespace), since a pid means something only
 * within one kernel and one namespace: two containers may share a host name, and a login node's {@code $HOSTNAME} may
 * follow a job to another machine.
 */
public record LeaseOwner(String host, long pid, Instant processStart, String worker, Duration lease, String space) {
    /** The lease time of workers that do not say otherwise: a dead worker's task is retried within about this long. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

    public LeaseOwner {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(processStart, "processStart");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(space, "space");
        if (worker.isBlank() || worker.contains(" ") || host.contains(" ") || space.contains(" ")) {
            throw new IllegalArgumentException("lease owner fields may not be blank or contain spaces: "
                    + host + " " + worker);
        }
    }

    /** An owner with the default lease time, in an unknown pid space. */
    public LeaseOwner(String host, long pid, Instant processStart, String worker) {
        this(host, pid, processStart, worker, DEFAULT_LEASE, "");
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
                lease, Local.SPACE);
    }

    /**
     * True if this owner certainly no longer runs: it ran in this machine's pid space (same host, same kernel boot,
     * same pid namespace), and its pid is gone or now belongs to a process that started at another time. Owners
     * elsewhere are never known to be dead; their leases expire instead.
     */
    public boolean isKnownDead() {
        if (!host.equals(localHost())) {
            return false;
        }
        if (!space.isEmpty() && !space.equals(Local.SPACE)) {
            return false; // another container or machine that shares the host name: its pids are not ours
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

    /** This machine's host name, as the kernel knows it (not {@code $HOSTNAME}, which a job may inherit). */
    public static String localHost() {
        return Local.HOST;
    }

    /** What this process knows about where it runs, read once. */
    private static final class Local {
        static final String HOST = readHost();
        static final String SPACE = readSpace();

        private static String readHost() {
            for (String file : new String[] {"/proc/sys/kernel/hostname", "/etc/hostname"}) {
                try {
                    String name = Files.readString(Path.of(file)).trim();
                    if (!name.isBlank()) {
                        return name.replace(' ', '_');
                    }
                } catch (IOException | RuntimeException e) {
                    // try the next source
                }
            }
            try {
                return InetAddress.getLocalHost().getHostName().replace(' ', '_');
            } catch (IOException e) {
                return "localhost";
            }
        }

        /** {@code BOOTID/PIDNS} on Linux, such as {@code 3f9a…/4026531836}; empty where the OS does not say. */
        private static String readSpace() {
            try {
                String boot = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim();
                String ns = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString().replaceAll("\\D", "");
                return (boot + "/" + ns).replace(' ', '_');
            } catch (IOException | RuntimeException e) {
                return "";
            }
        }
    }
}
