package jug.vision.threshold;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jug.vision.Border;
import jug.vision.GrayImage;
import jug.vision.Parallelism;
import jug.vision.StructuringElement;

/**
 * The minimum and maximum of every pixel's neighbourhood, for local thresholds.
 *
 * <p>The element is split into horizontal runs of members. For each run width, a sliding minimum and maximum of each
 * border-extended row is computed once with the van Herk/Gil–Werman method (three comparisons per pixel, whatever the
 * width), kept in a ring of the last rows; a pixel's range is then the fold over the element's runs. The cost is
 * about (number of runs) comparisons per pixel instead of (number of members).
 */
final class LocalRange {
    /** Receives one output row: the pixel values and the minimum and maximum of each pixel's neighbourhood. */
    @FunctionalInterface
    interface RowConsumer {
        void accept(int row, double[] values, double[] lo, double[] hi);
    }

    /** A horizontal run of members: row offset dr, column offsets first..last. */
    private record Run(int dr, int first, int last) {
        int length() {
            return last - first + 1;
        }
    }

    private LocalRange() {
    }

    static void forEachRow(GrayImage img, StructuringElement se, Border border, RowConsumer consumer) {
        List<Run> runs = runs(se);
        int reachRows = 0;
        int reachCols = 0;
        for (Run run : runs) {
            reachRows = Math.max(reachRows, Math.abs(run.dr()));
            reachCols = Math.max(reachCols, Math.max(Math.abs(run.first()), Math.abs(run.last())));
        }
        int[] widths = runs.stream().mapToInt(Run::length).distinct().sorted().toArray();
        int n = runs.size();
        int[] rowOffset = new int[n];
        int[] shift = new int[n];
        int[] widthIndex = new int[n];
        for (int k = 0; k < n; k++) {
            Run run = runs.get(k);
            rowOffset[k] = run.dr();
            shift[k] = run.first() + reachCols;
            widthIndex[k] = Arrays.binarySearch(widths, run.length());
        }
        int rows = reachRows;
        int cols = reachCols;
        int w = img.width();
        Parallelism.forRows(img.height(), w, (from, to) -> {
            Band band = new Band(img, border, rows, cols, widths);
            double[] lo = new double[w];
            double[] hi = new double[w];
            double[] values = new double[w];
            for (int r = from; r < to; r++) {
                Arrays.fill(lo, Double.POSITIVE_INFINITY);
                Arrays.fill(hi, Double.NEGATIVE_INFINITY);
                for (int k = 0; k < n; k++) {
                    int slot = band.slot(r + rowOffset[k]);
                    double[] min = band.min[widthIndex[k]][slot];
                    double[] max = band.max[widthIndex[k]][slot];
                    int s = shift[k];
                    for (int c = 0; c < w; c++) {
                        lo[c] = Math.min(lo[c], min[c + s]);
                        hi[c] = Math.max(hi[c], max[c + s]);
                    }
                }
                System.arraycopy(band.row(r), cols, values, 0, w);
                consumer.accept(r, values, lo, hi);
            }
        });
    }

    /** The element's horizontal runs, in raster order. */
    static List<Run> runs(StructuringElement se) {
        List<Run> runs = new ArrayList<>();
        for (int r = 0; r < se.height(); r++) {
            int c = 0;
            while (c < se.width()) {
                if (!se.contains(r, c)) {
                    c++;
                    continue;
                }
                int start = c;
                while (c < se.width() && se.contains(r, c)) {
                    c++;
                }
                runs.add(new Run(r - se.height() / 2, start - se.width() / 2, c - 1 - se.width() / 2));
            }
        }
        return runs;
    }

