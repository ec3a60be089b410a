package jug.vision.threshold;

import java.util.Arrays;
import jug.vision.Border;
import jug.vision.DType;
import jug.vision.GrayImage;
import jug.vision.GrayU8;
import jug.vision.StructuringElement;

/**
 * Global and local threshold methods that split an image into foreground and background.
 *
 * <p>The global methods ({@link #otsu}, {@link #rc}, {@link #mean}) return a number T; as in mahotas, the foreground
 * is {@code img > T}, which {@link jug.vision.Convert#threshold Convert.threshold(img, T)} computes. The histogram
 * methods work on the full range of values, as mahotas's {@code fullhistogram}: a uint16 image gets up to 65,536 bins,
 * with no quantisation. The local methods ({@link #bernsen}, {@link #gbernsen}) return the 0/1 mask directly.
 */
public final class Thresholds {
    /** mahotas's default global threshold for Bernsen's low-contrast neighbourhoods. */
    public static final double BERNSEN_GLOBAL_THRESHOLD = 128;

    private Thresholds() {
    }

    /**
     * The count of each value of a uint8 or uint16 image, from 0 to the image's maximum (mahotas's
     * {@code fullhistogram}); an empty image gives {@code [0]}.
     */
    public static long[] histogram(GrayImage img) {
        long[] counts = Histogram.counts(img);
        return Arrays.copyOf(counts, Histogram.last(counts) + 1);
    }

    /** Otsu's threshold of a uint8 or uint16 image, counting every pixel; see {@link #otsu(GrayImage, boolean)}. */
    public static int otsu(GrayImage img) {
        return otsu(img, false);
    }

    /**
     * Otsu's threshold of a uint8 or uint16 image: the T that maximises the between-class variance of
     * {@code img <= T} and {@code img > T}, ties going to the smallest T. With {@code ignoreZeros}, zero pixels take
     * no part (they are background either way). An image with no nonzero pixel gives 0. Matches mahotas's
     * {@code otsu} exactly, including its evaluation order.
     */
    public static int otsu(GrayImage img, boolean ignoreZeros) {
        long[] h = Histogram.counts(img);
        if (ignoreZeros) {
            h[0] = 0;
        }
        return otsu(h);
    }

    /** Otsu's threshold of a histogram whose bin i counts the pixels of value i. */
    static int otsu(long[] h) {
        int n = Histogram.last(h) + 1;
        long total = 0;
        long moment = 0;
        for (int i = 0; i < n; i++) {
            total += h[i];
            moment += i * h[i];
        }
        long nonZero = total - h[0];
        if (n <= 1 || nonZero == 0) {
            return 0;
        }
        // Doubles throughout, in mahotas's order of operations, so that near-ties break the same way.
        double all = total;
        double belowCount = h[0];
        double aboveCount = all - belowCount;
        double belowMean = 0;
        double aboveMean = (double) moment / (double) nonZero;
        double best = belowCount * aboveCount * (belowMean - aboveMean) * (belowMean - aboveMean);
        int bestT = 0;
        for (int t = 1; t < n; t++) {
            double count = h[t];
            double prevBelow = belowCount;
            double prevAbove = aboveCount;
            belowCount += count;
            aboveCount = all - belowCount;
            if (belowCount == 0) {
                continue;
            }
            if (aboveCount == 0) {
                break;
            }
            belowMean = (belowMean * prevBelow + t * count) / belowCount;
            aboveMean = (aboveMean * prevAbove - t * count) / aboveCount;
            double between = belowCount * aboveCount * (belowMean - aboveMean) * (belowMean - aboveMean);
            if (between > best) {
                best = between;
                bestT = t;
            }
        }
        return bestT;
    }

    /** The Riddler–Calvard threshold of a uint8 or uint16 image, counting every pixel. */
    public static double rc(GrayImage img) {
        return rc(img, false);
    }

    /**
     * The Riddler–Calvard (iterative intersection, "isodata") threshold of a uint8 or uint16 image: starting from the
     * largest value, T moves to the midpoint of the means below and above it until it settles, as mahotas's
     * {@code rc} does (a fractional value; a constant image gives its value; with {@code ignoreZeros}, zero pixels
     * take no part and an all-zero image gives 0).
     */
    public static double rc(GrayImage img, boolean ignoreZeros) {
        long[] h = Histogram.counts(img);
        if (ignoreZeros) {
            if (h[0] == img.size()) {
                return 0;
            }
            h[0] = 0;
        }
        return rc(h);
    }

