package jug.vision.label;

import java.util.Arrays;
import jug.vision.GrayImage;
import jug.vision.GrayS32;

/**
 * Measurements of the regions of a label image: pixel counts, sums, minima and maxima of an image over each region,
 * bounding boxes and centres of mass (mahotas's {@code labeled_size}, {@code labeled_sum}, {@code labeled_min},
 * {@code labeled_max}, {@code bbox}, {@code labeled.bbox} and {@code center_of_mass}; scipy.ndimage's
 * {@code sum_labels}, {@code minimum}, {@code maximum}, {@code find_objects} and {@code center_of_mass}).
 *
 * <p>Per-label results are arrays indexed by label, of length {@code max(labels) + 1} (at least 1), and include
 * label 0, the background. Negative labels are skipped, as in mahotas.
 */
public final class Measurements {
    private Measurements() {
    }

    /** The number of pixels with each label (mahotas's {@code labeled_size}). */
    public static int[] sizes(GrayS32 labels) {
        int[] sizes = new int[length(labels)];
        int[] l = labels.data();
        for (int r = 0; r < labels.height(); r++) {
            int base = labels.index(r, 0);
            for (int c = 0; c < labels.width(); c++) {
                int v = l[base + c];
                if (v >= 0) {
                    sizes[v]++;
                }
            }
        }
        return sizes;
    }

    /**
     * The sum of {@code values} over each label, as {@code scipy.ndimage.sum_labels}. Integer images are summed
     * exactly in a long (mahotas sums in the image's own type, so a uint8 region summing to 300 gives 44), then
     * converted to double; float images are summed in double, in raster order.
     */
    public static double[] sums(GrayImage values, GrayS32 labels) {
        GrayImage.requireSameShape("values", values, "labels", labels);
        int n = length(labels);
        double[] out = new double[n];
        boolean exact = values.dtype().isInteger();
        long[] integral = new long[exact ? n : 0];
        int w = values.width();
        double[] row = new double[w];
        int[] l = labels.data();
        for (int r = 0; r < values.height(); r++) {
            values.readRow(r, row);
            int base = labels.index(r, 0);
            for (int c = 0; c < w; c++) {
                int v = l[base + c];
                if (v >= 0) {
                    if (exact) {
                        integral[v] += (long) row[c];
                    } else {
                        out[v] += row[c];
                    }
                }
            }
        }
        for (int i = 0; exact && i < n; i++) {
            out[i] = integral[i];
        }
        return out;
    }

    /**
     * The smallest value of {@code values} over each label; NaN for a label with no pixel (scipy gives 0, mahotas the
     * type's largest value). A NaN pixel makes its label's minimum NaN.
     */
    public static double[] minima(GrayImage values, GrayS32 labels) {
        GrayImage.requireSameShape("values", values, "labels", labels);
        return extreme(values, labels, false);
    }

    /**
     * The largest value of {@code values} over each label; NaN for a label with no pixel. Correct for negative
     * floats, unlike mahotas's {@code labeled_max}, which starts from the smallest positive double and so returns
     * 2.2e-308 for a region whose values are all negative. A NaN pixel makes its label's maximum NaN.
     */
    public static double[] maxima(GrayImage values, GrayS32 labels) {
        GrayImage.requireSameShape("values", values, "labels", labels);
        return extreme(values, labels, true);
    }

    /** The bounding box of the nonzero pixels of {@code image}; {@link Box#EMPTY} if there are none. */
    public static Box bbox(GrayImage image) {
        int h = image.height();
        int w = image.width();
        int r0 = h;
        int r1 = -1;
        int c0 = w;
        int c1 = -1;
        double[] row = new double[w];
        for (int r = 0; r < h; r++) {
            image.readRow(r, row);
            for (int c = 0; c < w; c++) {
                if (row[c] != 0) {
                    r0 = Math.min(r0, r);
                    r1 = r;
                    c0 = Math.min(c0, c);
                    c1 = Math.max(c1, c);
                }
            }
        }
        return r1 < 0 ? Box.EMPTY : new Box(r0, r1 + 1, c0, c1 + 1);
    }

