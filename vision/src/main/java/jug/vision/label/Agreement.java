package jug.vision.label;

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
        int[] a = labels.compact().data();
        int[] b = reference.compact().data();
        long n = a.length;
        int minA = Integer.MAX_VALUE;
        int maxA = Integer.MIN_VALUE;
        int minB = Integer.MAX_VALUE;
        int maxB = Integer.MIN_VALUE;
        for (int i = 0; i < a.length; i++) {
            minA = Math.min(minA, a[i]);
            maxA = Math.max(maxA, a[i]);
            minB = Math.min(minB, b[i]);
            maxB = Math.max(maxB, b[i]);
        }
        double index;
        double sumRows;
        double sumCols;
        long rowsSpan = n == 0 ? 0 : (long) maxA - minA + 1;
        long colsSpan = n == 0 ? 0 : (long) maxB - minB + 1;
        if (rowsSpan * colsSpan <= 1L << 24) { // label counts of segmentations are small: a dense table is fastest
            int cols = (int) colsSpan;
            int[] table = new int[(int) (rowsSpan * colsSpan)];
            for (int i = 0; i < a.length; i++) {
                table[(a[i] - minA) * cols + (b[i] - minB)]++;
            }
            index = 0;
            long[] rowSums = new long[(int) rowsSpan];
            long[] colSums = new long[cols];
            for (int i = 0; i < table.length; i++) {
                int count = table[i];
                if (count != 0) {
                    index += choose2(count);
                    rowSums[i / cols] += count;
                    colSums[i % cols] += count;
                }
            }
            sumRows = sumChoose2(rowSums);
            sumCols = sumChoose2(colSums);
        } else { // sparse: count sorted (label, label) pairs
            long[] pairs = new long[a.length];
            for (int i = 0; i < a.length; i++) {
                pairs[i] = ((long) a[i] << 32) | (b[i] & 0xFFFFFFFFL);
            }
            java.util.Arrays.sort(pairs);
            index = runs(pairs);
            long[] rows = new long[a.length];
            long[] cols = new long[b.length];
            for (int i = 0; i < a.length; i++) {
                rows[i] = a[i];
                cols[i] = b[i];
            }
            java.util.Arrays.sort(rows);
            java.util.Arrays.sort(cols);
            sumRows = runs(rows);
            sumCols = runs(cols);
        }
        double expected = n < 2 ? 0 : sumRows * sumCols / choose2(n);
        double max = (sumRows + sumCols) / 2;
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }

    /** Σ C(k, 2) over the lengths k of the runs of equal values in a sorted array. */
    private static double runs(long[] sorted) {
        double total = 0;
        int start = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || sorted[i] != sorted[start]) {
                total += choose2(i - start);
                start = i;
            }
        }
        return total;
    }

    private static double sumChoose2(long[] counts) {
        double total = 0;
        for (long c : counts) {
            total += choose2(c);
        }
        return total;
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
