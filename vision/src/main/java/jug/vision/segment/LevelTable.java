package jug.vision.segment;

import java.util.Arrays;

/**
 * The distinct values of a surface, as order-preserving long keys, mapped to their ranks 0..n-1: lets the
 * watershed use its bucket queue for float or wide-integer surfaces that take few values (a float copy of a byte
 * image, a distance map), instead of a heap. Open addressing over a table twice the allowed count.
 */
final class LevelTable {
    private final int bits;
    private final long[] keys;
    private final boolean[] used;
    private final int[] rank;
    private int count;

    private LevelTable(int limit) {
        bits = 33 - Integer.numberOfLeadingZeros(limit);
        keys = new long[1 << bits];
        used = new boolean[1 << bits];
        rank = new int[1 << bits];
    }

    /** A table of the surface's values, or null if it has more than {@code limit} distinct ones. */
    static LevelTable of(jug.vision.GrayImage surface, int limit) {
        LevelTable t = new LevelTable(limit);
        double[] row = new double[surface.width()];
        for (int r = 0; r < surface.height(); r++) {
            surface.readRow(r, row);
            for (double v : row) {
                t.add(Watershed.sortable(v));
                if (t.count > limit) {
                    return null;
                }
            }
        }
        long[] sorted = new long[t.count];
        int n = 0;
        for (int i = 0; i < t.keys.length; i++) {
            if (t.used[i]) {
                sorted[n++] = t.keys[i];
            }
        }
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            t.rank[t.slot(sorted[i])] = i;
        }
        return t;
    }

    /** Number of distinct values. */
    int size() {
        return count;
    }

    /** The rank of a key that was in the surface. */
    int rankOf(long key) {
        return rank[slot(key)];
    }

    private void add(long key) {
        int s = slot(key);
        if (!used[s]) {
            used[s] = true;
            keys[s] = key;
            count++;
        }
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int s = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - bits));
        while (used[s] && keys[s] != key) {
            s = (s + 1) & mask;
        }
        return s;
    }
}
