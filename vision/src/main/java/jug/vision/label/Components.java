package jug.vision.label;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU8;
import jug.vision.StructuringElement;

/**
 * Connected-component labelling. The 4- and 8-connected cases work on runs of foreground pixels (one union-find
 * node per run rather than per pixel), which is what makes them fast; any other element uses a per-pixel union-find.
 * In both, the root of a set is always its smallest member, so the first run or pixel in raster order names the
 * component and numbering roots in raster order gives mahotas's and scipy's label order.
 */
final class Components {
    /** Reads eight mask bytes at once, so that runs of background are skipped a word at a time. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Components() {
    }

    /** Which algorithm an element calls for, from the symmetric closure of its non-origin offsets. */
    enum Connectivity { FOUR, EIGHT, GENERIC }

    static Connectivity classify(StructuringElement se) {
        boolean[] seen = new boolean[9];
        boolean beyondSquare = false;
        for (int k = 0; k < se.size(); k++) {
            int dr = se.rowOffset(k);
            int dc = se.colOffset(k);
            if (dr == 0 && dc == 0) {
                continue;
            }
            if (Math.abs(dr) > 1 || Math.abs(dc) > 1) {
                beyondSquare = true;
                continue;
            }
            seen[(dr + 1) * 3 + dc + 1] = true;
            seen[(1 - dr) * 3 + 1 - dc] = true;
        }
        if (beyondSquare) {
            return Connectivity.GENERIC;
        }
        boolean edges = seen[1] && seen[3] && seen[5] && seen[7];
        boolean corners = seen[0] && seen[2] && seen[6] && seen[8];
        boolean noCorners = !seen[0] && !seen[2] && !seen[6] && !seen[8];
        if (edges && corners) {
            return Connectivity.EIGHT;
        }
        return edges && noCorners ? Connectivity.FOUR : Connectivity.GENERIC;
    }

    /**
     * Labels {@code mask} (nonzero bytes are foreground) into {@code out}, which may be a view and, unless
     * {@code zeroed}, may hold anything; returns the count.
     */
    static int label(GrayU8 mask, StructuringElement se, GrayS32 out, boolean zeroed) {
        return switch (classify(se)) {
            case FOUR -> labelRuns(mask, false, out, zeroed);
            case EIGHT -> labelRuns(mask, true, out, zeroed);
            case GENERIC -> labelPixels(mask, se, out);
        };
    }

    /** A view of the image as a U8 mask: the image itself if it is U8, else a new 0/1 mask of its nonzero pixels. */
    static GrayU8 foreground(GrayImage image) {
        if (image instanceof GrayU8 u8) {
            return u8;
        }
        int h = image.height();
        int w = image.width();
        GrayU8 mask = new GrayU8(h, w);
        byte[] m = mask.data();
        for (int r = 0; r < h; r++) {
            int base = image.index(r, 0);
            for (int c = 0; c < w; c++) {
                // NaN != 0, so NaN pixels are foreground, as numpy's (a != 0) has them.
                m[r * w + c] = (byte) (image.valueAt(base + c) != 0 ? 1 : 0);
            }
        }
        return mask;
    }

    private static int labelRuns(GrayU8 mask, boolean eight, GrayS32 out, boolean zeroed) {
        int h = mask.height();
        int w = mask.width();
        byte[] d = mask.data();
        RunList runs = new RunList(Math.max(16, h * 4));
        int[] rowFirst = new int[h + 1];
        int diagonal = eight ? 1 : 0;
        int prevFirst = 0;
        for (int r = 0; r < h; r++) {
            int base = mask.index(r, 0);
            int first = runs.size;
            rowFirst[r] = first;
            int j = prevFirst;
            int end = base + w;
            int at = base;
            while (true) {
                at = nextNonZero(d, at, end);
                if (at == end) {
                    break;
                }
                int start = at - base;
                at = nextZero(d, at, end);
                int c = at - base;
                int k = runs.add(start, c);
                // Runs of the previous row are sorted, so one pointer sweeps them once per row.
                int lo = start - diagonal;
                int hi = c + diagonal;
                while (j < first && runs.end[j] <= lo) {
                    j++;
                }
                for (int i = j; i < first && runs.start[i] < hi; i++) {
                    runs.union(k, i);
                }
            }
            prevFirst = first;
        }
        rowFirst[h] = runs.size;
        int count = runs.number();
        int[] o = out.data();
        for (int r = 0; r < h; r++) {
            int base = out.index(r, 0);
            if (!zeroed) {
                Arrays.fill(o, base, base + w, 0);
            }
            for (int k = rowFirst[r]; k < rowFirst[r + 1]; k++) {
                Arrays.fill(o, base + runs.start[k], base + runs.end[k], runs.parent[k]);
            }
        }
        return count;
    }

