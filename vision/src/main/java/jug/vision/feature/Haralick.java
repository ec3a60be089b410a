package jug.vision.feature;

import java.util.Arrays;
import java.util.List;
import jug.vision.GrayImage;
import jug.vision.GrayS32;

/**
 * Haralick texture features: statistics of the grey-level co-occurrence matrices (GLCMs) of an integer image, as
 * mahotas's {@code features.haralick} computes them.
 *
 * <p>For each of the four directions → (0, 1), ↘ (1, 1), ↓ (1, 0) and ↙ (1, −1), each scaled by
 * {@link Options#distance()}, the GLCM counts the pairs (value at p, value at p + δ) whose two pixels are both inside
 * the image, and is made symmetric by adding its transpose (so the diagonal doubles). It has (max + 1)² cells: grey
 * levels are not quantised, so quantise a uint16 image first if its maximum is large. The features of
 * p = GLCM / sum, with px and py its column and row sums and logs in base 2, are, by index:
 * <ol start="0">
 *   <li>angular second moment Σp²; <li>contrast Σk²·p<sub>x−y</sub>(k); <li>correlation (Σij·p − μxμy)/(σxσy), or 1 if
 *   σx or σy is 0; <li>variance Σk²px − μx²; <li>inverse difference moment Σp/(1 + (i−j)²); <li>sum average
 *   Σk·p<sub>x+y</sub>(k) with k from 0 (mahotas's 0-based form, not Haralick's 2..2G); <li>sum variance
 *   Σk²p<sub>x+y</sub> − F5²; <li>sum entropy; <li>entropy; <li>difference variance, by default the variance of the
 *   probability vector p<sub>x−y</sub> itself (numpy {@code var}, mahotas's default) or, with
 *   {@link Options#xMinusYVariance()}, the variance of |x − y|; <li>difference entropy; <li>information measure of
 *   correlation 1, (HXY − HXY1)/max(HX, HY), or the bare numerator if the maximum is 0; <li>information measure of
 *   correlation 2, √(max(0, 1 − e<sup>−2(HXY2 − HXY)</sup>)); <li>(optional) mahotas's "maximal correlation
 *   coefficient": √ of the second-largest eigenvalue of the correlation matrix of the non-empty rows of p.
 * </ol>
 * Results equal mahotas's to rounding (relative 1e-12 or so); see {@code docs/vision/features.md}.
 */
public final class Haralick {
    /** The names of the 14 features, in order, as mahotas's {@code haralick_labels}. */
    public static final List<String> LABELS = List.of("Angular Second Moment", "Contrast", "Correlation",
            "Sum of Squares: Variance", "Inverse Difference Moment", "Sum Average", "Sum Variance", "Sum Entropy",
            "Entropy", "Difference Variance", "Difference Entropy", "Information Measure of Correlation 1",
            "Information Measure of Correlation 2", "Maximal Correlation Coefficient");

    /** Number of directions of a 2-D image. */
    public static final int DIRECTIONS = 4;

    /** The largest grey level whose square GLCM still fits one Java array. */
    static final int MAX_LEVEL = 46_339;
    /** Up to this many cells per matrix (1024 grey levels), the four directions are counted in one pass. */
    static final int FUSED_MAX_CELLS = 1 << 20;

