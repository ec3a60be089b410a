package jug.vision.label;

/**
 * An axis-aligned bounding box in pixel coordinates, with exclusive ends as in numpy slices and mahotas's
 * {@code bbox}: the box covers rows {@code rowStart..rowEnd-1} and columns {@code colStart..colEnd-1}.
 *
 * <p>An empty region has the box {@code (0, 0, 0, 0)}, as in mahotas.
 *
 * @param rowStart first row
 * @param rowEnd   one past the last row
 * @param colStart first column
 * @param colEnd   one past the last column
 */
public record Box(int rowStart, int rowEnd, int colStart, int colEnd) {
    /** The box of an empty region. */
    public static final Box EMPTY = new Box(0, 0, 0, 0);

    /** Checks that neither start is negative nor after its end. */
    public Box {
        if (rowStart < 0 || colStart < 0) {
            throw new IllegalArgumentException("negative start: (" + rowStart + ", " + colStart + ")");
        }
        if (rowEnd < rowStart || colEnd < colStart) {
            throw new IllegalArgumentException("end before start: rows " + rowStart + ".." + rowEnd
                    + ", cols " + colStart + ".." + colEnd);
        }
    }

    /** Number of rows covered. */
    public int height() {
        return rowEnd - rowStart;
    }

    /** Number of columns covered. */
    public int width() {
        return colEnd - colStart;
    }

    /** True if the box covers no pixel. */
    public boolean isEmpty() {
        return rowEnd == rowStart || colEnd == colStart;
    }

    /**
     * This box grown by {@code border} pixels on every side and clipped to a {@code height × width} image (mahotas
     * clips only at 0, so its ends can lie past the image); an empty box stays empty.
     */
    public Box expand(int border, int height, int width) {
        if (border < 0) {
            throw new IllegalArgumentException("border < 0: " + border);
        }
        if (isEmpty()) {
            return this;
        }
        return new Box(Math.max(rowStart - border, 0), (int) Math.min((long) rowEnd + border, height),
                Math.max(colStart - border, 0), (int) Math.min((long) colEnd + border, width));
    }
}
