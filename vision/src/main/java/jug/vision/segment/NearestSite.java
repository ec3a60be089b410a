package jug.vision.segment;

import jug.vision.Parallelism;

/**
 * The exact Euclidean distance (and, on request, feature) transform behind {@link Distance} and {@link Voronoi}:
 * for every pixel, the squared distance to the nearest "site" pixel and which site that is.
 *
 * <p>Two separable passes, as in scipy's {@code distance_transform_edt} (Maurer, Qi and Raghavan 2003): first
 * each column gives every pixel its vertical distance to the nearest site in that column; then each row builds the
 * lower envelope of the parabolas {@code (x - c)² + v(c)²} and reads it off left to right. The envelope test and
 * the tie rules are scipy's, so the chosen site matches {@code return_indices=True}: a vertical tie goes to the
 * upper site, and a tie along the row to the leftmost candidate left on the envelope. All arithmetic is on
 * integers (longs), so the squared distances are exact.
 */
final class NearestSite {
    /** Vertical distance of a pixel with no site in its column. */
    private static final int NONE = 1 << 30;

    private NearestSite() {
    }

    /**
     * Fills {@code out} (length h·w, row-major) with the squared distance to the nearest site, or its square root if
     * {@code sqrt}, or +Infinity everywhere when there is no site; fills {@code nearest} (if not null) with the
     * row-major index of that site, or -1. {@code site[i] != 0} marks the sites.
     */
    static void transform(byte[] site, int h, int w, double[] out, boolean sqrt, int[] nearest) {
        if (h == 0 || w == 0) {
            return;
        }
        int[] v = new int[h * w];
        int[] siteRow = nearest == null ? null : new int[h * w];
        // Columns are independent in the first pass and rows in the second, so both split across threads.
        Parallelism.forRows(w, h, (c0, c1) -> columns(site, h, w, c0, c1, v, siteRow));
        Parallelism.forRows(h, w, (r0, r1) -> rows(v, siteRow, w, r0, r1, out, sqrt, nearest));
    }

    private static void columns(byte[] site, int h, int w, int c0, int c1, int[] v, int[] siteRow) {
        for (int c = c0; c < c1; c++) {
            v[c] = site[c] != 0 ? 0 : NONE;
        }
        for (int r = 1; r < h; r++) {
            int i = r * w;
            for (int c = c0; c < c1; c++) {
                v[i + c] = site[i + c] != 0 ? 0 : Math.min(v[i - w + c] + 1, NONE);
            }
        }
        int[] down = new int[c1 - c0];
        java.util.Arrays.fill(down, NONE);
        for (int r = h - 1; r >= 0; r--) {
            int i = r * w;
            if (siteRow == null) {
                for (int c = c0; c < c1; c++) {
                    int d = site[i + c] != 0 ? 0 : Math.min(down[c - c0] + 1, NONE);
                    down[c - c0] = d;
                    v[i + c] = Math.min(v[i + c], d);
                }
            } else {
                for (int c = c0; c < c1; c++) {
                    int d = site[i + c] != 0 ? 0 : Math.min(down[c - c0] + 1, NONE);
                    down[c - c0] = d;
                    int up = v[i + c];
                    // Strictly nearer below, or the upper site keeps it: scipy's tie rule.
                    if (d < up) {
                        v[i + c] = d;
                        siteRow[i + c] = r + d;
                    } else {
                        siteRow[i + c] = up < NONE ? r - up : -1;
                    }
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
            int l = -1;
            for (int c = 0; c < w; c++) {
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
                for (int x = 0; x < w; x++) {
                    out[base + x] = Double.POSITIVE_INFINITY;
                    if (nearest != null) {
                        nearest[base + x] = -1;
                    }
                }
                continue;
            }
            int last = l;
            l = 0;
            for (int x = 0; x < w; x++) {
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
}
