package jug.vision.filter;

import java.util.Arrays;
import jug.vision.Border;
import jug.vision.DType;
import jug.vision.GrayImage;
import jug.vision.GrayU16;
import jug.vision.GrayU8;
import jug.vision.Parallelism;

/**
 * The 3×3 median by a separable sorting network: each input row is sorted across column triples (c−1, c, c+1) once,
 * into row-wise minima, middles and maxima; the median of a 3×3 window is then the median of {the largest of the
 * three minima, the median of the three middles, the smallest of the three maxima} of rows r−1, r and r+1.
 *
 * <p>Laid out for the JDK 17 vectoriser, which only vectorises loops whose array accesses all use one index and
 * whose bodies are small: the row is copied shifted by one and two columns ({@code System.arraycopy}) so that the
 * triple sort reads three arrays at the same index, the sorted rows of the last three input rows are kept in a ring,
 * and the combination runs as four short min/max loops. uint8 and uint16 images run on {@code int} rows with an
 * arithmetic min/max ({@code Math.min} on ints is not vectorised by JDK 17); other types run on {@code double}
 * rows with {@code Math.min}/{@code Math.max}.
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
            Parallelism.forRows(in.height(), in.width(), (from, to) -> new IntRows(in, border, (int) cval, out).run(from, to));
        } else {
            Parallelism.forRows(in.height(), in.width(), (from, to) -> new DoubleRows(in, border, cval, out).run(from, to));
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

    /** The int pipeline for uint8 and uint16 images. */
    private static final class IntRows {
        private final GrayImage in;
        private final GrayImage out;
        private final Border border;
        private final int cval;
        private final int width;
        private final int[] padded;
        private final int[] right1;
        private final int[] right2;
        private final int[][] lo = new int[3][];
        private final int[][] mid = new int[3][];
        private final int[][] hi = new int[3][];
        private final int[] ringRow = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        private final int[] low;
        private final int[] high;
        private final int[] middle;
        private final int[] res;

        IntRows(GrayImage in, Border border, int cval, GrayImage out) {
            this.in = in;
            this.out = out;
            this.border = border;
            this.cval = cval;
            width = in.width();
            padded = new int[width + 2];
            right1 = new int[width];
            right2 = new int[width];
            for (int k = 0; k < 3; k++) {
                lo[k] = new int[width];
                mid[k] = new int[width];
                hi[k] = new int[width];
            }
            low = new int[width];
            high = new int[width];
            middle = new int[width];
            res = new int[width];
        }

        void run(int from, int to) {
            int n = width;
            for (int r = from; r < to; r++) {
                int a = sorted(r - 1);
                int b = sorted(r);
                int c = sorted(r + 1);
                max3(lo[a], lo[b], lo[c], low, n);
                min3(hi[a], hi[b], hi[c], high, n);
                med3(mid[a], mid[b], mid[c], middle, n);
                med3(low, middle, high, res, n);
                store(r);
            }
        }

        /** The ring slot holding input row {@code v} (any integer) sorted across column triples. */
        private int sorted(int v) {
            int slot = Math.floorMod(v, 3);
            if (ringRow[slot] == v) {
                return slot;
            }
            ringRow[slot] = v;
            int source = border.map(v, in.height());
            if (source < 0) {
                Arrays.fill(lo[slot], cval);
                Arrays.fill(mid[slot], cval);
                Arrays.fill(hi[slot], cval);
                return slot;
            }
            int base = in.index(source, 0);
            int[] p = padded;
            if (in.dtype() == DType.U8) {
                byte[] d = ((GrayU8) in).data();
                for (int c = 0; c < width; c++) {
                    p[c + 1] = d[base + c] & 0xFF;
                }
            } else {
                short[] d = ((GrayU16) in).data();
                for (int c = 0; c < width; c++) {
                    p[c + 1] = d[base + c] & 0xFFFF;
                }
            }
            int left = border.map(-1, width);
            int right = border.map(width, width);
            p[0] = left < 0 ? cval : p[left + 1];
            p[width + 1] = right < 0 ? cval : p[right + 1];
            System.arraycopy(p, 1, right1, 0, width);
            System.arraycopy(p, 2, right2, 0, width);
            int[] l3 = lo[slot];
            int[] m3 = mid[slot];
            int[] h3 = hi[slot];
            int[] q = right1;
            int[] s = right2;
            for (int i = 0; i < width; i++) {
                int x = p[i];
                int y = q[i];
                int z = s[i];
                int l = min(x, y);
                int h = max(x, y);
                l3[i] = min(l, z);
                int t = max(l, z);
                m3[i] = min(h, t);
                h3[i] = max(h, t);
            }
            return slot;
        }

        private static void max3(int[] a, int[] b, int[] c, int[] dst, int n) {
            for (int i = 0; i < n; i++) {
                dst[i] = max(max(a[i], b[i]), c[i]);
            }
        }

        private static void min3(int[] a, int[] b, int[] c, int[] dst, int n) {
            for (int i = 0; i < n; i++) {
                dst[i] = min(min(a[i], b[i]), c[i]);
            }
        }

        private static void med3(int[] a, int[] b, int[] c, int[] dst, int n) {
            for (int i = 0; i < n; i++) {
                int p = a[i];
                int q = b[i];
                dst[i] = max(min(p, q), min(max(p, q), c[i]));
            }
        }

        private void store(int r) {
            int base = out.index(r, 0);
            if (out.dtype() == DType.U8 && in.dtype() == DType.U8 && cval >= 0 && cval <= 255) {
                byte[] d = ((GrayU8) out).data();
                for (int i = 0; i < width; i++) {
                    d[base + i] = (byte) res[i];
                }
            } else if (out.dtype() == DType.U16 && cval >= 0 && cval <= 65535) {
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
    }

    /** The double pipeline for every other type, and for constants that are not small integers. */
    private static final class DoubleRows {
        private final GrayImage in;
        private final GrayImage out;
        private final Border border;
        private final double cval;
        private final int width;
        private final double[] padded;
        private final double[] right1;
        private final double[] right2;
        private final double[][] lo = new double[3][];
        private final double[][] mid = new double[3][];
        private final double[][] hi = new double[3][];
        private final int[] ringRow = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        private final double[] low;
        private final double[] high;
        private final double[] middle;
        private final double[] res;

        DoubleRows(GrayImage in, Border border, double cval, GrayImage out) {
            this.in = in;
            this.out = out;
            this.border = border;
            this.cval = cval;
            width = in.width();
            padded = new double[width + 2];
            right1 = new double[width];
            right2 = new double[width];
            for (int k = 0; k < 3; k++) {
                lo[k] = new double[width];
                mid[k] = new double[width];
                hi[k] = new double[width];
            }
            low = new double[width];
            high = new double[width];
            middle = new double[width];
            res = new double[width];
        }

        void run(int from, int to) {
            int n = width;
            for (int r = from; r < to; r++) {
                int a = sorted(r - 1);
                int b = sorted(r);
                int c = sorted(r + 1);
                double[] la = lo[a];
                double[] lb = lo[b];
                double[] lc = lo[c];
                for (int i = 0; i < n; i++) {
                    low[i] = Math.max(Math.max(la[i], lb[i]), lc[i]);
                }
                double[] ha = hi[a];
                double[] hb = hi[b];
                double[] hc = hi[c];
                for (int i = 0; i < n; i++) {
                    high[i] = Math.min(Math.min(ha[i], hb[i]), hc[i]);
                }
                med3(mid[a], mid[b], mid[c], middle, n);
                med3(low, middle, high, res, n);
                Rows.store(res, out, r);
            }
        }

        private int sorted(int v) {
            int slot = Math.floorMod(v, 3);
            if (ringRow[slot] == v) {
                return slot;
            }
            ringRow[slot] = v;
            int source = border.map(v, in.height());
            if (source < 0) {
                Arrays.fill(lo[slot], cval);
                Arrays.fill(mid[slot], cval);
                Arrays.fill(hi[slot], cval);
                return slot;
            }
            double[] p = padded;
            in.readRow(source, p, 1);
            int left = border.map(-1, width);
            int right = border.map(width, width);
            p[0] = left < 0 ? cval : p[left + 1];
            p[width + 1] = right < 0 ? cval : p[right + 1];
            System.arraycopy(p, 1, right1, 0, width);
            System.arraycopy(p, 2, right2, 0, width);
            double[] l3 = lo[slot];
            double[] m3 = mid[slot];
            double[] h3 = hi[slot];
            double[] q = right1;
            double[] s = right2;
            for (int i = 0; i < width; i++) {
                double x = p[i];
                double y = q[i];
                double z = s[i];
                double l = Math.min(x, y);
                double h = Math.max(x, y);
                l3[i] = Math.min(l, z);
                double t = Math.max(l, z);
                m3[i] = Math.min(h, t);
                h3[i] = Math.max(h, t);
            }
            return slot;
        }

        private static void med3(double[] a, double[] b, double[] c, double[] dst, int n) {
            for (int i = 0; i < n; i++) {
                double p = a[i];
                double q = b[i];
                dst[i] = Math.max(Math.min(p, q), Math.min(Math.max(p, q), c[i]));
            }
        }
    }
}