    /**
     * What to compute: the pair distance, whether pairs with a zero pixel are dropped ({@code ignore_zeros}), whether
     * to add the 14th feature ({@code compute_14th_feature}), the true variance of |x − y| for F9
     * ({@code use_x_minus_y_variance}) and Haralick's original F6 with F7 in place of F5
     * ({@code preserve_haralick_bug}).
     */
    public record Options(int distance, boolean ignoreZeros, boolean fourteenth, boolean xMinusYVariance,
                          boolean preserveHaralickBug) {
        /** mahotas's defaults: distance 1, every other option off. */
        public static final Options DEFAULT = new Options(1, false, false, false, false);

        /** Checks that the distance is at least 1. */
        public Options {
            if (distance < 1) {
                throw new IllegalArgumentException("distance < 1: " + distance);
            }
        }

        /** These options with another pair distance. */
        public Options withDistance(int d) {
            return new Options(d, ignoreZeros, fourteenth, xMinusYVariance, preserveHaralickBug);
        }

        /** These options with pairs that involve a zero pixel dropped, or not. */
        public Options withIgnoreZeros(boolean on) {
            return new Options(distance, on, fourteenth, xMinusYVariance, preserveHaralickBug);
        }

        /** These options with the 14th feature, or without. */
        public Options withFourteenth(boolean on) {
            return new Options(distance, ignoreZeros, on, xMinusYVariance, preserveHaralickBug);
        }

        /** These options with F9 as the true variance of |x − y|, or as mahotas's default. */
        public Options withXMinusYVariance(boolean on) {
            return new Options(distance, ignoreZeros, fourteenth, on, preserveHaralickBug);
        }

        /** These options with Haralick's original (mistaken) sum variance, or the corrected one. */
        public Options withPreserveHaralickBug(boolean on) {
            return new Options(distance, ignoreZeros, fourteenth, xMinusYVariance, on);
        }
    }

    private Haralick() {
    }

    /** The 4 × 13 features of {@code image} with mahotas's defaults; row d is direction d (→, ↘, ↓, ↙). */
    public static double[][] features(GrayImage image) {
        return features(image, Options.DEFAULT);
    }

    /**
     * The features of {@code image} (uint8, uint16, or int32 without negatives), one row of 13 (14 with
     * {@link Options#fourteenth()}) per direction →, ↘, ↓, ↙. Throws if a direction has no pair to count (an image
     * with fewer rows or columns than distance + 1), or none left after {@link Options#ignoreZeros()}.
     */
    public static double[][] features(GrayImage image, Options options) {
        GreyLevels g = levels(image);
        int levels = g.max + 1;
        int cells = levels * levels;
        // four tables at once are faster, but for many grey levels one reused table keeps the memory at G² ints
        boolean fused = cells <= FUSED_MAX_CELLS;
        int[][] tables = new int[fused ? DIRECTIONS : 1][cells];
        long[] allPairs = fused ? Cooccurrence.countAll(g, options.distance(), levels, tables) : null;
        double[][] out = new double[DIRECTIONS][];
        for (int d = 0; d < DIRECTIONS; d++) {
            int[] counts = tables[fused ? d : 0];
            long pairs;
            if (fused) {
                pairs = allPairs[d];
            } else {
                if (d > 0) {
                    Arrays.fill(counts, 0);
                }
                pairs = Cooccurrence.countOrdered(g, d, options.distance(), levels, counts);
            }
            Cooccurrence.symmetrise(counts, levels);
            if (options.ignoreZeros()) {
                Cooccurrence.dropZeros(counts, levels);
            }
            if (pairs == 0 || (options.ignoreZeros() && isEmpty(counts))) {
                throw new IllegalArgumentException("haralick: direction " + d + " (" + Cooccurrence.ARROWS[d]
                        + ") of a " + image.shape() + " image has no pixel pairs at distance " + options.distance()
                        + (pairs == 0 ? "; use a smaller distance or a larger image"
                                : " without a zero pixel (ignoreZeros); turn ignoreZeros off"));
            }
            out[d] = HaralickFeatures.compute(counts, levels, true, options);
        }
        return out;
    }

