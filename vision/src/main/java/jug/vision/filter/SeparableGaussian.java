package jug.vision.filter;

import java.util.Arrays;
import jug.vision.Border;
import jug.vision.DType;
import jug.vision.GrayImage;
import jug.vision.Parallelism;

/**
 * The Gaussian engine: a vertical 1-D pass then a horizontal one (scipy's axis order), with symmetric folding, row
 * by row so that the working rows stay in cache.
 *
 * <p>Why it is laid out this way: C2 in JDK 17 vectorises a loop only when every array access of one element type
 * uses the same index expression, so {@code out[c] += w * (in[c - k] + in[c + k])} over one row stays scalar.
 * <ul>
 *   <li>The vertical pass keeps the input rows of a band of {@value #BAND} output rows (plus the kernel's reach) in a
 *       ring, each in its own array, and sums {@code t[i] += w * (above[i] + below[i])}: one index, vectorised. It
 *       walks the band in column chunks sized so that the rows' chunks stay in the L1 cache while every output row
 *       of the band reuses them. Ring rows carry the horizontal margin already extended by the border mode, so the
 *       intermediate rows come out padded (filtering columns commutes with permuting them; constant mode resets
 *       the margin to {@code cval}, as scipy pads the intermediate).
 *   <li>The horizontal pass copies the intermediate row shifted by {@code +k} and {@code −k}
 *       ({@code System.arraycopy}, a memory copy) into scratch arrays and sums them the same way. It runs on
 *       chunks of {@value #CHUNK} columns so that the scratch arrays stay in the L1 cache.
 * </ul>
 * Work is split by rows over {@link Parallelism}; each thread has its own ring and scratch arrays.
 */
final class SeparableGaussian {
    /** Columns per horizontal chunk: the five arrays' chunks fit in a 48 KB L1 cache. */
    static final int CHUNK = 1024;
    /** Output rows per band of the vertical pass. */
    static final int BAND = 32;
    /** Bytes of ring-row chunks the vertical pass aims to keep in L1. */
    private static final int VERTICAL_BYTES = 32 * 1024;

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
        private final double cval;
        private final boolean roundToFloat;
        private final int width;
        private final int margin;
        private final double[][] ring;
        private final int[] ringRow;
        private final boolean bySource;
        private final double[] constRow;
        private final double[][] rows;
        private final double[][][] taps;
        private final int columnChunk;
        private double[] row;
        private final double[][] scratch;
        private final double[] acc;

        Band(GrayImage in, GaussianKernel vk, GaussianKernel hk, Border border, double cval, GrayImage out,
                boolean roundToFloat) {
            this.in = in;
            this.out = out;
            this.vk = vk;
            this.hk = hk;
            this.border = border;
            this.cval = cval;
            this.roundToFloat = roundToFloat;
            width = in.width();
            margin = hk.radius();
            int padded = width + 2 * margin;
            int band = Math.min(BAND, in.height());
            // A band needs band + 2r rows at once. When that is the whole image or more (small images, wide
            // kernels), keep each source row once instead, keyed by its index after the border mapping.
            int needed = band + 2 * vk.radius();
            bySource = needed >= in.height();
            ring = new double[bySource ? in.height() : needed][padded];
            ringRow = new int[ring.length];
            Arrays.fill(ringRow, Integer.MIN_VALUE);
            constRow = new double[padded];
            Arrays.fill(constRow, cval);
            rows = new double[band][padded];
            taps = new double[band][2 * vk.radius() + 2][];
            columnChunk = Math.max(128, VERTICAL_BYTES / 8 / (2 * vk.radius() + 2) / 8 * 8);
            scratch = new double[4][padded];
            acc = new double[padded];
        }

        void run(int from, int to) {
            int rv = vk.radius();
            int padded = rows[0].length;
            for (int b0 = from; b0 < to; b0 += rows.length) {
                int nb = Math.min(rows.length, to - b0);
                for (int j = 0; j < nb; j++) {
                    double[][] t = taps[j];
                    for (int k = 0; k <= rv; k++) {
                        t[k] = sourceRow(b0 + j + k);
                        t[rv + 1 + k] = sourceRow(b0 + j - k);
                    }
                }
                for (int c0 = 0; c0 < padded; c0 += columnChunk) {
                    int c1 = Math.min(padded, c0 + columnChunk);
                    for (int j = 0; j < nb; j++) {
                        fold(rows[j], c0, c1, vk, taps[j]);
                    }
                }
                for (int j = 0; j < nb; j++) {
                    row = rows[j];
                    if (border == Border.CONSTANT) {
                        Arrays.fill(row, 0, margin, cval);
                        Arrays.fill(row, margin + width, padded, cval);
                    }
                    if (roundToFloat) {
                        for (int c = 0; c < padded; c++) {
                            row[c] = (float) row[c];
                        }
                    }
                    horizontal(b0 + j);
                }
            }
        }

