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
