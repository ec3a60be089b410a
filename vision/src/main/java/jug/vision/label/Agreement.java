package jug.vision.label;

import java.util.HashMap;
import java.util.Map;
import jug.vision.GrayImage;
import jug.vision.GrayS32;

/**
 * How well a segmentation agrees with a reference: the adjusted Rand index of two labellings and the Jaccard index
 * of two foregrounds. Both are 1 for perfect agreement; the Rand index is about 0 for a labelling no better than
 * chance.
 */
public final class Agreement {
    private Agreement() {
    }

    /**
     * Hubert and Arabie's adjusted Rand index of two labellings of the same pixels (label 0, the background, is a
     * region like any other): how often pairs of pixels are put together or apart alike, corrected for chance. Equal
     * labellings up to renumbering give 1, as do two labellings that each put every pixel in one region.
     */
    public static double adjustedRandIndex(GrayS32 labels, GrayS32 reference) {
        GrayImage.requireSameShape("labels", labels, "reference", reference);
        Map<Long, long[]> pairs = new HashMap<>();
        Map<Integer, long[]> rows = new HashMap<>();
        Map<Integer, long[]> cols = new HashMap<>();
        long n = 0;
        for (int r = 0; r < labels.height(); r++) {
            int a0 = labels.index(r, 0);
            int b0 = reference.index(r, 0);
            int[] a = labels.data();
            int[] b = reference.data();
            for (int c = 0; c < labels.width(); c++) {
                int x = a[a0 + c];
                int y = b[b0 + c];
                pairs.computeIfAbsent(((long) x << 32) | (y & 0xFFFFFFFFL), k -> new long[1])[0]++;
                rows.computeIfAbsent(x, k -> new long[1])[0]++;
                cols.computeIfAbsent(y, k -> new long[1])[0]++;
                n++;
            }
        }
        double index = 0;
        for (long[] count : pairs.values()) {
            index += choose2(count[0]);
        }
        double sumRows = 0;
        for (long[] count : rows.values()) {
            sumRows += choose2(count[0]);
        }
        double sumCols = 0;
        for (long[] count : cols.values()) {
            sumCols += choose2(count[0]);
        }
        double expected = n < 2 ? 0 : sumRows * sumCols / choose2(n);
        double max = (sumRows + sumCols) / 2;
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }

    /**
     * The Jaccard index of two foregrounds (nonzero pixels): the size of their intersection over that of their
     * union; 1 when both are empty.
     */
    public static double jaccard(GrayImage mask, GrayImage reference) {
        GrayImage.requireSameShape("mask", mask, "reference", reference);
        long both = 0;
        long either = 0;
        for (int r = 0; r < mask.height(); r++) {
            int a0 = mask.index(r, 0);
            int b0 = reference.index(r, 0);
            for (int c = 0; c < mask.width(); c++) {
                boolean a = mask.valueAt(a0 + c) != 0;
                boolean b = reference.valueAt(b0 + c) != 0;
                both += a && b ? 1 : 0;
                either += a || b ? 1 : 0;
            }
        }
        return either == 0 ? 1.0 : (double) both / either;
    }

    private static double choose2(long k) {
        return k * (k - 1) / 2.0;
    }
}
