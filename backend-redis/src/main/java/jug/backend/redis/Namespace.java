package jug.backend.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import jug.core.TaskKey;

/**
 * The keys of one pipeline on a shared Redis server:
 *
 * <pre>
 * jug:&lt;name&gt;:result:&lt;hex&gt;   a result entry
 * jug:&lt;name&gt;:results        SET of the hex task keys of every result: the listing, without SCAN
 * jug:&lt;name&gt;:lock:&lt;hex&gt;     a lock or failure mark
 * jug:&lt;name&gt;:locks          ZSET of the hex task keys of every lock, scored by expiry (server ms; +inf for marks)
 * </pre>
 *
 * A name holds only letters, digits, {@code .}, {@code _} and {@code -}, so that no namespace's keys ever match
 * another's patterns: {@code jug:a:*} cannot match {@code jug:a:b:…} or {@code jug:a-b:…}, and no name contains a
 * glob character that SCAN would interpret.
 */
final class Namespace {
    private static final int MAX_LENGTH = 100;

    private final String name;
    // Every task's keys start with one of these: made once, since a worker makes a key or two per task it runs.
    private final byte[] resultKeyPrefix;
    private final byte[] lockKeyPrefix;

    Namespace(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("prefix '" + name + "' is not 1 to " + MAX_LENGTH
                    + " letters, digits, '.', '_' or '-'");
        }
        this.name = name;
        this.resultKeyPrefix = bytes("jug:" + name + ":result:");
        this.lockKeyPrefix = bytes("jug:" + name + ":lock:");
    }

    /** The namespace's name: letters, digits, '.', '_' and '-'. */
    String name() {
        return name;
    }

    static boolean isValid(String name) {
        return name != null && !name.isEmpty() && name.length() <= MAX_LENGTH && name.matches("[A-Za-z0-9._-]+");
    }

    /**
     * The namespace of a project named {@code project} (the jugfile's absolute path): the jugfile's directory name
     * for people who look at the keys, then 12 hex digits of the SHA-256 of the whole name, so that two jugfiles in
     * directories of the same name never share one. {@code /home/ana/primes/Jugfile.java} → {@code primes-3f9a…}.
     */
    static Namespace forProject(String project) {
        String path = project.replace('\\', '/');
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String[] parts = path.split("/");
        String last = parts.length == 0 ? "" : parts[parts.length - 1];
        String stem = last.endsWith(".java") ? last.substring(0, last.length() - 5) : last;
        if (stem.equals("Jugfile") && parts.length > 1 && !parts[parts.length - 2].isEmpty()) {
            stem = parts[parts.length - 2];
        }
        String readable = stem.replaceAll("[^A-Za-z0-9._-]", "_");
        if (readable.length() > 40) {
            readable = readable.substring(0, 40);
        }
        String hash = HexFormat.of().formatHex(sha256(project)).substring(0, 12);
        return new Namespace(readable.isEmpty() ? hash : readable + "-" + hash);
    }

    byte[] resultKey(TaskKey key) {
        return withKey(resultKeyPrefix, key);
    }

    byte[] lockKey(TaskKey key) {
        return withKey(lockKeyPrefix, key);
    }

    /** What a result key starts with, before the task key's hex digits. */
    byte[] resultKeyPrefix() {
        return resultKeyPrefix.clone();
    }

    /** The key of the set that lists every result. */
    byte[] resultIndex() {
        return bytes("jug:" + name + ":results");
    }

    /** The key of the sorted set that lists every lock. */
    byte[] lockIndex() {
        return bytes("jug:" + name + ":locks");
    }

    /** The SCAN pattern of every key of the namespace (for tests and administrators, never for listings). */
    String pattern() {
        return "jug:" + name + ":*";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Namespace other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }

    private static byte[] withKey(byte[] prefix, TaskKey key) {
        byte[] out = new byte[prefix.length + TaskKey.HEX_LENGTH];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        key.putHex(out, prefix.length);
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
