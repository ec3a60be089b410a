package jug.vision.filter;

import java.util.Arrays;
import jug.vision.Border;
import jug.vision.DType;
import jug.vision.GrayImage;
import jug.vision.GrayU16;
import jug.vision.GrayU8;
import jug.vision.Parallelism;

/**
 * The 3×3 median by a sorting network: sort each column triple (rows r-1, r, r+1), then the median of the nine is
 * the median of {max of the column minima, median of the column middles, min of the column maxima} over three
 * adjacent columns. Every step is a branch-free min/max over whole rows, which C2 vectorises.
 *
 * <p>Two details serve the JDK 17 vectoriser: reading columns c-1, c, c+1 of one array in one loop would block
 * vectorisation, so the sorted rows are copied shifted by one and two ({@code System.arraycopy}), and the combining
 * loop reads nine arrays at the same index. uint8 and uint16 images run on {@code int} rows with an
 * arithmetic min/max ({@code Math.min} on ints is not vectorised by JDK 17); other types run on {@code double} rows.
 */
final class MedianOf9 {
    private MedianOf9() {
    }

    static void apply(GrayImage in, Border border, double cval, GrayImage out) {
        if (in.height() == 0 || in.width() == 0) {
            return;
        }
        boolean small = in.dtype() == DType.U8 || in.dtype() == DType.U16;
        boolean intCval = border != Border.CONSTANT || (cval == Math.rint(cval) && Math.abs(cval) < (1 << 30));
        if (small && intCval) {
            Parallelism.forRows(in.height(), in.width(), (from, to) -> new IntBand(in, border, (int) cval, out).run(from, to));
        } else {
            Parallelism.forRows(in.height(), in.width(), (from, to) -> new DoubleBand(in, border, cval, out).run(from, to));
        }
    }

    private static int min(int x, int y) {
        int d = x - y;
        return y + (d & (d >> 31));
    }

    private static int max(int x, int y) {
        int d = x - y;
        return x - (d & (d >> 31));
    }

    /** Rows of uint8/uint16 images as ints, padded by one column each side. */
    private static final class IntBand {
        private final GrayImage in;
        private final GrayImage out;
        private final Border border;
        private final int width;
        private final int[][] ring = new int[3][];
        private final int[][] view = new int[3][];
        private final int[] ringRow = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        private final int[] constRow;
        private final int[] lo;
        private final int[] mid;
        private final int[] hi;
        private final int[][] shifted;
        private final int[] res;
        private final int leftMap;
        private final int rightMap;

        IntBand(GrayImage in, Border border, int cval, GrayImage out) {
            this.in = in;
            this.out = out;
            this.border = border;
            width = in.width();
            for (int i = 0; i < 3; i++) {
                ring[i] = new int[width + 2];
            }
            constRow = new int[width + 2];
            Arrays.fill(constRow, cval);
            lo = new int[width + 2];
            mid = new int[width + 2];
            hi = new int[width + 2];
            shifted = new int[6][width];
            res = new int[width];
            leftMap = border.map(-1, width);
            rightMap = border.map(width, width);
            constRow[0] = cval;
        }

        void run(int from, int to) {
            int n = width + 2;
            int[] lo1 = shifted[0];
            int[] lo2 = shifted[1];
            int[] mid1 = shifted[2];
            int[] mid2 = shifted[3];
            int[] hi1 = shifted[4];
            int[] hi2 = shifted[5];
            for (int r = from; r < to; r++) {
                int[] a = row(r - 1);
                int[] b = row(r);
                int[] c = row(r + 1);
                for (int i = 0; i < n; i++) {
                    int x = a[i];
                    int y = b[i];
                    int z = c[i];
                    int l = min(x, y);
                    int h = max(x, y);
                    lo[i] = min(l, z);
                    int t = max(l, z);
                    mid[i] = min(h, t);
                    hi[i] = max(h, t);
                }
                System.arraycopy(lo, 1, lo1, 0, width);
                System.arraycopy(lo, 2, lo2, 0, width);
                System.arraycopy(mid, 1, mid1, 0, width);
                System.arraycopy(mid, 2, mid2, 0, width);
                System.arraycopy(hi, 1, hi1, 0, width);
                System.arraycopy(hi, 2, hi2, 0, width);
                for (int i = 0; i < width; i++) {
                    int low = max(max(lo[i], lo1[i]), lo2[i]);
                    int high = min(min(hi[i], hi1[i]), hi2[i]);
                    int p = mid[i];
                    int q = mid1[i];
                    int s = mid2[i];
                    int middle = max(min(p, q), min(max(p, q), s));
                    res[i] = max(min(low, middle), min(max(low, middle), high));
                }
                store(r);
            }
        }