        /**
         * The horizontal pass of the intermediate {@link #row} into output row {@code r}, chunk by chunk. The scratch
         * arrays share the row's layout (a copy shifted by k lands at the same positions), so the loops read the
         * centre straight from the row.
         */
        private void horizontal(int r) {
            double[] w = hk.half;
            int rh = margin;
            double[] a1 = scratch[0];
            double[] b1 = scratch[1];
            double[] a2 = scratch[2];
            double[] b2 = scratch[3];
            for (int c0 = 0; c0 < width; c0 += CHUNK) {
                int n = Math.min(CHUNK, width - c0);
                int at = rh + c0;
                int end = at + n;
                if (rh == 0) {
                    initCentre(acc, at, end, w[0], row);
                } else {
                    System.arraycopy(row, at + 1, a1, at, n);
                    System.arraycopy(row, at - 1, b1, at, n);
                    init(acc, at, end, w[0], row, w[1], a1, b1, hk.odd);
                }
                int k = 2;
                for (; k + 1 <= rh; k += 2) {
                    System.arraycopy(row, at + k, a1, at, n);
                    System.arraycopy(row, at - k, b1, at, n);
                    System.arraycopy(row, at + k + 1, a2, at, n);
                    System.arraycopy(row, at - k - 1, b2, at, n);
                    addPair(acc, at, end, w[k], a1, b1, w[k + 1], a2, b2, hk.odd);
                }
                if (k == rh) {
                    System.arraycopy(row, at + k, a1, at, n);
                    System.arraycopy(row, at - k, b1, at, n);
                    addOne(acc, at, end, w[k], a1, b1, hk.odd);
                }
                Rows.store(acc, at, n, out, r, c0);
            }
        }

        /** Input row {@code v} (any integer) as the border mode extends the image, with its margin, from the ring. */
        private double[] sourceRow(int v) {
            int source = border.map(v, in.height());
            if (source < 0) {
                return constRow;
            }
            int key = bySource ? source : v;
            int slot = Math.floorMod(key, ring.length);
            double[] dst = ring[slot];
            if (ringRow[slot] != key) {
                ringRow[slot] = key;
                in.readRow(source, dst, margin);
                for (int p = 0; p < margin; p++) {
                    int left = border.map(p - margin, width);
                    dst[p] = left < 0 ? cval : dst[margin + left];
                    int right = border.map(width + p, width);
                    dst[margin + width + p] = right < 0 ? cval : dst[margin + right];
                }
            }
            return dst;
        }
    }

    /**
     * {@code dst[i] = Σ_k g.half[k] · (rows[k][i] ± rows[r + 1 + k][i])} for {@code from <= i < to}, the sign being
     * minus for odd kernels: {@code rows[k]} lies {@code k} below the centre {@code rows[0]}, {@code rows[r + 1 + k]}
     * {@code k} above. Two taps per loop halve the traffic on {@code dst}.
     */
    static void fold(double[] dst, int from, int to, GaussianKernel g, double[][] rows) {
        double[] w = g.half;
        int radius = w.length - 1;
        int m = radius + 1;
        if (radius == 0) {
            for (int i = from; i < to; i++) {
                dst[i] = w[0] * rows[0][i];
            }
            return;
        }
        double w0 = w[0];
        double w1 = w[1];
        double[] c = rows[0];
        double[] a = rows[1];
        double[] b = rows[m + 1];
        if (g.odd) {
            for (int i = from; i < to; i++) {
                dst[i] = w0 * c[i] + w1 * (a[i] - b[i]);
            }
        } else {
            for (int i = from; i < to; i++) {
                dst[i] = w0 * c[i] + w1 * (a[i] + b[i]);
            }
        }
        int k = 2;
        for (; k + 1 <= radius; k += 2) {
            double wa = w[k];
            double wb = w[k + 1];
            double[] a1 = rows[k];
            double[] b1 = rows[m + k];
            double[] a2 = rows[k + 1];
            double[] b2 = rows[m + k + 1];
            if (g.odd) {
                for (int i = from; i < to; i++) {
                    dst[i] += wa * (a1[i] - b1[i]) + wb * (a2[i] - b2[i]);
                }
            } else {
                for (int i = from; i < to; i++) {
                    dst[i] += wa * (a1[i] + b1[i]) + wb * (a2[i] + b2[i]);
                }
            }
        }
        if (k == radius) {
            double wa = w[k];
            double[] a1 = rows[k];
            double[] b1 = rows[m + k];
            if (g.odd) {
                for (int i = from; i < to; i++) {
                    dst[i] += wa * (a1[i] - b1[i]);
                }
            } else {
                for (int i = from; i < to; i++) {
                    dst[i] += wa * (a1[i] + b1[i]);
                }
            }
        }
    }

    private static void initCentre(double[] dst, int from, int to, double w0, double[] c) {
        for (int i = from; i < to; i++) {
            dst[i] = w0 * c[i];
        }
    }

    private static void init(double[] dst, int from, int to, double w0, double[] c, double w1, double[] a, double[] b,
            boolean odd) {
        if (odd) {
            for (int i = from; i < to; i++) {
                dst[i] = w0 * c[i] + w1 * (a[i] - b[i]);
            }
        } else {
            for (int i = from; i < to; i++) {
                dst[i] = w0 * c[i] + w1 * (a[i] + b[i]);
            }
        }
    }

    private static void addPair(double[] dst, int from, int to, double wa, double[] a1, double[] b1, double wb,
            double[] a2, double[] b2, boolean odd) {
        if (odd) {
            for (int i = from; i < to; i++) {
                dst[i] += wa * (a1[i] - b1[i]) + wb * (a2[i] - b2[i]);
            }
        } else {
            for (int i = from; i < to; i++) {
                dst[i] += wa * (a1[i] + b1[i]) + wb * (a2[i] + b2[i]);
            }
        }
    }

    private static void addOne(double[] dst, int from, int to, double wa, double[] a, double[] b, boolean odd) {
        if (odd) {
            for (int i = from; i < to; i++) {
                dst[i] += wa * (a[i] - b[i]);
            }
        } else {
            for (int i = from; i < to; i++) {
                dst[i] += wa * (a[i] + b[i]);
            }
        }
    }
}
