package jug.vision.filter;

import jug.vision.Border;
import jug.vision.GrayImage;
import jug.vision.Parallelism;
import jug.vision.StructuringElement;

/**
 * The general rank filter: for each pixel, gather the footprint's samples from a padded copy and select the k-th
 * smallest (0-based) in place. Any footprint and any type; the 3×3 median has its own network in
 * {@link MedianOf9}.
 */
final class RankSelect {
    private RankSelect() {
    }

    static void apply(GrayImage in, StructuringElement footprint, int rank, Border border, double cval, GrayImage out) {
        int h = in.height();
        int width = in.width();
        if (h == 0 || width == 0) {
            return;
        }
        int[] dr = footprint.rowOffsets();
        int[] dc = footprint.colOffsets();
        Padded p = Padded.around(in, dr, dc, border, cval);
        double[] src = p.data;
        int[] offsets = new int[dr.length];
        for (int k = 0; k < dr.length; k++) {
            offsets[k] = dr[k] * p.stride + dc[k];
        }
        Parallelism.forRows(h, width, (from, to) -> {
            double[] samples = new double[offsets.length];
            double[] res = new double[width];
            for (int r = from; r < to; r++) {
                int base = p.index(r, 0);
                for (int c = 0; c < width; c++) {
                    int centre = base + c;
                    for (int k = 0; k < offsets.length; k++) {
                        samples[k] = src[centre + offsets[k]];
                    }
                    res[c] = select(samples, rank);
                }
                Rows.store(res, out, r);
            }
        });
    }

    /** The k-th smallest of {@code a} (0-based), reordering {@code a}; Hoare partitioning around a median of three. */
    static double select(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (hi > lo) {
            if (hi - lo < 12) {
                insertionSort(a, lo, hi);
                return a[k];
            }
            int m = (lo + hi) >>> 1;
            if (a[m] < a[lo]) {
                swap(a, m, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[m]) {
                swap(a, hi, m);
            }
            double pivot = a[m];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static void insertionSort(double[] a, int lo, int hi) {
        for (int i = lo + 1; i <= hi; i++) {
            double v = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
