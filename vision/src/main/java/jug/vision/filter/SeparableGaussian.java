package jug.vision.filter;

import java.util.Arrays;
import jug.vision.Border;
import jug.vision.DType;
import jug.vision.GrayImage;
import jug.vision.Parallelism;

/**
 * The Gaussian engine: a vertical 1-D pass then a horizontal one (scipy's axis order), with symmetric folding.
 *
 * <p>Why it is laid out this way: C2 in JDK 17 vectorises a loop only when every array access of one element type
 * uses the same index expression, so {@code out[c] += w * (in[c - k] + in[c + k])} over a row stays scalar. The
 * vertical pass therefore reads whole input rows, each in its own array (a ring of the last {@code 2r+1} rows), and
 * the horizontal pass runs on a transposed band: each image column of up to {@value #BAND} rows is its own array, so
 * both passes are loops of the form {@code acc[i] += w * (a[i] + b[i])}. Transposing in and out costs two scalar
 * copies per pixel; everything else vectorises. Work is split by rows over {@link Parallelism}.
 */
final class SeparableGaussian {
    /** Rows per transposed band: long enough for the column loops to amortise their set-up. */
    static final int BAND = 256;

    private SeparableGaussian() {
    }

    /** Filters {@code in} into {@code out} (same shape, arrays not shared); float32 outputs round the intermediate too. */
    static void apply(GrayImage in, GaussianKernel vertical, GaussianKernel horizontal, Border border, double cval,
            GrayImage out) {
        if (in.height() == 0 || in.width() == 0) {
            return;
        }
        boolean roundToFloat = out.dtype() == DType.F32;
        Parallelism.forRows(in.height(), in.width(), (from, to) ->
                new Band(in, vertical, horizontal, border, cval, out, roundToFloat).run(from, to));
    }

    /** The working buffers of one thread. */
    private static final class Band {
        private final GrayImage in;
        private final GrayImage out;
        private final GaussianKernel vk;
        private final GaussianKernel hk;
        private final Border border;
        private final boolean roundToFloat;
        private final int height;
        private final int width;
        private final double[][] ring;
        private final double[][] ringView;
        private final int[] ringRow;
        private final double[] constRow;
        private final double[] constCol;
        private final double[] row;
        private final double[][] cols;
        private final double[] acc;
        private final double[][] plus;
        private final double[][] minus;

        Band(GrayImage in, GaussianKernel vk, GaussianKernel hk, Border border, double cval, GrayImage out,
                boolean roundToFloat) {
            this.in = in;
            this.out = out;
            this.vk = vk;
            this.hk = hk;
            this.border = border;
            this.roundToFloat = roundToFloat;
            height = in.height();
            width = in.width();
            int ringSize = 2 * vk.radius() + 1;
            ring = new double[ringSize][width];
            ringView = new double[ringSize][];
            ringRow = new int[ringSize];
            Arrays.fill(ringRow, Integer.MIN_VALUE);
            constRow = new double[width];
            Arrays.fill(constRow, cval);
            int band = Math.min(BAND, height);
            constCol = new double[band];
            Arrays.fill(constCol, cval);
            row = new double[width];
            int rh = hk.radius();
            cols = new double[width + 2 * rh][];
            for (int c = 0; c < width; c++) {
                cols[rh + c] = new double[band];
            }
            acc = new double[band];
            int most = Math.max(vk.radius(), rh) + 1;
            plus = new double[most][];
            minus = new double[most][];
        }

        void run(int from, int to) {
            int rv = vk.radius();
            int rh = hk.radius();
            for (int b0 = from; b0 < to; b0 += constCol.length) {
                int nb = Math.min(constCol.length, to - b0);
                for (int j = 0; j < nb; j++) {
                    int r = b0 + j;
                    for (int k = 0; k <= rv; k++) {
                        plus[k] = sourceRow(r + k);
                        minus[k] = sourceRow(r - k);
                    }
                    fold(row, width, vk, plus, minus);
                    if (roundToFloat) {
                        for (int c = 0; c < width; c++) {
                            row[c] = (float) row[c];
                        }
                    }
                    for (int c = 0; c < width; c++) {
                        cols[rh + c][j] = row[c];
                    }
                }
                // The margins are references to the interior column they read (or to the constant column).
                for (int p = 0; p < rh; p++) {
                    int left = border.map(p - rh, width);
                    cols[p] = left < 0 ? constCol : cols[rh + left];
                    int right = border.map(width + p, width);
                    cols[rh + width + p] = right < 0 ? constCol : cols[rh + right];
                }
                for (int c = 0; c < width; c++) {
                    for (int k = 0; k <= rh; k++) {
                        plus[k] = cols[rh + c + k];
                        minus[k] = cols[rh + c - k];
                    }
                    fold(acc, nb, hk, plus, minus);
                    Rows.storeColumn(acc, nb, out, b0, c);
                }
            }
        }

        /** Input row {@code v} (any integer) as the border mode extends the image, from the ring. */
        private double[] sourceRow(int v) {
            int slot = Math.floorMod(v, ring.length);
            if (ringRow[slot] != v) {
                ringRow[slot] = v;
                int source = border.map(v, height);
                if (source < 0) {
                    ringView[slot] = constRow;
                } else {
                    Rows.load(in, source, ring[slot], 0);
                    ringView[slot] = ring[slot];
                }
            }
            return ringView[slot];
        }
    }

    /**
     * {@code dst[i] = Σ_k g.half[k] · (plus[k][i] ± minus[k][i])} for {@code i < n}, the sign being minus for odd
     * kernels; {@code plus[0]} is the centre. Two taps per loop halve the traffic on {@code dst}.
     */
    static void fold(double[] dst, int n, GaussianKernel g, double[][] plus, double[][] minus) {
        double[] w = g.half;
        int radius = w.length - 1;
        double[] c0 = plus[0];
        double w0 = w[0];
        if (radius == 0) {
            for (int i = 0; i < n; i++) {
                dst[i] = w0 * c0[i];
            }
            return;
        }
        double[] a = plus[1];
        double[] b = minus[1];
        double w1 = w[1];
        if (g.odd) {
            for (int i = 0; i < n; i++) {
                dst[i] = w0 * c0[i] + w1 * (a[i] - b[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                dst[i] = w0 * c0[i] + w1 * (a[i] + b[i]);
            }
        }
        int k = 2;
        for (; k + 1 <= radius; k += 2) {
            double[] a1 = plus[k];
            double[] b1 = minus[k];
            double[] a2 = plus[k + 1];
            double[] b2 = minus[k + 1];
            double wa = w[k];
            double wb = w[k + 1];
            if (g.odd) {
                for (int i = 0; i < n; i++) {
                    dst[i] += wa * (a1[i] - b1[i]) + wb * (a2[i] - b2[i]);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    dst[i] += wa * (a1[i] + b1[i]) + wb * (a2[i] + b2[i]);
                }
            }
        }
        if (k == radius) {
            double[] a1 = plus[k];
            double[] b1 = minus[k];
            double wa = w[k];
            if (g.odd) {
                for (int i = 0; i < n; i++) {
                    dst[i] += wa * (a1[i] - b1[i]);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    dst[i] += wa * (a1[i] + b1[i]);
                }
            }
        }
    }
}
