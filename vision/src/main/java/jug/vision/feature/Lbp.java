package jug.vision.feature;

import java.util.Arrays;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.Parallelism;

/**
 * Rotation-invariant local binary patterns (LBP), as mahotas's {@code features.lbp} and {@code lbp_transform}.
 *
 * <p>Each pixel is compared with {@code points} neighbours on a circle of the given radius: bit k of its code is
 * set when neighbour k is strictly greater than the pixel, and the code is then replaced by its smallest rotation
 * over {@code points} bits (not "uniform" LBP). Neighbour k lies at angle a = k·2π/points, and is sampled the way
 * mahotas samples it, which is nearest-neighbour with a systematic offset (mahotas's {@code interpolate.shift}
 * rounds the source coordinate; mahotas.md §3.22): the neighbour of pixel (y, x) is the pixel
 * (R((y − r·sin a) + 0.5), R((x − r·cos a) + 0.5)), or 0 if that is outside the image, where every operation is
 * done in float64 and R(v) = floor(v + 0.5) for v > 0, else ceil(v − 0.5). That reproduces mahotas bit for bit,
 * including the cases where float64 rounding moves a sample near the top or left edge; it is not the textbook
 * bilinear circle. Images of every dtype are accepted; values are compared as float64.
 */
public final class Lbp {
    /** The largest number of points: codes and histogram bins are indexed by {@code points}-bit integers. */
    public static final int MAX_POINTS = 24;
    /** Up to this many points, the minimum rotation of every code is tabulated. */
    private static final int TABLE_POINTS = 16;

    private Lbp() {
    }

    /**
     * The rotation-invariant code of every pixel (the minimum-rotation value itself, such as 127, as mahotas's
     * {@code lbp_transform} returns despite its docstring), as a new int32 image.
     */
    public static GrayS32 transform(GrayImage image, double radius, int points) {
        return transform(image, radius, points, new GrayS32(image.height(), image.width()));
    }

    /** {@link #transform(GrayImage, double, int)} into {@code out}, which must have the image's shape; returns out. */
    public static GrayS32 transform(GrayImage image, double radius, int points, GrayS32 out) {
        check(radius, points);
        GrayImage.requireSameShape("image", image, "out", out);
        int[] codes = codes(image, radius, points);
        int w = image.width();
        int[] o = out.data();
        for (int r = 0; r < image.height(); r++) {
            System.arraycopy(codes, r * w, o, out.index(r, 0), w);
        }
        return out;
    }

    /** The histogram of the codes over every pixel; see {@link #histogram(GrayImage, double, int, boolean)}. */
    public static double[] histogram(GrayImage image, double radius, int points) {
        return histogram(image, radius, points, false);
    }

    /**
     * mahotas's {@code lbp}: how many pixels have each rotation-invariant code, one bin per code in
     * {@link #binCodes(int)} (36 bins for 8 points, 6 for 4), as float64 counts. With {@code ignoreZeros} only the
     * pixels whose value is not 0 are counted (their neighbours may still be 0).
     */
    public static double[] histogram(GrayImage image, double radius, int points, boolean ignoreZeros) {
        check(radius, points);
        int[] codes = codes(image, radius, points);
        int[] bins = binCodes(points);
        double[] hist = new double[bins.length];
        int[] index = null;
        if (points <= TABLE_POINTS) {
            index = new int[1 << points];
            for (int b = 0; b < bins.length; b++) {
                index[bins[b]] = b;
            }
        }
        GrayImage values = image.compact();
        for (int i = 0; i < codes.length; i++) {
            if (ignoreZeros && values.valueAt(i) == 0) {
                continue;
            }
            hist[index != null ? index[codes[i]] : Arrays.binarySearch(bins, codes[i])]++;
        }
        return hist;
    }

    /**
     * The codes that label the histogram bins, in order: every {@code points}-bit value that is its own minimum
     * rotation (36 values for 8 points, from 0 to 255).
     */
    public static int[] binCodes(int points) {
        checkPoints(points);
        int[] out = new int[16];
        int n = 0;
        for (int c = 0; c < 1 << points; c++) {
            if (isMinimalRotation(c, points)) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, 2 * n);
                }
                out[n++] = c;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The smallest value among the {@code points} bit rotations of the low {@code points} bits of {@code code}. */
    public static int minRotation(int code, int points) {
        checkPoints(points);
        int mask = (int) ((1L << points) - 1);
        int v = code & mask;
        int min = v;
        for (int i = 1; i < points; i++) {
            v = (v >>> 1) | ((v & 1) << (points - 1));
            min = Math.min(min, v);
        }
        return min;
    }

    private static boolean isMinimalRotation(int c, int points) {
        int v = c;
        for (int i = 1; i < points; i++) {
            v = (v >>> 1) | ((v & 1) << (points - 1));
            if (v < c) {
                return false;
            }
        }
        return true;
    }