    /** The index of the first nonzero byte in {@code [i, end)}, or {@code end}. */
    static int nextNonZero(byte[] d, int i, int end) {
        while (i + 8 <= end) {
            long v = (long) LONGS.get(d, i);
            if (v != 0) {
                return i + (Long.numberOfTrailingZeros(v) >>> 3);
            }
            i += 8;
        }
        while (i < end && d[i] == 0) {
            i++;
        }
        return i;
    }

    /** The index of the first zero byte in {@code [i, end)}, or {@code end}. */
    static int nextZero(byte[] d, int i, int end) {
        while (i + 8 <= end) {
            long v = (long) LONGS.get(d, i);
            // The lowest flagged byte is exactly the first zero byte (borrows only flag bytes above it).
            long zero = (v - ONES) & ~v & HIGHS;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
            i += 8;
        }
        while (i < end && d[i] != 0) {
            i++;
        }
        return i;
    }

    private static int labelPixels(GrayU8 mask, StructuringElement se, GrayS32 out) {
        int h = mask.height();
        int w = mask.width();
        byte[] d = mask.data();
        // Only offsets pointing back in raster order: the pixel they reach has been visited already, and the
        // symmetric closure means each pair is joined once, from its later pixel.
        int[] back = backwardOffsets(se);
        int n = back.length / 2;
        int[] parent = new int[h * w];
        for (int r = 0; r < h; r++) {
            int base = mask.index(r, 0);
            for (int c = 0; c < w; c++) {
                int p = r * w + c;
                if (d[base + c] == 0) {
                    parent[p] = -1;
                    continue;
                }
                parent[p] = p;
                for (int k = 0; k < n; k++) {
                    int rr = r + back[2 * k];
                    int cc = c + back[2 * k + 1];
                    if (rr >= 0 && cc >= 0 && cc < w && parent[rr * w + cc] >= 0) {
                        union(parent, p, rr * w + cc);
                    }
                }
            }
        }
        int count = number(parent, parent.length);
        int[] o = out.data();
        for (int r = 0; r < h; r++) {
            int base = out.index(r, 0);
            for (int c = 0; c < w; c++) {
                o[base + c] = Math.max(parent[r * w + c], 0);
            }
        }
        return count;
    }

    private static int[] backwardOffsets(StructuringElement se) {
        int reach = 0;
        for (int k = 0; k < se.size(); k++) {
            reach = Math.max(reach, Math.max(Math.abs(se.rowOffset(k)), Math.abs(se.colOffset(k))));
        }
        int side = 2 * reach + 1;
        boolean[][] seen = new boolean[side][side];
        for (int k = 0; k < se.size(); k++) {
            int dr = se.rowOffset(k);
            int dc = se.colOffset(k);
            seen[reach + dr][reach + dc] = true;
            seen[reach - dr][reach - dc] = true;
        }
        int[] tmp = new int[2 * side * side];
        int n = 0;
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                int dr = i - reach;
                int dc = j - reach;
                if (seen[i][j] && (dr < 0 || (dr == 0 && dc < 0))) {
                    tmp[n++] = dr;
                    tmp[n++] = dc;
                }
            }
        }
        return Arrays.copyOf(tmp, n);
    }

    /**
     * Turns a union-find forest over {@code [0, n)} into labels in place: roots get 1, 2, ... in index order, other
     * members their root's label, and negative entries (background) are left alone. Returns the number of roots.
     * Relies on {@code parent[x] <= x}, which {@link #union} and path halving keep, so a member's parent has been
     * converted before the member is reached.
     */
    static int number(int[] parent, int n) {
        int count = 0;
        for (int x = 0; x < n; x++) {
            int p = parent[x];
            if (p >= 0) {
                parent[x] = p == x ? ++count : parent[p];
            }
        }
        return count;
    }

    static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /** Joins the sets of a and b, keeping the smaller root so that roots stay first in raster order. */
    static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }

    /** Growable arrays of runs {@code [start, end)} with a union-find parent per run. */
    private static final class RunList {
        int[] start;
        int[] end;
        int[] parent;
        int size;

        RunList(int capacity) {
            start = new int[capacity];
            end = new int[capacity];
            parent = new int[capacity];
        }

        int add(int s, int e) {
            if (size == start.length) {
                int n = size * 2;
                start = Arrays.copyOf(start, n);
                end = Arrays.copyOf(end, n);
                parent = Arrays.copyOf(parent, n);
            }
            start[size] = s;
            end[size] = e;
            parent[size] = size;
            return size++;
        }

        void union(int a, int b) {
            Components.union(parent, a, b);
        }

        /** Replaces each parent by its component's label, 1.. in order of first run; returns the count. */
        int number() {
            return Components.number(parent, size);
        }
    }
}
