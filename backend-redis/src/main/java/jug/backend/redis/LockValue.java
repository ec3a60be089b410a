package jug.backend.redis;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jug.core.TaskKey;
import jug.core.store.LeaseOwner;
import jug.core.store.LockRecord;

/**
 * The value of a lock key, one line of text that the Lua scripts (see {@link Scripts}) read and rewrite:
 *
 * <pre>
 * L token count renewed host pid process-start worker lease-ms pid-space           a held lease
 * F token count renewed host pid process-start worker lease-ms pid-space reason    a failure mark
 * </pre>
 *
 * {@code token} is unique to one acquisition; {@code count} goes up by one at every renewal; {@code renewed} is the
 * server's clock in milliseconds at the last write; the owner's fields are those of {@link LeaseOwner}, with
 * {@code -} for an unknown pid space. The version that {@link jug.core.execution.LockWatch} compares
 * is {@code state:token:count}, which changes at every renewal and differs between two acquisitions of one task.
 */
record LockValue(boolean failed, String token, long count, Instant renewed, LeaseOwner owner, Optional<String> reason) {
    /** The fields the break script's pattern {@code ^([LF]) (%S+) (%d+) } reads; Lua's %S and Java's \\S agree. */
    private static final Pattern HEAD = Pattern.compile("([LF]) (\\S+) ([0-9]+) ");

    LockValue {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(renewed, "renewed");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(reason, "reason");
    }

    /** The owner fields as the scripts append them after {@code renewed}. */
    static String ownerFields(LeaseOwner owner) {
        return owner.host() + " " + owner.pid() + " " + owner.processStart() + " " + owner.worker() + " "
                + owner.lease().toMillis() + " " + (owner.space().isEmpty() ? "-" : owner.space());
    }

    /** Parses a lock value; empty if it is not one (written by something else, or damaged). */
    static Optional<LockValue> parse(byte[] value) {
        String text = new String(value, StandardCharsets.UTF_8);
        String[] f = text.split(" ", 11);
        if (!(f[0].equals("L") && f.length == 10 || f[0].equals("F") && f.length == 11)) {
            return Optional.empty();
        }
        try {
            LeaseOwner owner = new LeaseOwner(f[4], Long.parseLong(f[5]), Instant.parse(f[6]), f[7],
                    Duration.ofMillis(Long.parseLong(f[8])), f[9].equals("-") ? "" : f[9]);
            return Optional.of(new LockValue(f[0].equals("F"), f[1], Long.parseLong(f[2]),
                    Instant.ofEpochMilli(Long.parseLong(f[3])), owner,
                    f.length == 11 ? Optional.of(f[10]) : Optional.empty()));
        } catch (IllegalArgumentException | DateTimeException e) { // a bad number, or LeaseOwner refused a field
            return Optional.empty();
        }
    }

    /**
     * The version of a lock value exactly as the break script computes it: from the first three fields, or for a
     * value that does not start like a lock, from a digest of its bytes.
     */
    static String version(byte[] value) {
        Matcher m = HEAD.matcher(new String(value, StandardCharsets.UTF_8));
        return m.lookingAt() ? m.group(1) + ":" + m.group(2) + ":" + m.group(3) : "?" + Scripts.sha1Hex(value);
    }

    /** The lock as {@link jug.core.store.Store#locks} lists it. */
    static LockRecord record(TaskKey key, byte[] value) {
        Optional<LockValue> lock = parse(value);
        if (lock.isEmpty()) {
            return new LockRecord(key, Optional.empty(), Optional.empty(), version(value), Optional.empty());
        }
        LockValue v = lock.get();
        Optional<String> failure = v.failed ? Optional.of(v.reason.orElse("")) : Optional.empty();
        return new LockRecord(key, Optional.of(v.owner), failure, version(value), Optional.of(v.renewed));
    }
}
