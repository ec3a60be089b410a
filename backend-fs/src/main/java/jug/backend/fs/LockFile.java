package jug.backend.fs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import jug.core.store.LeaseOwner;

/**
 * The text inside a lock file: who holds the lock, the holder's token, a renewal counter that changes whenever the
 * holder shows it is alive, and a failure reason once the task failed under {@code --keep-failed}. A worker's held
 * locks are hard links to one owner file, so they all show the same text and one renewal renews them all.
 *
 * <pre>
 * jug-lock 1
 * owner HOST PID PROCESS-START-MS WORKER LEASE-MS PID-SPACE
 * token TOKEN
 * renewal N
 * failed REASON
 * </pre>
 */
record LockFile(LeaseOwner owner, String token, long renewal, Optional<String> failure) {
    private static final String HEADER = "jug-lock 1";

    byte[] toBytes() {
        StringBuilder s = new StringBuilder(HEADER).append('\n')
                .append("owner ").append(owner.host()).append(' ').append(owner.pid()).append(' ')
                .append(owner.processStart().toEpochMilli()).append(' ').append(owner.worker()).append(' ')
                .append(owner.lease().toMillis()).append(' ').append(owner.space()).append('\n')
                .append("token ").append(token).append('\n')
                .append("renewal ").append(renewal).append('\n');
        failure.ifPresent(f -> s.append("failed ").append(f).append('\n'));
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** What changes on every renewal or failure: observers compare it to tell a live holder from a dead one. */
    String version() {
        return token + ":" + renewal + (failure.isPresent() ? ":failed" : "");
    }

    LockFile renewed() {
        return new LockFile(owner, token, renewal + 1, failure);
    }

    LockFile failed(String reason) {
        return new LockFile(owner, token, renewal + 1, Optional.of(reason));
    }

    /** Parses a lock file; empty if it is not one (being written, or damaged). */
    static Optional<LockFile> parse(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        if (lines.length < 4 || !lines[0].equals(HEADER)) {
            return Optional.empty();
        }
        try {
            String[] o = field(lines[1], "owner").split(" ");
            Duration lease = o.length > 4 ? Duration.ofMillis(Long.parseLong(o[4])) : LeaseOwner.DEFAULT_LEASE;
            String space = o.length > 5 ? o[5] : "";
            LeaseOwner owner = new LeaseOwner(o[0], Long.parseLong(o[1]), Instant.ofEpochMilli(Long.parseLong(o[2])), o[3],
                    lease, space);
            String token = field(lines[2], "token");
            long renewal = Long.parseLong(field(lines[3], "renewal"));
            Optional<String> failure = lines.length > 4 ? Optional.of(field(lines[4], "failed")) : Optional.empty();
            return Optional.of(new LockFile(owner, token, renewal, failure));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String field(String line, String name) {
        if (!line.startsWith(name + " ")) {
            throw new IllegalArgumentException("expected " + name + ": " + line);
        }
        return line.substring(name.length() + 1);
    }
}