    /**
     * The bounding box of the nonzero pixels grown by {@code border} on every side and clipped to the image (mahotas
     * does not clip the ends, so a full 4×5 image with border 3 gives rows 0..7 there and 0..4 here).
     */
    public static Box bbox(GrayImage image, int border) {
        if (border < 0) {
            throw new IllegalArgumentException("border < 0: " + border);
        }
        return bbox(image).expand(border, image.height(), image.width());
    }

    /** The bounding box of each label, label 0 included; {@link Box#EMPTY} for absent labels (mahotas's {@code labeled.bbox}). */
    public static Box[] bboxes(GrayS32 labels) {
        int n = length(labels);
        int[] r0 = filledInt(n, Integer.MAX_VALUE);
        int[] r1 = filledInt(n, -1);
        int[] c0 = filledInt(n, Integer.MAX_VALUE);
        int[] c1 = filledInt(n, -1);
        int[] l = labels.data();
        for (int r = 0; r < labels.height(); r++) {
            int base = labels.index(r, 0);
            for (int c = 0; c < labels.width(); c++) {
                int v = l[base + c];
                if (v >= 0) {
                    r0[v] = Math.min(r0[v], r);
                    r1[v] = r;
                    c0[v] = Math.min(c0[v], c);
                    c1[v] = Math.max(c1[v], c);
                }
            }
        }
        Box[] boxes = new Box[n];
        for (int i = 0; i < n; i++) {
            boxes[i] = r1[i] < 0 ? Box.EMPTY : new Box(r0[i], r1[i] + 1, c0[i], c1[i] + 1);
        }
        return boxes;
    }

    /**
     * The intensity-weighted centroid {@code {row, col}} of {@code image}, {@code Σ v·position / Σ v}; NaN for both
     * when the values sum to zero (as mahotas's master branch and scipy).
     */
    public static double[] centerOfMass(GrayImage image) {
        double total = 0;
        double rows = 0;
        double cols = 0;
        double[] row = new double[image.width()];
        for (int r = 0; r < image.height(); r++) {
            image.readRow(r, row);
            for (int c = 0; c < row.length; c++) {
                total += row[c];
                rows += row[c] * r;
                cols += row[c] * c;
            }
        }
        return total == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {rows / total, cols / total};
    }

    /**
     * The intensity-weighted centroid {@code {row, col}} of {@code image} over each label, label 0 included; NaN for
     * labels whose values sum to zero, absent labels among them.
     */
    public static double[][] centerOfMass(GrayImage image, GrayS32 labels) {
        GrayImage.requireSameShape("image", image, "labels", labels);
        int n = length(labels);
        double[] total = new double[n];
        double[] rows = new double[n];
        double[] cols = new double[n];
        int w = image.width();
        double[] row = new double[w];
        int[] l = labels.data();
        for (int r = 0; r < image.height(); r++) {
            image.readRow(r, row);
            int base = labels.index(r, 0);
            for (int c = 0; c < w; c++) {
                int v = l[base + c];
                if (v >= 0) {
                    total[v] += row[c];
                    rows[v] += row[c] * r;
                    cols[v] += row[c] * c;
                }
            }
        }
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = total[i] == 0 ? new double[] {Double.NaN, Double.NaN}
                    : new double[] {rows[i] / total[i], cols[i] / total[i]};
        }
        return out;
    }

    /** {@code max(labels) + 1}, at least 1. */
    static int length(GrayS32 labels) {
        int max = Math.max(Labels.range(labels)[1], 0);
        if (max == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("largest label is Integer.MAX_VALUE; relabel first");
        }
        return max + 1;
    }

    private static double[] extreme(GrayImage values, GrayS32 labels, boolean max) {
        int n = length(labels);
        double[] out = new double[n];
        Arrays.fill(out, max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        boolean[] seen = new boolean[n];
        int w = values.width();
        double[] row = new double[w];
        int[] l = labels.data();
        for (int r = 0; r < values.height(); r++) {
            values.readRow(r, row);
            int base = labels.index(r, 0);
            for (int c = 0; c < w; c++) {
                int v = l[base + c];
                if (v >= 0) {
                    out[v] = max ? Math.max(out[v], row[c]) : Math.min(out[v], row[c]);
                    seen[v] = true;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!seen[i]) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    private static int[] filledInt(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }
}
