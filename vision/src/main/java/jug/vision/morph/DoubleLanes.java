package jug.vision.morph;

import java.util.Arrays;
import jug.vision.GrayImage;

/**
 * Rows of any image type widened to {@code double} (exact for every supported type), combined with
 * {@code Math.min}/{@code Math.max}, which C2 vectorises for doubles. Used for every type but uint8.
 *
 * <p>NaN propagates through {@code Math.min}/{@code Math.max}: a NaN anywhere in the window gives NaN.
 */
final class DoubleLanes extends Lanes<double[]> {
    /** Receives each finished output row. */
    @FunctionalInterface
    interface Sink {
        void accept(double[] values, int row);
    }

    private final GrayImage in;
    private final Sink sink;
    private final boolean max;
    private final double identity;
    private final int width;
    private double[] shiftSource;

    /** Lanes reading {@code in}, taking the maximum if {@code max} (else the minimum), and writing to {@code sink}. */
    DoubleLanes(GrayImage in, boolean max, Sink sink) {
        this.in = in;
        this.sink = sink;
        this.max = max;
        // Where no member lands in the image the result is the identity: ±∞ for floats, the type's limit otherwise.
        if (in.dtype().isFloating()) {
            this.identity = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        } else {
            this.identity = max ? in.dtype().min() : in.dtype().max();
        }
        this.width = in.width();
    }

    /** Lanes that write each row to {@code out}, converted to its type. */
    static DoubleLanes into(GrayImage in, boolean max, GrayImage out) {
        return new DoubleLanes(in, max, (values, row) -> Rows.write(values, out, row));
    }

    @Override
    double[] newBuffer() {
        return new double[width];
    }

    @Override
    void load(int row, double[] dst) {
        in.readRow(row, dst);
    }

    @Override
    void copy(double[] src, double[] dst) {
        System.arraycopy(src, 0, dst, 0, width);
    }

    @Override
    void combine(double[] a, double[] b, double[] dst) {
        if (max) {
            for (int c = 0; c < width; c++) {
                dst[c] = Math.max(a[c], b[c]);
            }
        } else {
            for (int c = 0; c < width; c++) {
                dst[c] = Math.min(a[c], b[c]);
            }
        }
    }

    @Override
    void fillIdentity(double[] dst) {
        Arrays.fill(dst, identity);
    }

    @Override
    void beginShifts(double[] src) {
        shiftSource = src;
    }

    @Override
    void shifted(int dc, double[] dst) {
        int lo = Math.max(0, -dc);
        int hi = Math.min(width, width - dc);
        if (lo >= hi) {
            Arrays.fill(dst, identity);
            return;
        }
        // A copy, so that the combine loop indexes both arrays alike: C2 vectorises only that form.
        System.arraycopy(shiftSource, lo + dc, dst, lo, hi - lo);
        Arrays.fill(dst, 0, lo, identity);
        Arrays.fill(dst, hi, width, identity);
    }

    @Override
    void store(double[] src, int row) {
        sink.accept(src, row);
    }
}