    /** Row-major codes of the whole image. */
    private static int[] codes(GrayImage image, double radius, int points) {
        int h = image.height();
        int w = image.width();
        int[] codes = new int[h * w];
        if (h == 0 || w == 0) {
            return codes;
        }
        int[][] rowSource = new int[points][];
        int[][] colSource = new int[points][];
        double[][] sinCos = CircleAngles.of(points);
        for (int k = 0; k < points; k++) {
            rowSource[k] = sources(h, radius * sinCos[0][k]);
            colSource[k] = sources(w, radius * sinCos[1][k]);
        }
        int[] table = null;
        if (points <= TABLE_POINTS) {
            table = new int[1 << points];
            for (int c = 0; c < table.length; c++) {
                table[c] = minRotation(c, points);
            }
        }
        int[] minRotation = table;
        if (image.dtype().isFloating()) {
            double[] v = image.toF64().data();
            Parallelism.forRows(h, w, (from, to) -> codeRows(v, w, from, to, rowSource, colSource, codes));
        } else {
            int[] v = GreyLevels.pixels(image);
            Parallelism.forRows(h, w, (from, to) -> codeRows(v, w, from, to, rowSource, colSource, codes));
        }
        Parallelism.forRows(h, w, (from, to) -> {
            for (int i = from * w; i < to * w; i++) {
                codes[i] = minRotation != null ? minRotation[codes[i]] : minRotation(codes[i], points);
            }
        });
        return codes;
    }

    /** For each output index along an axis of length n, the source index mahotas reads for shift s, or −1 outside. */
    static int[] sources(int n, double s) {
        int[] src = new int[n];
        for (int i = 0; i < n; i++) {
            double v = (i - s) + 0.5;
            double rounded = v > 0 ? Math.floor(v + 0.5) : Math.ceil(v - 0.5);
            src[i] = rounded >= 0 && rounded < n ? (int) rounded : -1;
        }
        return src;
    }

    /**
     * The columns [runs[2k], runs[2k+1]) where angle k reads column x + runs[...] is in-image and a fixed offset from
     * x, so the inner loop there is a plain shifted read; the few columns outside it go through the lookup table.
     */
    private static int[] straightRuns(int[][] colSource, int w) {
        int[] runs = new int[3 * colSource.length];
        for (int k = 0; k < colSource.length; k++) {
            int[] cs = colSource[k];
            int mid = w / 2;
            int from = mid;
            int to = mid;
            int offset = 0;
            if (cs[mid] >= 0) {
                offset = cs[mid] - mid;
                while (from > 0 && cs[from - 1] >= 0 && cs[from - 1] == from - 1 + offset) {
                    from--;
                }
                while (to < w && cs[to] >= 0 && cs[to] == to + offset) {
                    to++;
                }
            }
            runs[3 * k] = from;
            runs[3 * k + 1] = to;
            runs[3 * k + 2] = offset;
        }
        return runs;
    }

    private static void codeRows(int[] v, int w, int from, int to, int[][] rowSource, int[][] colSource, int[] codes) {
        int[] runs = straightRuns(colSource, w);
        for (int y = from; y < to; y++) {
            int base = y * w;
            for (int k = 0; k < rowSource.length; k++) {
                int sr = rowSource[k][y];
                int bit = 1 << k;
                if (sr < 0) {
                    for (int x = 0; x < w; x++) {
                        codes[base + x] |= 0 > v[base + x] ? bit : 0;
                    }
                    continue;
                }
                int[] cs = colSource[k];
                int src = sr * w;
                int a = runs[3 * k];
                int b = runs[3 * k + 1];
                int shifted = src + runs[3 * k + 2];
                for (int x = 0; x < a; x++) {
                    int neighbour = cs[x] < 0 ? 0 : v[src + cs[x]];
                    codes[base + x] |= neighbour > v[base + x] ? bit : 0;
                }
                for (int x = a; x < b; x++) {
                    codes[base + x] |= v[shifted + x] > v[base + x] ? bit : 0;
                }
                for (int x = b; x < w; x++) {
                    int neighbour = cs[x] < 0 ? 0 : v[src + cs[x]];
                    codes[base + x] |= neighbour > v[base + x] ? bit : 0;
                }
            }
        }
    }

    private static void codeRows(double[] v, int w, int from, int to, int[][] rowSource, int[][] colSource, int[] codes) {
        int[] runs = straightRuns(colSource, w);
        for (int y = from; y < to; y++) {
            int base = y * w;
            for (int k = 0; k < rowSource.length; k++) {
                int sr = rowSource[k][y];
                int bit = 1 << k;
                if (sr < 0) {
                    for (int x = 0; x < w; x++) {
                        codes[base + x] |= 0 > v[base + x] ? bit : 0;
                    }
                    continue;
                }
                int[] cs = colSource[k];
                int src = sr * w;
                int a = runs[3 * k];
                int b = runs[3 * k + 1];
                int shifted = src + runs[3 * k + 2];
                for (int x = 0; x < a; x++) {
                    double neighbour = cs[x] < 0 ? 0 : v[src + cs[x]];
                    codes[base + x] |= neighbour > v[base + x] ? bit : 0;
                }
                for (int x = a; x < b; x++) {
                    codes[base + x] |= v[shifted + x] > v[base + x] ? bit : 0;
                }
                for (int x = b; x < w; x++) {
                    double neighbour = cs[x] < 0 ? 0 : v[src + cs[x]];
                    codes[base + x] |= neighbour > v[base + x] ? bit : 0;
                }
            }
        }
    }

    private static void check(double radius, int points) {
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("radius must be positive and finite: " + radius);
        }
        checkPoints(points);
    }

    private static void checkPoints(int points) {
        if (points < 1 || points > MAX_POINTS) {
            throw new IllegalArgumentException("points outside 1.." + MAX_POINTS + ": " + points);
        }
    }
}