    /**
     * A ring of border-extended rows (padded by {@code cols} on each side) with their sliding minima and maxima for
     * each run width, holding the {@code 2 * rows + 1} rows that one output row needs.
     */
    private static final class Band {
        private final GrayImage img;
        private final Border border;
        private final int[] widths;
        private final int ringSize;
        private final int[] rowInSlot;
        private final double[][] padded;
        final double[][][] min;
        final double[][][] max;
        private final double[] prefixLo;
        private final double[] prefixHi;
        private final double[] suffixLo;
        private final double[] suffixHi;
        private final int cols;

        Band(GrayImage img, Border border, int rows, int cols, int[] widths) {
            this.img = img;
            this.border = border;
            this.widths = widths;
            this.cols = cols;
            ringSize = 2 * rows + 1;
            int n = img.width() + 2 * cols;
            rowInSlot = new int[ringSize];
            Arrays.fill(rowInSlot, Integer.MIN_VALUE);
            padded = new double[ringSize][n];
            min = new double[widths.length][ringSize][n];
            max = new double[widths.length][ringSize][n];
            prefixLo = new double[n];
            prefixHi = new double[n];
            suffixLo = new double[n];
            suffixHi = new double[n];
        }

        /** Padded row {@code r} (image coordinates, may lie outside); only valid while it is in the ring. */
        double[] row(int r) {
            return padded[slot(r)];
        }

        /** The ring slot holding row {@code r}, filling it first if needed. */
        int slot(int r) {
            int s = Math.floorMod(r, ringSize);
            if (rowInSlot[s] != r) {
                fill(r, padded[s]);
                for (int k = 0; k < widths.length; k++) {
                    slide(padded[s], widths[k], min[k][s], max[k][s]);
                }
                rowInSlot[s] = r;
            }
            return s;
        }

        private void fill(int r, double[] dest) {
            int source = border.map(r, img.height());
            if (source < 0) {
                Arrays.fill(dest, 0);
                return;
            }
            img.readRow(source, dest, cols);
            int w = img.width();
            for (int c = -cols; c < 0; c++) {
                int s = border.map(c, w);
                dest[cols + c] = s < 0 ? 0 : dest[cols + s];
            }
            for (int c = w; c < w + cols; c++) {
                int s = border.map(c, w);
                dest[cols + c] = s < 0 ? 0 : dest[cols + s];
            }
        }

        /** Sliding minimum and maximum of the windows {@code [j, j + width)}, stored at j (van Herk/Gil–Werman). */
        private void slide(double[] x, int width, double[] lo, double[] hi) {
            int n = x.length;
            if (width == 1) {
                System.arraycopy(x, 0, lo, 0, n);
                System.arraycopy(x, 0, hi, 0, n);
                return;
            }
            // In blocks of `width`: extremes from each block's start (prefix) and to each block's end (suffix); a
            // window starting at j covers the suffix of j's block and the prefix of the next one up to j + width - 1.
            for (int start = 0; start < n; start += width) {
                int end = Math.min(n, start + width);
                prefixLo[start] = x[start];
                prefixHi[start] = x[start];
                for (int j = start + 1; j < end; j++) {
                    prefixLo[j] = Math.min(prefixLo[j - 1], x[j]);
                    prefixHi[j] = Math.max(prefixHi[j - 1], x[j]);
                }
                suffixLo[end - 1] = x[end - 1];
                suffixHi[end - 1] = x[end - 1];
                for (int j = end - 2; j >= start; j--) {
                    suffixLo[j] = Math.min(suffixLo[j + 1], x[j]);
                    suffixHi[j] = Math.max(suffixHi[j + 1], x[j]);
                }
            }
            int full = n - width + 1;
            for (int j = 0; j < full; j++) {
                lo[j] = Math.min(suffixLo[j], prefixLo[j + width - 1]);
                hi[j] = Math.max(suffixHi[j], prefixHi[j + width - 1]);
            }
            // Windows that run past the end are never read; fill them with their truncated extremes for tidiness.
            for (int j = Math.max(0, full); j < n; j++) {
                lo[j] = suffixLo[j];
                hi[j] = suffixHi[j];
            }
        }
    }
}