    static double rc(long[] h) {
        int maxT = Histogram.last(h);
        int n = maxT + 1;
        long[] count = new long[n];
        long[] moment = new long[n];
        long c = 0;
        long m = 0;
        for (int i = 0; i < n; i++) {
            c += h[i];
            m += i * h[i];
            count[i] = c;
            moment[i] = m;
        }
        double result = maxT;
        for (int t = 0; t < Math.min(maxT, result); t++) {
            long countAbove = c - count[t];
            if (count[t] > 0 && countAbove > 0) {
                double meanBelow = (double) moment[t] / (double) count[t];
                double meanAbove = (double) (m - moment[t]) / (double) countAbove;
                result = (meanBelow + meanAbove) / 2;
            }
        }
        return result;
    }

    /** The mean pixel value of an image of any type; the foreground is {@code img > mean}. */
    public static double mean(GrayImage img) {
        return mean(img, false);
    }

    /**
     * The mean pixel value of an image of any type, the simplest global threshold (ImageJ's "Mean"). With
     * {@code ignoreZeros}, the mean of the nonzero pixels (0 if there is none). NaN pixels make the result NaN.
     */
    public static double mean(GrayImage img, boolean ignoreZeros) {
        if (img.dtype().isInteger() && img.dtype() != DType.S32) {
            long[] h = Histogram.counts(img);
            long n = 0;
            long sum = 0;
            for (int i = ignoreZeros ? 1 : 0; i < h.length; i++) {
                n += h[i];
                sum += i * h[i];
            }
            return n == 0 ? 0 : (double) sum / (double) n;
        }
        double sum = 0;
        long n = 0;
        for (int r = 0; r < img.height(); r++) {
            int base = img.index(r, 0);
            for (int c = 0; c < img.width(); c++) {
                double v = img.valueAt(base + c);
                if (!ignoreZeros || v != 0) {
                    sum += v;
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Bernsen's local threshold with mahotas's default global threshold of 128; see the full overload. */
    public static GrayU8 bernsen(GrayImage img, int radius, double contrastThreshold, Border border) {
        return bernsen(img, radius, contrastThreshold, BERNSEN_GLOBAL_THRESHOLD, border);
    }

    /**
     * Bernsen's local threshold over a disk of the given radius ({@link StructuringElement#disk}, as mahotas's
     * {@code circle_se}); see {@link #gbernsen} for the rule.
     */
    public static GrayU8 bernsen(GrayImage img, int radius, double contrastThreshold, double globalThreshold,
            Border border) {
        return gbernsen(img, StructuringElement.disk(radius), contrastThreshold, globalThreshold, border);
    }

    /**
     * Bernsen's local threshold over any neighbourhood: with {@code lo} and {@code hi} the minimum and maximum of the
     * neighbourhood of a pixel {@code v} (outside pixels read through {@code border}, CONSTANT reading 0), the pixel is
     * foreground (1) if {@code hi - lo >= contrastThreshold} and {@code v > hi/2 + lo/2}, or, in a low-contrast
     * neighbourhood, if {@code v > globalThreshold}. This is Bernsen's rule with the library's bright-foreground
     * convention; mahotas's {@code gbernsen} swaps the two cases (see docs/vision/thresholds.md). Any image type;
     * values are compared as doubles.
     */
    public static GrayU8 gbernsen(GrayImage img, StructuringElement se, double contrastThreshold,
            double globalThreshold, Border border) {
        if (Double.isNaN(contrastThreshold)) {
            throw new IllegalArgumentException("contrastThreshold is NaN");
        }
        if (Double.isNaN(globalThreshold)) {
            throw new IllegalArgumentException("globalThreshold is NaN");
        }
        GrayU8 out = new GrayU8(img.height(), img.width());
        if (img.size() == 0) {
            return out;
        }
        byte[] o = out.data();
        LocalRange.forEachRow(img, se, border, (row, values, lo, hi) -> {
            int base = row * img.width();
            for (int c = 0; c < values.length; c++) {
                boolean contrasted = hi[c] - lo[c] >= contrastThreshold;
                double limit = contrasted ? hi[c] / 2 + lo[c] / 2 : globalThreshold;
                o[base + c] = (byte) (values[c] > limit ? 1 : 0);
            }
        });
        return out;
    }
}
