package jug.vision.segment;

import java.util.Arrays;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU16;
import jug.vision.GrayU8;
import jug.vision.StructuringElement;

/**
 * Seeded watershed: floods a surface from labelled markers, each pixel joining the basin that reaches it first in
 * order of surface value (mahotas's {@code cwatershed}).
 */
public final class Watershed {
    /** Surfaces spanning at most this many integer levels, or taking at most this many values, use buckets. */
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
        GrayS32 out = new GrayS32(surface.height(), surface.width());
        new Flood(surface, markers, connectivity, false).run(out, null);
        return out;
    }

    /**
     * As {@link #cwatershed}, and also marks the watershed lines: a pixel is on a line when, at the time a
     * neighbour from another basin is popped, it is already queued for a different basin. mahotas returns its
     * lines array without clearing it first, so its lines include stray pixels (even markers); these lines are a
     * subset of mahotas's on its own oracle.
     */
    public static Basins cwatershedWithLines(GrayImage surface, GrayImage markers, StructuringElement connectivity) {
        GrayS32 out = new GrayS32(surface.height(), surface.width());
        GrayU8 lines = new GrayU8(surface.height(), surface.width());
        new Flood(surface, markers, connectivity, true).run(out, lines);
        return new Basins(out, lines);
    }

    /**
     * One flooding. Each pixel has one int "cell" on a grid padded by the element's reach: the high bits hold the
     * pixel's bucket (bucket queue only) and the low {@code labelBits} its label, 0 meaning not reached yet. So a
     * neighbour test reads one array, the memory traffic that bounds this algorithm. Frame cells have a nonzero
     * label and are never reached, which replaces every bounds check. Labels are the marker values themselves when
     * they fit, else dense indices into {@code values}.
     */
    private static final class Flood {
        private final int h;
        private final int w;
        private final int margin;
        private final int pw;
        private final int[] delta;
        private final int[] cell;
        private final int labelBits;
        private final int labelMask;
        private final int[] values;
        private final FloodQueue queue;

        Flood(GrayImage surface, GrayImage markers, StructuringElement se, boolean withLines) {
            GrayImage.requireSameShape("surface", surface, "markers", markers);
            if (!markers.dtype().isInteger()) {
                throw new IllegalArgumentException("markers must be an integer image (U8, U16 or S32): "
                        + markers.dtype().numpyName());
            }
            h = surface.height();
            w = surface.width();
            int reach = 0;
            for (int k = 0; k < se.size(); k++) {
                reach = Math.max(reach, Math.max(Math.abs(se.rowOffset(k)), Math.abs(se.colOffset(k))));
            }
            margin = reach;
            pw = w + 2 * margin;
            long size = (long) pw * (h + 2 * margin);
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("image too large for watershed with this element: " + surface.shape());
            }
            cell = new int[(int) size];
            delta = offsets(se, pw);

            int[] range = markerRange(markers);
            int min = range[0];
            int max = range[1];
            // Buckets for integer surfaces spanning few levels, or any surface taking few distinct values; their
            // number fixes how many high bits they need.
            int[] levels = surface.dtype().isInteger() ? levels(surface) : null;
            LevelTable table = levels == null ? LevelTable.of(surface, MAX_BUCKETS) : null;
            if (table != null) {
                levels = new int[] {0, Math.max(table.size() - 1, 0)};
            }
            int bucketBits = levels == null ? 0 : 32 - Integer.numberOfLeadingZeros(levels[1] - levels[0]);
            int identityBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(max));
            if (min >= 0 && identityBits + bucketBits <= 32) {
                values = null;
                labelBits = identityBits;
            } else {
                values = distinctMarkers(markers);
                labelBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(values.length));
            }
            labelMask = labelBits == 32 ? -1 : (1 << labelBits) - 1;
            boolean buckets = levels != null && labelBits + bucketBits <= 32;
            long[] heapKeys = null;
            if (buckets) {
                queue = new FloodQueue.Buckets(levels[1] - levels[0] + 1);
            } else {
                heapKeys = new long[cell.length];
                queue = new FloodQueue.Heap(heapKeys, h * w);
            }
            frame();
            // One pass fills each cell with its bucket and marker label (and the heap keys when there are any).
            int[] mrow = new int[w];
            double[] srow = new double[w];
            int base = buckets ? levels[0] : 0;
            for (int r = 0; r < h; r++) {
                markerRow(markers, r, mrow);
                int start = (r + margin) * pw + margin;
                if (buckets && surface instanceof GrayU8 u8 && base == 0) {
                    byte[] d = u8.data();
                    int from = u8.index(r, 0);
                    for (int c = 0; c < w; c++) {
                        cell[start + c] = (d[from + c] & 0xFF) << labelBits | label(mrow[c]);
                    }
                    continue;
                }
                surface.readRow(r, srow);
                for (int c = 0; c < w; c++) {
                    if (buckets) {
                        int bucket = table != null ? table.rankOf(sortable(srow[c])) : (int) srow[c] - base;
                        cell[start + c] = bucket << labelBits | label(mrow[c]);
                    } else {
                        cell[start + c] = label(mrow[c]);
                        heapKeys[start + c] = sortable(srow[c]);
                    }
                }
            }
            for (int r = 0; r < h; r++) {
                markerRow(markers, r, mrow);
                int start = (r + margin) * pw + margin;
                for (int c = 0; c < w; c++) {
                    int p = start + c;
                    // A marker whose neighbours are all reached already can never act when popped, and leaving it
                    // out shifts no other entry's order; with lines it still has to mark queued neighbours.
                    if (mrow[c] != 0 && (withLines || !enclosed(p))) {
                        queue.push(p, cell[p] >>> labelBits);
                    }
                }
            }
        }

        private int label(int marker) {
            return values == null || marker == 0 ? marker : Arrays.binarySearch(values, marker) + 1;
        }

        private boolean enclosed(int p) {
            for (int d : delta) {
                if ((cell[p + d] & labelMask) == 0) {
                    return false;
                }
            }
            return true;
        }

        void run(GrayS32 out, GrayU8 lines) {
            byte[] line = null;
            if (lines == null) {
                flood();
            } else {
                line = new byte[cell.length];
                floodWithLines(line);
            }
            int[] o = out.data();
            for (int r = 0; r < h; r++) {
                int start = (r + margin) * pw + margin;
                for (int c = 0; c < w; c++) {
                    int label = cell[start + c] & labelMask;
                    o[r * w + c] = values == null || label == 0 ? label : values[label - 1];
                }
                if (line != null) {
                    System.arraycopy(line, start, lines.data(), r * w, w);
                }
            }
        }

        private void flood() {
            int[] cell = this.cell;
            int mask = labelMask;
            int bits = labelBits;
            for (int p = queue.pop(); p >= 0; p = queue.pop()) {
                int label = cell[p] & mask;
                for (int d : delta) {
                    int q = p + d;
                    int x = cell[q];
                    if ((x & mask) == 0) {
                        cell[q] = x | label;
                        queue.push(q, x >>> bits);
                    }
                }
            }
        }

        private void floodWithLines(byte[] line) {
            // done[q]: popped already, or part of the frame; a reached pixel that is not done is still queued.
            byte[] done = new byte[cell.length];
            Arrays.fill(done, (byte) 1);
            for (int r = 0; r < h; r++) {
                int start = (r + margin) * pw + margin;
                Arrays.fill(done, start, start + w, (byte) 0);
            }
            for (int p = queue.pop(); p >= 0; p = queue.pop()) {
                done[p] = 1;
                int label = cell[p] & labelMask;
                for (int d : delta) {
                    int q = p + d;
                    int x = cell[q];
                    int lq = x & labelMask;
                    if (lq == 0) {
                        cell[q] = x | label;
                        queue.push(q, x >>> labelBits);
                    } else if (done[q] == 0 && lq != label) {
                        line[q] = 1;
                    }
                }
            }
        }

        private void frame() {
            int outside = labelMask;
            Arrays.fill(cell, 0, margin * pw + margin, outside);
            for (int r = 0; r < h; r++) {
                int end = (r + margin + 1) * pw + margin;
                Arrays.fill(cell, end - 2 * margin, Math.min(end, cell.length), outside);
            }
            Arrays.fill(cell, (h + margin) * pw, cell.length, outside);
        }

        /** {min, max} of an integer surface if it spans at most MAX_BUCKETS levels (always for U8, U16), else null. */
        private static int[] levels(GrayImage surface) {
            if (surface.size() == 0) {
                return new int[] {0, 0};
            }
            if (surface instanceof GrayU8) {
                return new int[] {0, 255};
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double[] row = new double[surface.width()];
            for (int r = 0; r < surface.height(); r++) {
                surface.readRow(r, row);
                for (double v : row) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            return max - min < MAX_BUCKETS ? new int[] {(int) min, (int) max} : null;
        }

        private static void markerRow(GrayImage markers, int r, int[] row) {
            int base = markers.index(r, 0);
            if (markers instanceof GrayS32 s) {
                System.arraycopy(s.data(), base, row, 0, row.length);
            } else if (markers instanceof GrayU8 u) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = u.data()[base + c] & 0xFF;
                }
            } else {
                short[] d = ((GrayU16) markers).data();
                for (int c = 0; c < row.length; c++) {
                    row[c] = d[base + c] & 0xFFFF;
                }
            }
        }

        /** {min, max} of the marker values, 0 included. */
        private static int[] markerRange(GrayImage markers) {
            int min = 0;
            int max = 0;
            int[] row = new int[markers.width()];
            for (int r = 0; r < markers.height(); r++) {
                markerRow(markers, r, row);
                for (int v : row) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            return new int[] {min, max};
        }

        private static int[] distinctMarkers(GrayImage markers) {
            int[] row = new int[markers.width()];
            int[] found = new int[16];
            int n = 0;
            for (int r = 0; r < markers.height(); r++) {
                markerRow(markers, r, row);
                for (int v : row) {
                    if (v != 0) {
                        if (n == found.length) {
                            found = Arrays.copyOf(found, 2 * n);
                        }
                        found[n++] = v;
                    }
                }
            }
            return Arrays.stream(found, 0, n).sorted().distinct().toArray();
        }

        private static int[] offsets(StructuringElement se, int pw) {
            int[] delta = new int[se.size()];
            int n = 0;
            for (int k = 0; k < se.size(); k++) {
                int d = se.rowOffset(k) * pw + se.colOffset(k);
                if (d != 0) {
                    delta[n++] = d;
                }
            }
            return Arrays.copyOf(delta, n);
        }
    }

    /** A long that orders as the double does (with -0.0 equal to 0.0 and NaN after +Infinity). */
    static long sortable(double v) {
        long bits = Double.doubleToLongBits(v + 0.0);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }
}
