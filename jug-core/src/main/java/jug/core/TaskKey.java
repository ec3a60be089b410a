package jug.core;

import java.util.HexFormat;

/**
 * The identity of a task: the SHA-256 digest of its name and arguments, as 64 lowercase hex digits. Two tasks with
 * equal keys are the same task; stores file results under it. See {@link jug.core.hash.CanonicalEncoder} for how the
 * digest is computed.
 */
public record TaskKey(String hex) implements Comparable<TaskKey> {
    /** Number of hex digits in a key. */
    public static final int HEX_LENGTH = 64;

    public TaskKey {
        if (!isValid(hex)) {
            throw new IllegalArgumentException("not a task key (64 lowercase hex digits): '" + hex + "'");
        }
    }

    /** The key whose digest is these 32 bytes. */
    public static TaskKey of(byte[] digest) {
        if (digest.length != HEX_LENGTH / 2) {
            throw new IllegalArgumentException("digest length != 32: " + digest.length);
        }
        return new TaskKey(HexFormat.of().formatHex(digest));
    }

    /** True if {@code text} is 64 lowercase hex digits, the only form a key takes (and the only text in store paths). */
    public static boolean isValid(String text) {
        if (text == null || text.length() != HEX_LENGTH) {
            return false;
        }
        for (int i = 0; i < HEX_LENGTH; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** The 32 digest bytes. */
    public byte[] toBytes() {
        return HexFormat.of().parseHex(hex);
    }

    /** The first 12 hex digits, enough to tell keys apart in messages. */
    public String shortHex() {
        return hex.substring(0, 12);
    }

    @Override
    public int compareTo(TaskKey other) {
        return hex.compareTo(other.hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