    /** The features of one co-occurrence matrix (square, non-negative; not necessarily symmetric), as mahotas's
     * {@code haralick_features}; {@link Options#distance()} is not used. The matrix is not modified. */
    public static double[] featuresOf(GrayS32 glcm, Options options) {
        int n = glcm.height();
        if (glcm.width() != n || n == 0) {
            throw new IllegalArgumentException("a co-occurrence matrix must be square and non-empty: got " + glcm.shape());
        }
        int[] counts = glcm.copy().data();
        for (int c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("a co-occurrence matrix holds counts, got a negative value: " + c);
            }
        }
        if (options.ignoreZeros()) {
            Cooccurrence.dropZeros(counts, n);
        }
        if (isEmpty(counts)) {
            throw new IllegalArgumentException("haralick: the co-occurrence matrix is empty"
                    + (options.ignoreZeros() ? " once row and column 0 are dropped (ignoreZeros)" : ""));
        }
        boolean symmetric = true;
        for (int i = 0; i < n && symmetric; i++) {
            for (int j = i + 1; j < n; j++) {
                if (counts[i * n + j] != counts[j * n + i]) {
                    symmetric = false;
                    break;
                }
            }
        }
        return HaralickFeatures.compute(counts, n, symmetric, options);
    }

    /**
     * The (max + 1) × (max + 1) co-occurrence matrix of {@code image} in one direction (0 →, 1 ↘, 2 ↓, 3 ↙) at a
     * distance: cell (a, b) counts the pixels p with value a whose partner p + distance·δ is inside and has value b;
     * with {@code symmetric} the transpose is added, as {@link #features} does.
     */
    public static GrayS32 cooccurrence(GrayImage image, int direction, int distance, boolean symmetric) {
        if (direction < 0 || direction >= DIRECTIONS) {
            throw new IllegalArgumentException("direction outside 0..3: " + direction);
        }
        if (distance < 1) {
            throw new IllegalArgumentException("distance < 1: " + distance);
        }
        GreyLevels g = levels(image);
        int levels = g.max + 1;
        GrayS32 out = new GrayS32(levels, levels);
        Cooccurrence.countOrdered(g, direction, distance, levels, out.data());
        if (symmetric) {
            Cooccurrence.symmetrise(out.data(), levels);
        }
        return out;
    }

    /** The mean over directions of per-direction features, mahotas's {@code return_mean}. */
    public static double[] mean(double[][] perDirection) {
        int n = width(perDirection);
        double[] m = new double[n];
        for (double[] row : perDirection) {
            for (int k = 0; k < n; k++) {
                m[k] += row[k];
            }
        }
        for (int k = 0; k < n; k++) {
            m[k] /= perDirection.length;
        }
        return m;
    }

    /** The mean over directions followed by the range (max − min) over directions, mahotas's {@code return_mean_ptp}. */
    public static double[] meanAndPtp(double[][] perDirection) {
        int n = width(perDirection);
        double[] out = Arrays.copyOf(mean(perDirection), 2 * n);
        for (int k = 0; k < n; k++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] row : perDirection) {
                lo = Math.min(lo, row[k]);
                hi = Math.max(hi, row[k]);
            }
            out[n + k] = hi - lo;
        }
        return out;
    }

    private static int width(double[][] perDirection) {
        if (perDirection.length == 0) {
            throw new IllegalArgumentException("no directions to summarise");
        }
        int n = perDirection[0].length;
        for (double[] row : perDirection) {
            if (row.length != n) {
                throw new IllegalArgumentException("directions have different feature counts: " + n + " and " + row.length);
            }
        }
        return n;
    }

    private static GreyLevels levels(GrayImage image) {
        GreyLevels g = GreyLevels.of(image, "haralick");
        if (g.max > MAX_LEVEL) {
            throw new IllegalArgumentException("haralick: the maximum grey level is " + g.max + ", so the co-occurrence"
                    + " matrix would need " + (g.max + 1L) * (g.max + 1L) + " cells (at most " + (MAX_LEVEL + 1)
                    + "² fit); quantise the image to fewer grey levels first");
        }
        if ((long) image.height() * image.width() > 1L << 30) {
            throw new IllegalArgumentException("haralick: " + image.shape() + " has more than 2^30 pixels, so int32 pair"
                    + " counts could overflow; split the image");
        }
        return g;
    }

    private static boolean isEmpty(int[] counts) {
        for (int c : counts) {
            if (c != 0) {
                return false;
            }
        }
        return true;
    }
}
