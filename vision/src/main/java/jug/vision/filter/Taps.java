package jug.vision.filter;

import java.util.Arrays;
import jug.vision.Border;
import jug.vision.GrayImage;
import jug.vision.Parallelism;
import jug.vision.StructuringElement;

/**
 * A linear filter as a list of taps: {@code out(r, c) = Σ w[k] · in(r + dr[k], c + dc[k])}, summed in tap order
 * (the order scipy sums in, so float64 results match it bit for bit). Used for correlate, convolve, mean, sobel and
 * the Laplacians; the Gaussian has its own separable engine.
 */
final class Taps {
    private final int[] dr;
    private final int[] dc;
    private final double[] w;

    Taps(int[] dr, int[] dc, double[] w) {
        this.dr = dr;
        this.dc = dc;
        this.w = w;
    }

    /** Taps of weight 1 on the members of a footprint. */
    static Taps ofFootprint(StructuringElement footprint) {
        double[] ones = new double[footprint.size()];
        Arrays.fill(ones, 1.0);
        return new Taps(footprint.rowOffsets(), footprint.colOffsets(), ones);
    }

    /**
     * Writes the filtered image into {@code out} (same shape, any type, converted as {@link Rows} says), each sum
     * divided by {@code divisor} (1 for a plain correlation, the member count for a mean).
     */
    void apply(GrayImage in, Border border, double cval, double divisor, GrayImage out) {
        int h = in.height();
        int width = in.width();
        if (h == 0 || width == 0) {
            return;
        }
        Padded p = Padded.around(in, dr, dc, border, cval);
        double[] src = p.data;
        Parallelism.forRows(h, width, (from, to) -> {
            double[] acc = new double[width];
            double[] tap = new double[width];
            for (int r = from; r < to; r++) {
                Arrays.fill(acc, 0.0);
                for (int k = 0; k < w.length; k++) {
                    // A copy first: JDK 17 vectorises the sum only when both arrays are read at the same index.
                    System.arraycopy(src, p.index(r + dr[k], dc[k]), tap, 0, width);
                    double wk = w[k];
                    for (int c = 0; c < width; c++) {
                        acc[c] += tap[c] * wk;
                    }
                }
                if (divisor != 1.0) {
                    for (int c = 0; c < width; c++) {
                        acc[c] /= divisor;
                    }
                }
                Rows.store(acc, out, r);
            }
        });
    }
}
