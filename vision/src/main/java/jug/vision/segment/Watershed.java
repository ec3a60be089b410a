package jug.vision.segment;

import java.util.Arrays;
import jug.vision.DType;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU8;
import jug.vision.StructuringElement;

/**
 * Seeded watershed: floods a surface from labelled markers, each pixel joining the basin that reaches it first in
 * order of surface value (mahotas's {@code cwatershed}).
 */
public final class Watershed {
    private static final byte WHITE = 0;
    private static final byte GREY = 1;
    private static final byte BLACK = 2;
    private static final byte OUTSIDE = 3;
    /** Integer surfaces whose values span at most this many levels use the bucket queue. */
    private static final int MAX_BUCKETS = 1 << 16;

    private Watershed() {
    }

    /**
     * Floods {@code surface} from the nonzero pixels of {@code markers}, with neighbours given by {@code connectivity}
     * (mahotas's default is the cross), and returns the basin label of every pixel.
     *
     * <p>Semantics are mahotas's: every marker pixel is queued in raster order with its own surface value as
     * priority; the queue pops the lowest value, first-in first-out among equal values; a popped pixel gives its
     * label to every neighbour inside the image that has not been reached yet and queues it with that neighbour's
     * own surface value (not the maximum along the path). Labels are never revised. Pixels no marker can reach stay
     * 0. The surface may have any dtype and is compared by value; mahotas keeps the priority in a C {@code int}, so
     * there float surfaces are truncated to integers first and fractional differences are ignored. Markers must be
     * an integer image; the result is S32 (mahotas gives int64).
     */
    public static GrayS32 cwatershed(GrayImage surface, GrayImage markers, StructuringElement connectivity) {
        return flood(surface, markers, connectivity, false).labels();
    }

    /**
     * As {@link #cwatershed}, and also marks the watershed lines: a pixel is on a line when, at the time a
     * neighbour from another basin is popped, it is already queued for a different basin. mahotas returns its
     * lines array without clearing it first, so its lines include stray pixels (even markers); these lines are a
     * subset of mahotas's on its own oracle.
     */
    public static Basins cwatershedWithLines(GrayImage surface, GrayImage markers, StructuringElement connectivity) {
        return flood(surface, markers, connectivity, true);
    }

    private static Basins flood(GrayImage surface, GrayImage markers, StructuringElement se, boolean withLines) {
        GrayImage.requireSameShape("surface", surface, "markers", markers);
        if (!markers.dtype().isInteger()) {
            throw new IllegalArgumentException("markers must be an integer image (U8, U16 or S32): "
                    + markers.dtype().numpyName());
        }
        int h = surface.height();
        int w = surface.width();
        int margin = 0;
        for (int k = 0; k < se.size(); k++) {
            margin = Math.max(margin, Math.max(Math.abs(se.rowOffset(k)), Math.abs(se.colOffset(k))));
        }
        // A frame of OUTSIDE pixels as wide as the element's reach replaces every bounds check in the loop.
        int pw = w + 2 * margin;
        int ph = h + 2 * margin;
        long paddedSize = (long) pw * ph;
        if (paddedSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image too large for watershed with this element: " + surface.shape());
        }
        int n = (int) paddedSize;
        int[] delta = new int[se.size()];
        int nd = 0;
        for (int k = 0; k < se.size(); k++) {
            int d = se.rowOffset(k) * pw + se.colOffset(k);
            if (d != 0) {
                delta[nd++] = d;
            }
        }
        delta = Arrays.copyOf(delta, nd);

        byte[] status = new byte[n];
        Arrays.fill(status, OUTSIDE);
        for (int r = 0; r < h; r++) {
            int start = (r + margin) * pw + margin;
            Arrays.fill(status, start, start + w, WHITE);
        }
        FloodQueue queue = queueFor(surface, margin, pw, n);
        int[] label = new int[n];
        double[] mrow = new double[w];
        for (int r = 0; r < h; r++) {
            Rows.read(markers, r, mrow);
            int start = (r + margin) * pw + margin;
            for (int c = 0; c < w; c++) {
                if (mrow[c] != 0) {
                    label[start + c] = (int) mrow[c];
                    status[start + c] = GREY;
                    queue.push(start + c);
                }
            }
        }
        byte[] lines = withLines ? new byte[n] : null;
        for (int p = queue.pop(); p >= 0; p = queue.pop()) {
            status[p] = BLACK;
            int lab = label[p];
            for (int d : delta) {
                int q = p + d;
                byte s = status[q];
                if (s == WHITE) {
                    status[q] = GREY;
                    label[q] = lab;
                    queue.push(q);
                } else if (lines != null && s == GREY && label[q] != lab) {
                    lines[q] = 1;
                }
            }
        }
        GrayS32 out = new GrayS32(h, w);
        GrayU8 outLines = new GrayU8(h, w);
        for (int r = 0; r < h; r++) {
            int start = (r + margin) * pw + margin;
            System.arraycopy(label, start, out.data(), r * w, w);
            if (lines != null) {
                System.arraycopy(lines, start, outLines.data(), r * w, w);
            }
        }
        return new Basins(out, outLines);
    }

    /** A bucket queue for integer surfaces spanning few levels, else a heap on order-preserving long keys. */
    private static FloodQueue queueFor(GrayImage surface, int margin, int pw, int n) {
        int h = surface.height();
        int w = surface.width();
        double[] row = new double[w];
        if (surface.dtype().isInteger()) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < h; r++) {
                Rows.read(surface, r, row);
                for (int c = 0; c < w; c++) {
                    min = Math.min(min, row[c]);
                    max = Math.max(max, row[c]);
                }
            }
            if (surface.dtype() != DType.S32 || max - min < MAX_BUCKETS) {
                int base = h * w == 0 ? 0 : (int) min;
                int[] key = new int[n];
                for (int r = 0; r < h; r++) {
                    Rows.read(surface, r, row);
                    int start = (r + margin) * pw + margin;
                    for (int c = 0; c < w; c++) {
                        key[start + c] = (int) row[c] - base;
                    }
                }
                return new FloodQueue.Buckets(key, h * w == 0 ? 1 : (int) (max - min) + 1);
            }
        }
        long[] key = new long[n];
        for (int r = 0; r < h; r++) {
            Rows.read(surface, r, row);
            int start = (r + margin) * pw + margin;
            for (int c = 0; c < w; c++) {
                key[start + c] = sortable(row[c]);
            }
        }
        return new FloodQueue.Heap(key, h * w);
    }

    /** A long that orders as the double does (with -0.0 equal to 0.0 and NaN after +Infinity). */
    static long sortable(double v) {
        long bits = Double.doubleToLongBits(v + 0.0);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }
}
