package jug.vision.feature;

/** Counting of grey-level pairs at a fixed offset, the first step of {@link Haralick}. */
final class Cooccurrence {
    /** The four 2-D directions as (row, column) steps, in mahotas's order: →, ↘, ↓, ↙. */
    static final int[][] DELTAS = {{0, 1}, {1, 1}, {1, 0}, {1, -1}};
    /** Arrows for the directions of {@link #DELTAS}, for messages. */
    static final String[] ARROWS = {"→", "↘", "↓", "↙"};

    private Cooccurrence() {
    }

    /**
     * Adds one to {@code counts[a * levels + b]} for each pixel p whose partner q = p + distance·δ is inside the
     * image, with a = value at p and b = value at q; returns the number of pairs counted.
     */
    static long countOrdered(GreyLevels g, int direction, int distance, int levels, int[] counts) {
        long dy = (long) DELTAS[direction][0] * distance;
        long dx = (long) DELTAS[direction][1] * distance;
        int h = g.height;
        int w = g.width;
        if (dy >= h || Math.abs(dx) >= w) {
            return 0;
        }
        int rows = h - (int) dy;
        int c0 = (int) Math.max(0, -dx);
        int c1 = w - (int) Math.max(0, dx);
        int[] v = g.values;
        int shift = (int) dy * w + (int) dx;
        for (int r = 0; r < rows; r++) {
            int end = r * w + c1;
            int i = r * w + c0;
            // Two cells per step keep two read-modify-write chains in flight; texture images repeat pairs a lot.
            for (; i + 1 < end; i += 2) {
                counts[v[i] * levels + v[i + shift]]++;
                counts[v[i + 1] * levels + v[i + 1 + shift]]++;
            }
            if (i < end) {
                counts[v[i] * levels + v[i + shift]]++;
            }
        }
        return (long) rows * (c1 - c0);
    }

    /**
     * {@link #countOrdered} for the four directions at once, into {@code counts[d]}; returns the pair count of each.
     * One pass over the pixels whose four partners are all inside feeds four independent tables, which keeps the
     * processor busy where one table would wait on repeated increments of the same cell; the thin border strips
     * that some directions still need are counted direction by direction.
     */
    static long[] countAll(GreyLevels g, int distance, int levels, int[][] counts) {
        int h = g.height;
        int w = g.width;
        int d = distance;
        int fusedRows = (int) Math.max(0, h - (long) d);
        int fc0 = Math.min(d, w);
        int fc1 = (int) Math.max(fc0, w - (long) d);
        if (fusedRows > 0 && fc1 > fc0) {
            countFused(g, d, levels, counts, fusedRows, fc0, fc1);
        }
        long[] pairs = new long[DELTAS.length];
        for (int dir = 0; dir < DELTAS.length; dir++) {
            long dy = (long) DELTAS[dir][0] * d;
            long dx = (long) DELTAS[dir][1] * d;
            if (dy >= h || Math.abs(dx) >= w) {
                continue;
            }
            int rows = h - (int) dy;
            int c0 = (int) Math.max(0, -dx);
            int c1 = w - (int) Math.max(0, dx);
            pairs[dir] = (long) rows * (c1 - c0);
            int both = Math.min(rows, fusedRows);
            if (fc1 > fc0) {
                countRect(g, dir, d, levels, counts[dir], 0, both, c0, Math.max(c0, Math.min(fc0, c1)));
                countRect(g, dir, d, levels, counts[dir], 0, both, Math.max(c0, Math.min(fc1, c1)), c1);
            } else {
                both = 0;
            }
            countRect(g, dir, d, levels, counts[dir], both, rows, c0, c1);
        }
        return pairs;
    }

    private static void countFused(GreyLevels g, int d, int levels, int[][] counts, int rows, int c0, int c1) {
        int w = g.width;
        int[] v = g.values;
        int[] right = counts[0];
        int[] downRight = counts[1];
        int[] down = counts[2];
        int[] downLeft = counts[3];
        int below = d * w;
        for (int r = 0; r < rows; r++) {
            for (int i = r * w + c0, end = r * w + c1; i < end; i++) {
                int a = v[i] * levels;
                right[a + v[i + d]]++;
                downRight[a + v[i + below + d]]++;
                down[a + v[i + below]]++;
                downLeft[a + v[i + below - d]]++;
            }
        }
    }

    private static void countRect(GreyLevels g, int dir, int d, int levels, int[] counts, int r0, int r1, int c0, int c1) {
        int w = g.width;
        int[] v = g.values;
        int shift = DELTAS[dir][0] * d * w + DELTAS[dir][1] * d;
        for (int r = r0; r < r1; r++) {
            for (int i = r * w + c0, end = r * w + c1; i < end; i++) {
                counts[v[i] * levels + v[i + shift]]++;
            }
        }
    }

    /** Replaces the matrix by itself plus its transpose, so the diagonal doubles (mahotas's {@code symmetric=True}). */
    static void symmetrise(int[] counts, int levels) {
        for (int i = 0; i < levels; i++) {
            counts[i * levels + i] *= 2;
            for (int j = i + 1; j < levels; j++) {
                int s = counts[i * levels + j] + counts[j * levels + i];
                counts[i * levels + j] = s;
                counts[j * levels + i] = s;
            }
        }
    }

    /** Zeroes row 0 and column 0, which drops every pair that involves a zero pixel (mahotas's {@code ignore_zeros}). */
    static void dropZeros(int[] counts, int levels) {
        for (int j = 0; j < levels; j++) {
            counts[j] = 0;
            counts[j * levels] = 0;
        }
    }
}
