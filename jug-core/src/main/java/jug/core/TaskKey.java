package jug.core;

import java.nio.charset.StandardCharsets;

/**
 * The identity of a task: the SHA-256 digest of its name and arguments, written as 64 lowercase hex digits. Two
 * tasks with equal keys are the same task; stores file results under it. See {@link jug.core.hash.CanonicalEncoder}
 * for how the digest is computed. Immutable; held as four longs, since graphs and store listings hold hundreds of
 * thousands of keys and compare them constantly.
 */
public final class TaskKey implements Comparable<TaskKey> {
    /** Number of hex digits in a key. */
    public static final int HEX_LENGTH = 64;

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final long a;
    private final long b;
    private final long c;
    private final long d;

    private TaskKey(long a, long b, long c, long d) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
    }

    /** The key written as {@code hex}: 64 lowercase hex digits. */
    public TaskKey(String hex) {
        this(word(hex, 0), word(hex, 16), word(hex, 32), word(hex, 48));
    }

    /** The key whose digest is these 32 bytes. */
    public static TaskKey of(byte[] digest) {
        if (digest.length != HEX_LENGTH / 2) {
            throw new IllegalArgumentException("digest length != 32: " + digest.length);
        }
        return new TaskKey(longAt(digest, 0), longAt(digest, 8), longAt(digest, 16), longAt(digest, 24));
    }

    /** The key written as {@code text}, or null if it is not 64 lowercase hex digits (for store listings). */
    public static TaskKey parseOrNull(String text) {
        if (text.length() != HEX_LENGTH) {
            return null; // most names in a listing that are not keys, without copying them
        }
        return parseOrNull(text.getBytes(StandardCharsets.ISO_8859_1)); // a character beyond Latin-1 becomes '?'
    }

    /** The key written as the ASCII bytes {@code text}, or null if they are not 64 lowercase hex digits. */
    public static TaskKey parseOrNull(byte[] text) {
        if (text.length != HEX_LENGTH) {
            return null;
        }
        long[] words = new long[4];
        for (int w = 0; w < 4; w++) {
            long v = 0;
            for (int i = w * 16; i < w * 16 + 16; i++) {
                int digit = digit((char) (text[i] & 0xFF));
                if (digit < 0) {
                    return null;
                }
                v = v << 4 | digit;
            }
            words[w] = v;
        }
        return new TaskKey(words[0], words[1], words[2], words[3]);
    }

    /** True if {@code text} is 64 lowercase hex digits, the only form a key takes (and the only text in store paths). */
    public static boolean isValid(String text) {
        if (text == null || text.length() != HEX_LENGTH) {
            return false;
        }
        for (int i = 0; i < HEX_LENGTH; i++) {
            if (digit(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The 64 hex digits. */
    public String hex() {
        return new String(hexBytes(), StandardCharsets.ISO_8859_1);
    }

    /** The 64 hex digits as ASCII bytes: what stores put in their keys and index entries, without a String between. */
    public byte[] hexBytes() {
        byte[] out = new byte[HEX_LENGTH];
        putHex(out, 0);
        return out;
    }

    /** Writes the 64 hex digits as ASCII bytes into {@code target} from {@code offset}. */
    public void putHex(byte[] target, int offset) {
        put(target, offset, a);
        put(target, offset + 16, b);
        put(target, offset + 32, c);
        put(target, offset + 48, d);
    }

    /** The 32 digest bytes. */
    public byte[] toBytes() {
        byte[] out = new byte[HEX_LENGTH / 2];
        long[] words = {a, b, c, d};
        for (int w = 0; w < 4; w++) {
            for (int i = 0; i < 8; i++) {
                out[w * 8 + i] = (byte) (words[w] >>> (56 - 8 * i));
            }
        }
        return out;
    }

    /** The first 12 hex digits, enough to tell keys apart in messages. */
    public String shortHex() {
        return hex().substring(0, 12);
    }

    @Override
    public int compareTo(TaskKey o) {
        int r = Long.compareUnsigned(a, o.a);
        if (r == 0) {
            r = Long.compareUnsigned(b, o.b);
        }
        if (r == 0) {
            r = Long.compareUnsigned(c, o.c);
        }
        return r != 0 ? r : Long.compareUnsigned(d, o.d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskKey k && k.a == a && k.b == b && k.c == c && k.d == d;
    }

    @Override
    public int hashCode() {
        return (int) (a ^ (a >>> 32)); // the digest is uniformly random already
    }

    @Override
    public String toString() {
        return hex();
    }

    private static long word(String hex, int from) {
        if (hex == null || hex.length() != HEX_LENGTH) {
            throw new IllegalArgumentException("not a task key (64 lowercase hex digits): '" + hex + "'");
        }
        long v = 0;
        for (int i = from; i < from + 16; i++) {
            int digit = digit(hex.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("not a task key (64 lowercase hex digits): '" + hex + "'");
            }
            v = v << 4 | digit;
        }
        return v;
    }

    private static int digit(char ch) {
        if (ch >= '0' && ch <= '9') {
            return ch - '0';
        }
        if (ch >= 'a' && ch <= 'f') {
            return ch - 'a' + 10;
        }
        return -1;
    }

    private static long longAt(byte[] bytes, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) {
            v = v << 8 | (bytes[i] & 0xFF);
        }
        return v;
    }

    private static void put(byte[] out, int at, long v) {
        for (int i = 15; i >= 0; i--) {
            out[at + i] = DIGITS[(int) (v & 0xF)];
            v >>>= 4;
        }
    }
}
