package jug.vision.morph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import jug.vision.GrayImage;
import jug.vision.GrayU8;
import jug.vision.Parallelism;
import jug.vision.StructuringElement;

/**
 * Computes {@code out[r, c] = op over members (dr, dc) of in[r + dr, c + dc]}, where op is a lane-wise min, max,
 * and or or, and members that fall outside the image are skipped (they read the identity).
 *
 * <p>Members are grouped by row offset, and rows whose column offsets are the same set are reduced first, without
 * shifting; then each distinct column offset costs one shifted pass. So a {@code h × w} rectangle costs
 * {@code h + w} whole-row passes instead of {@code h·w} (the separable min of 3 rows, then of 3 columns, for the 3×3
 * square), a cross costs 5, and any other element one pass per member at worst.
 */
final class FlatFilter {
    private final int[][] groupRows;
    private final int[][] groupCols;
    private final int minRow;
    private final int maxRow;

    private FlatFilter(int[][] groupRows, int[][] groupCols) {
        this.groupRows = groupRows;
        this.groupCols = groupCols;
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int[] rows : groupRows) {
            for (int dr : rows) {
                lo = Math.min(lo, dr);
                hi = Math.max(hi, dr);
            }
        }
        this.minRow = lo;
        this.maxRow = hi;
    }

    /**
     * Flat erosion ({@code out[x] = min over b of in[x + b]}) or dilation ({@code out[x] = max over b of in[x - b]},
     * the element reflected, as scipy does) of {@code in} into {@code out}, which has its type and shape and does
     * not share its array. Outside pixels never win. With {@code binary}, {@code in} is read as a mask (nonzero
     * true) and {@code out} receives 0 and 1.
     */
    static void erodeOrDilate(GrayImage in, StructuringElement se, boolean dilate, boolean binary, GrayImage out) {
        int[] dr = se.rowOffsets();
        int[] dc = se.colOffsets();
        if (dilate) {
            for (int k = 0; k < dr.length; k++) {
                dr[k] = -dr[k];
                dc[k] = -dc[k];
            }
        }
        apply(in, dr, dc, dilate, binary, out);
    }

    /** {@code out[x] = op over k of in[x + (dr[k], dc[k])]}, op the max if {@code max}, else the min. */
    static void apply(GrayImage in, int[] dr, int[] dc, boolean max, boolean binary, GrayImage out) {
        if (in.height() == 0 || in.width() == 0) {
            return;
        }
        FlatFilter plan = of(dr, dc);
        int maxShift = 0;
        for (int d : dc) {
            maxShift = Math.max(maxShift, Math.abs(d));
        }
        int shift = Math.min(maxShift, in.width());
        if (binary || in instanceof GrayU8) {
            PackedBytes.Op op = binary ? (max ? PackedBytes.Op.OR : PackedBytes.Op.AND)
                    : (max ? PackedBytes.Op.MAX : PackedBytes.Op.MIN);
            plan.run(in.height(), in.width(), () -> new PackedBytes((GrayU8) in, (GrayU8) out, op, shift));
        } else {
            plan.run(in.height(), in.width(), () -> DoubleLanes.into(in, max, out));
        }
    }

    /** The plan for the given member offsets; there must be at least one. */
    static FlatFilter of(int[] rowOffsets, int[] colOffsets) {
        Map<Integer, List<Integer>> colsByRow = new TreeMap<>();
        for (int k = 0; k < rowOffsets.length; k++) {
            colsByRow.computeIfAbsent(rowOffsets[k], x -> new ArrayList<>()).add(colOffsets[k]);
        }
        Map<String, int[]> colsByKey = new LinkedHashMap<>();
        Map<String, List<Integer>> rowsByKey = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<Integer>> e : colsByRow.entrySet()) {
            int[] cols = e.getValue().stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
            String key = Arrays.toString(cols);
            colsByKey.put(key, cols);
            rowsByKey.computeIfAbsent(key, x -> new ArrayList<>()).add(e.getKey());
        }
        int[][] rows = new int[colsByKey.size()][];
        int[][] cols = new int[colsByKey.size()][];
        int g = 0;
        for (String key : colsByKey.keySet()) {
            rows[g] = rowsByKey.get(key).stream().mapToInt(Integer::intValue).toArray();
            cols[g] = colsByKey.get(key);
            g++;
        }
        return new FlatFilter(rows, cols);
    }

    /** Runs the filter over every row, in bands across threads for large images; one {@code Lanes} per band. */
    <B> void run(int height, int width, Supplier<? extends Lanes<B>> lanesPerBand) {
        Parallelism.forRows(height, width, (from, to) -> runRows(lanesPerBand.get(), height, from, to));
    }

    private <B> void runRows(Lanes<B> lanes, int height, int from, int to) {
        // Input rows are loaded once per band into a ring of buffers indexed by row, since each is read by
        // up to (maxRow - minRow + 1) output rows.
        int span = maxRow - minRow + 1;
        List<B> ring = new ArrayList<>(span);
        int[] ringRow = new int[span];
        Arrays.fill(ringRow, -1);
        for (int i = 0; i < span; i++) {
            ring.add(lanes.newBuffer());
        }
        B acc = lanes.newBuffer();
        B vertical = lanes.newBuffer();
        B shifted = lanes.newBuffer();
        for (int r = from; r < to; r++) {
            boolean accSet = false;
            for (int g = 0; g < groupRows.length; g++) {
                B v = null;
                for (int dr : groupRows[g]) {
                    int sr = r + dr;
                    if (sr < 0 || sr >= height) {
                        continue;
                    }
                    int slot = Math.floorMod(sr, span);
                    B row = ring.get(slot);
                    if (ringRow[slot] != sr) {
                        lanes.load(sr, row);
                        ringRow[slot] = sr;
                    }
                    if (v == null) {
                        v = row;
                    } else {
                        lanes.combine(v, row, vertical);
                        v = vertical;
                    }
                }
                if (v == null) {
                    continue;
                }
                int[] cols = groupCols[g];
                if (cols.length > 1 || cols[0] != 0) {
                    lanes.beginShifts(v);
                }
                for (int dc : cols) {
                    B term = v;
                    if (dc != 0) {
                        term = accSet ? shifted : acc; // the row's first term is shifted straight into acc
                        lanes.shifted(dc, term);
                    }
                    if (accSet) {
                        lanes.combine(acc, term);
                    } else {
                        if (term != acc) {
                            lanes.copy(term, acc);
                        }
                        accSet = true;
                    }
                }
            }
            if (!accSet) {
                lanes.fillIdentity(acc);
            }
            lanes.store(acc, r);
        }
    }
}
