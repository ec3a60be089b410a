package jug.vision.segment;

import jug.vision.Parallelism;

/**
 * The exact Euclidean distance (and, on request, feature) transform behind {@link Distance} and {@link Voronoi}:
 * for every pixel, the squared distance to the nearest "site" pixel and which site that is.
 *
 * <p>Two separable passes, as in scipy's {@code distance_transform_edt} (Maurer, Qi and Raghavan 2003): first
 * each column gives every pixel its vertical distance {@code v} to the nearest site in that column; then each row
 * builds the lower envelope of the parabolas {@code (x - c)² + v(c)²} and reads it off left to right. The envelope
 * test and the tie rules are scipy's, so the chosen site matches {@code return_indices=True}: a vertical tie goes
 * to the upper site, and a tie along the row to the leftmost candidate left on the envelope. All arithmetic is on
 * integers (longs), so the squared distances are exact.
 */
final class NearestSite {
    /** Vertical distance of a pixel with no site in its column; sums stay far from overflow. */
    static final int NONE = 1 << 30;

    private NearestSite() {
    }

    /**
     * Transforms {@code v} (length h·w, row-major; 0 at sites and {@link #NONE} elsewhere, overwritten) and fills
     * {@code out} with the squared distance to the nearest site, or its square root if {@code sqrt}, or +Infinity
     * everywhere when there is no site; fills {@code nearest} (if not null) with the row-major index of that site,
     * or -1.
     */
    static void transform(int[] v, int h, int w, double[] out, boolean sqrt, int[] nearest) {
        if (h == 0 || w == 0) {
            return;
        }
        int[] siteRow = nearest == null ? null : new int[h * w];
        // Columns are independent in the first pass and rows in the second, so both split across threads.
        Parallelism.forRows(w, h, (c0, c1) -> columns(v, h, w, c0, c1, siteRow));
        Parallelism.forRows(h, w, (r0, r1) -> rows(v, siteRow, w, r0, r1, out, sqrt, nearest));
    }

    private static void columns(int[] v, int h, int w, int c0, int c1, int[] siteRow) {
        if (siteRow == null) {
            // Plain int minima, which C2 vectorises: a site is 0 and stays 0, NONE + 1 is capped back to NONE.
            for (int r = 1; r < h; r++) {
                int i = r * w;
                for (int c = c0; c < c1; c++) {
                    v[i + c] = Math.min(v[i + c], v[i - w + c] + 1);
                }
            }
            for (int r = h - 2; r >= 0; r--) {
                int i = r * w;
                for (int c = c0; c < c1; c++) {
                    v[i + c] = Math.min(Math.min(v[i + c], v[i + w + c] + 1), NONE);
                }
            }
            return;
        }
        for (int c = c0; c < c1; c++) {
            siteRow[c] = v[c] == 0 ? 0 : -1;
        }
        for (int r = 1; r < h; r++) {
            int i = r * w;
            for (int c = c0; c < c1; c++) {
                if (v[i + c] == 0) {
                    siteRow[i + c] = r;
                } else {
                    v[i + c] = Math.min(v[i - w + c] + 1, NONE);
                    siteRow[i + c] = siteRow[i - w + c];
                }
            }
        }
        for (int r = h - 2; r >= 0; r--) {
            int i = r * w;
            for (int c = c0; c < c1; c++) {
                int below = v[i + w + c] + 1;
                // Strictly nearer below, else the upper site keeps it: scipy's tie rule. The row below already
                // holds its final nearest site, which is below this row whenever this test passes.
                if (below < v[i + c]) {
                    v[i + c] = below;
                    siteRow[i + c] = siteRow[i + w + c];
                }
            }
        }
    }

    private static void rows(int[] v, int[] siteRow, int w, int r0, int r1, double[] out, boolean sqrt,
                             int[] nearest) {
        int[] col = new int[w];
        long[] height = new long[w];
        for (int r = r0; r < r1; r++) {
            int base = r * w;
            // A site in the row itself (v = 0) is strictly nearer than any site beyond it, is never dropped from
            // the envelope and is where the reading pointer stands when it passes; so each gap between such
            // sites can be solved alone, with the same result and ties as the whole row. Rows that are mostly
            // sites then cost little.
            int x = 0;
            while (x < w) {
                if (v[base + x] == 0) {
                    out[base + x] = 0;
                    if (nearest != null) {
                        nearest[base + x] = base + x;
                    }
                    x++;
                    continue;
                }
                int end = x;
                while (end < w && v[base + end] != 0) {
                    end++;
                }
                solveGap(v, siteRow, base, Math.max(x - 1, 0), Math.min(end, w - 1), x, end, col, height, out,
                        sqrt, nearest, w);
                x = end;
            }
        }
    }

    /** Fills pixels {@code [from, to)} of one row from the envelope of the sites in columns {@code [lo, hi]}. */
    private static void solveGap(int[] v, int[] siteRow, int base, int lo, int hi, int from, int to, int[] col,
                                 long[] height, double[] out, boolean sqrt, int[] nearest, int w) {
        int l = -1;
        for (int c = lo; c <= hi; c++) {
            int vc = v[base + c];
            if (vc >= NONE) {
                continue;
            }
            long hc = (long) vc * vc;
            // Drop the last envelope member while the new parabola and the one before it hide it entirely.
            while (l >= 1) {
                long a = col[l] - col[l - 1];
                long b = c - col[l];
                long ab = a + b;
                if (ab * height[l] - b * height[l - 1] - a * hc - a * b * ab <= 0) {
                    break;
                }
                l--;
            }
            l++;
            col[l] = c;
            height[l] = hc;
        }
        if (l < 0) {
            for (int x = from; x < to; x++) {
                out[base + x] = Double.POSITIVE_INFINITY;
                if (nearest != null) {
                    nearest[base + x] = -1;
                }
            }
            return;
        }
        int last = l;
        l = 0;
        for (int x = from; x < to; x++) {
            long dx = col[l] - x;
            long best = dx * dx + height[l];
            while (l < last) {
                long dn = col[l + 1] - x;
                long next = dn * dn + height[l + 1];
                if (best <= next) {
                    break;
                }
                best = next;
                l++;
            }
            out[base + x] = sqrt ? Math.sqrt(best) : best;
            if (nearest != null) {
                nearest[base + x] = siteRow[base + col[l]] * w + col[l];
            }
        }
    }
}
