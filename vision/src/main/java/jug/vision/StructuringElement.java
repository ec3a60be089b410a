package jug.vision;

import java.util.Arrays;

/**
 * A neighbourhood for morphology, labelling and rank filters: a mask of {@code height × width} members whose origin
 * is at {@code (height / 2, width / 2)}, as in mahotas and scipy (so a 2×2 element covers offsets -1 and 0).
 *
 * <p>Immutable. Kernels read it as a list of member offsets {@code (dr, dc)} relative to the origin.
 */
public final class StructuringElement {
    private final int height;
    private final int width;
    private final boolean[] mask;
    private final int[] rowOffsets;
    private final int[] colOffsets;

    private StructuringElement(int height, int width, boolean[] mask) {
        this.height = height;
        this.width = width;
        this.mask = mask;
        int n = 0;
        for (boolean m : mask) {
            if (m) {
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("empty structuring element (" + height + "×" + width
                    + " with no member); give at least one nonzero entry");
        }
        rowOffsets = new int[n];
        colOffsets = new int[n];
        int k = 0;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                if (mask[r * width + c]) {
                    rowOffsets[k] = r - height / 2;
                    colOffsets[k] = c - width / 2;
                    k++;
                }
            }
        }
    }

    /** The 3×3 cross: 4-connectivity, mahotas's default. */
    public static StructuringElement cross() {
        return of(new int[][] {{0, 1, 0}, {1, 1, 1}, {0, 1, 0}});
    }

    /** The 3×3 square: 8-connectivity. */
    public static StructuringElement square() {
        return ones(3, 3);
    }

    /** The element for a connectivity of 4 (the cross) or 8 (the 3×3 square). */
    public static StructuringElement connectivity(int neighbours) {
        return switch (neighbours) {
            case 4 -> cross();
            case 8 -> square();
            default -> throw new IllegalArgumentException("connectivity must be 4 or 8: " + neighbours);
        };
    }

    /** A {@code height × width} block of members. */
    public static StructuringElement ones(int height, int width) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("structuring element shape must be positive: " + height + "×" + width);
        }
        boolean[] mask = new boolean[height * width];
        Arrays.fill(mask, true);
        return new StructuringElement(height, width, mask);
    }

    /**
     * The disk of the given radius on a {@code (2r+1)×(2r+1)} grid: members satisfy {@code dr² + dc² < r²} (strict,
     * as mahotas's {@code disk}); so {@code disk(1)} is the single centre pixel and {@code disk(2)} the 3×3 block.
     */
    public static StructuringElement disk(int radius) {
        if (radius <= 0) {
            throw new IllegalArgumentException("radius <= 0: " + radius);
        }
        int size = 2 * radius + 1;
        boolean[] mask = new boolean[size * size];
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                int dr = r - radius;
                int dc = c - radius;
                mask[r * size + c] = dr * dr + dc * dc < radius * radius;
            }
        }
        return new StructuringElement(size, size, mask);
    }

    /** An element from rows of numbers, nonzero entries being members; rows must have equal lengths. */
    public static StructuringElement of(int[][] rows) {
        int h = rows.length;
        if (h == 0 || rows[0].length == 0) {
            throw new IllegalArgumentException("empty structuring element: no rows or no columns");
        }
        int w = rows[0].length;
        boolean[] mask = new boolean[h * w];
        for (int r = 0; r < h; r++) {
            if (rows[r].length != w) {
                throw new IllegalArgumentException("structuring element row " + r + " has " + rows[r].length
                        + " entries, row 0 has " + w);
            }
            for (int c = 0; c < w; c++) {
                mask[r * w + c] = rows[r][c] != 0;
            }
        }
        return new StructuringElement(h, w, mask);
    }

    /** Number of rows of the mask. */
    public int height() {
        return height;
    }

    /** Number of columns of the mask. */
    public int width() {
        return width;
    }

    /** Number of members. */
    public int size() {
        return rowOffsets.length;
    }

    /** True if mask position (row, col) is a member; (height/2, width/2) is the origin. */
    public boolean contains(int row, int col) {
        if (row < 0 || row >= height || col < 0 || col >= width) {
            return false;
        }
        return mask[row * width + col];
    }

    /** Row offset of member k relative to the origin, for k in {@code [0, size())}. */
    public int rowOffset(int k) {
        return rowOffsets[k];
    }

    /** Column offset of member k relative to the origin, for k in {@code [0, size())}. */
    public int colOffset(int k) {
        return colOffsets[k];
    }

    /** A copy of the member row offsets, in raster order. */
    public int[] rowOffsets() {
        return rowOffsets.clone();
    }

    /** A copy of the member column offsets, in raster order. */
    public int[] colOffsets() {
        return colOffsets.clone();
    }

    /** The element mirrored through its origin (member offsets negated), as dilation uses it. */
    public StructuringElement reflected() {
        int h = 2 * maxAbs(rowOffsets) + 1;
        int w = 2 * maxAbs(colOffsets) + 1;
        boolean[] m = new boolean[h * w];
        for (int k = 0; k < size(); k++) {
            m[(h / 2 - rowOffsets[k]) * w + (w / 2 - colOffsets[k])] = true;
        }
        return new StructuringElement(h, w, m);
    }

    /** True if every member's mirror image is also a member. */
    public boolean isSymmetric() {
        for (int k = 0; k < size(); k++) {
            if (!contains(height / 2 - rowOffsets[k], width / 2 - colOffsets[k])) {
                return false;
            }
        }
        return true;
    }

    private static int maxAbs(int[] values) {
        int m = 0;
        for (int v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StructuringElement that
                && Arrays.equals(that.rowOffsets, rowOffsets) && Arrays.equals(that.colOffsets, colOffsets);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(rowOffsets) + Arrays.hashCode(colOffsets);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("StructuringElement ").append(height).append('×').append(width);
        for (int r = 0; r < height; r++) {
            s.append(r == 0 ? " [" : ", ").append('[');
            for (int c = 0; c < width; c++) {
                s.append(c == 0 ? "" : " ").append(mask[r * width + c] ? 1 : 0);
            }
            s.append(']');
        }
        return s.append(']').toString();
    }
}