        private void store(int r) {
            int base = out.index(r, 0);
            if (out.dtype() == DType.U8 && in.dtype() == DType.U8 && constRow[0] >= 0 && constRow[0] <= 255) {
                byte[] d = ((GrayU8) out).data();
                for (int i = 0; i < width; i++) {
                    d[base + i] = (byte) res[i];
                }
            } else if (out.dtype() == DType.U16 && constRow[0] >= 0 && constRow[0] <= 65535) {
                short[] d = ((GrayU16) out).data();
                for (int i = 0; i < width; i++) {
                    d[base + i] = (short) res[i];
                }
            } else {
                double[] values = new double[width];
                for (int i = 0; i < width; i++) {
                    values[i] = res[i];
                }
                Rows.store(values, out, r);
            }
        }

        private int[] row(int v) {
            int slot = Math.floorMod(v, 3);
            if (ringRow[slot] == v) {
                return view[slot];
            }
            ringRow[slot] = v;
            int source = border.map(v, in.height());
            if (source < 0) {
                view[slot] = constRow;
                return constRow;
            }
            int[] dst = ring[slot];
            int base = in.index(source, 0);
            if (in.dtype() == DType.U8) {
                byte[] d = ((GrayU8) in).data();
                for (int c = 0; c < width; c++) {
                    dst[c + 1] = d[base + c] & 0xFF;
                }
            } else {
                short[] d = ((GrayU16) in).data();
                for (int c = 0; c < width; c++) {
                    dst[c + 1] = d[base + c] & 0xFFFF;
                }
            }
            dst[0] = leftMap < 0 ? constRow[0] : dst[leftMap + 1];
            dst[width + 1] = rightMap < 0 ? constRow[0] : dst[rightMap + 1];
            view[slot] = dst;
            return dst;
        }
    }

    /** Rows of any image as doubles, padded by one column each side. */
    private static final class DoubleBand {
        private final GrayImage in;
        private final GrayImage out;
        private final Border border;
        private final double cval;
        private final int width;
        private final double[][] ring = new double[3][];
        private final double[][] view = new double[3][];
        private final int[] ringRow = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        private final double[] constRow;
        private final double[] lo;
        private final double[] mid;
        private final double[] hi;
        private final double[][] shifted;
        private final double[] res;

        DoubleBand(GrayImage in, Border border, double cval, GrayImage out) {
            this.in = in;
            this.out = out;
            this.border = border;
            this.cval = cval;
            width = in.width();
            for (int i = 0; i < 3; i++) {
                ring[i] = new double[width + 2];
            }
            constRow = new double[width + 2];
            Arrays.fill(constRow, cval);
            lo = new double[width + 2];
            mid = new double[width + 2];
            hi = new double[width + 2];
            shifted = new double[6][width];
            res = new double[width];
        }

        void run(int from, int to) {
            int n = width + 2;
            double[] lo1 = shifted[0];
            double[] lo2 = shifted[1];
            double[] mid1 = shifted[2];
            double[] mid2 = shifted[3];
            double[] hi1 = shifted[4];
            double[] hi2 = shifted[5];
            for (int r = from; r < to; r++) {
                double[] a = row(r - 1);
                double[] b = row(r);
                double[] c = row(r + 1);
                for (int i = 0; i < n; i++) {
                    double x = a[i];
                    double y = b[i];
                    double z = c[i];
                    double l = Math.min(x, y);
                    double h = Math.max(x, y);
                    lo[i] = Math.min(l, z);
                    double t = Math.max(l, z);
                    mid[i] = Math.min(h, t);
                    hi[i] = Math.max(h, t);
                }
                System.arraycopy(lo, 1, lo1, 0, width);
                System.arraycopy(lo, 2, lo2, 0, width);
                System.arraycopy(mid, 1, mid1, 0, width);
                System.arraycopy(mid, 2, mid2, 0, width);
                System.arraycopy(hi, 1, hi1, 0, width);
                System.arraycopy(hi, 2, hi2, 0, width);
                for (int i = 0; i < width; i++) {
                    double low = Math.max(Math.max(lo[i], lo1[i]), lo2[i]);
                    double high = Math.min(Math.min(hi[i], hi1[i]), hi2[i]);
                    double p = mid[i];
                    double q = mid1[i];
                    double s = mid2[i];
                    double middle = Math.max(Math.min(p, q), Math.min(Math.max(p, q), s));
                    res[i] = Math.max(Math.min(low, middle), Math.min(Math.max(low, middle), high));
                }
                Rows.store(res, out, r);
            }
        }

        private double[] row(int v) {
            int slot = Math.floorMod(v, 3);
            if (ringRow[slot] == v) {
                return view[slot];
            }
            ringRow[slot] = v;
            int source = border.map(v, in.height());
            if (source < 0) {
                view[slot] = constRow;
                return constRow;
            }
            double[] dst = ring[slot];
            Rows.load(in, source, dst, 1);
            int left = border.map(-1, width);
            int right = border.map(width, width);
            dst[0] = left < 0 ? cval : dst[left + 1];
            dst[width + 1] = right < 0 ? cval : dst[right + 1];
            view[slot] = dst;
            return dst;
        }
    }
}
