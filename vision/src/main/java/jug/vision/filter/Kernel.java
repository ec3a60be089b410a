package jug.vision.filter;

import java.util.Arrays;

/**
 * The weights of a linear filter for {@link Filters#correlate} and {@link Filters#convolve}: a small immutable
 * {@code height × width} array of doubles whose origin is at {@code (height / 2, width / 2)}, as in scipy and mahotas
 * (so a 2×2 kernel covers offsets -1 and 0 on each axis).
 */
public final class Kernel {
    private final int height;
    private final int width;
    private final double[] weights;

    private Kernel(int height, int width, double[] weights) {
        this.height = height;
        this.width = width;
        this.weights = weights;
    }

    /** A kernel from rows of weights; the rows must be non-empty and of equal length. The array is copied. */
    public static Kernel of(double[][] rows) {
        if (rows.length == 0 || rows[0].length == 0) {
            throw new IllegalArgumentException("empty kernel: no rows or no columns");
        }
        int h = rows.length;
        int w = rows[0].length;
        double[] weights = new double[h * w];
        for (int r = 0; r < h; r++) {
            if (rows[r].length != w) {
                throw new IllegalArgumentException("kernel row " + r + " has " + rows[r].length + " weights, row 0 has " + w);
            }
            System.arraycopy(rows[r], 0, weights, r * w, w);
        }
        return new Kernel(h, w, weights);
    }

    /** A kernel of the given shape from its weights in row-major order; the array is copied. */
    public static Kernel of(int height, int width, double... weights) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("kernel shape must be positive: " + height + "×" + width);
        }
        if (weights.length != (long) height * width) {
            throw new IllegalArgumentException("a " + height + "×" + width + " kernel needs " + (long) height * width
                    + " weights, got " + weights.length);
        }
        return new Kernel(height, width, weights.clone());
    }

    /** Number of rows. */
    public int height() {
        return height;
    }

    /** Number of columns. */
    public int width() {
        return width;
    }

    /** The weight at kernel position (row, col), where (height/2, width/2) is the origin. */
    public double get(int row, int col) {
        if (row < 0 || row >= height || col < 0 || col >= width) {
            throw new IndexOutOfBoundsException("kernel position (" + row + ", " + col + ") is outside a "
                    + height + "×" + width + " kernel");
        }
        return weights[row * width + col];
    }

    /** The kernel rotated by 180 degrees, so that correlating with it is convolving with this one (odd shapes). */
    public Kernel flipped() {
        double[] f = new double[weights.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = weights[f.length - 1 - i];
        }
        return new Kernel(height, width, f);
    }

    /** A copy of the weights as rows. */
    public double[][] toArray() {
        double[][] rows = new double[height][];
        for (int r = 0; r < height; r++) {
            rows[r] = Arrays.copyOfRange(weights, r * width, (r + 1) * width);
        }
        return rows;
    }

    /** The nonzero weights as taps relative to the origin; {@code flip} negates the offsets (true convolution). */
    Taps taps(boolean flip) {
        int n = 0;
        for (double w : weights) {
            if (w != 0) {
                n++;
            }
        }
        int[] dr = new int[n];
        int[] dc = new int[n];
        double[] w = new double[n];
        int k = 0;
        for (int i = 0; i < weights.length; i++) {
            // For a convolution the source offset of weight (r, c) is -(r - h/2), -(c - w/2); walking the kernel
            // backwards keeps the taps in raster order of the source, the order scipy sums in.
            int j = flip ? weights.length - 1 - i : i;
            if (weights[j] == 0) {
                continue;
            }
            int r = j / width - height / 2;
            int c = j % width - width / 2;
            dr[k] = flip ? -r : r;
            dc[k] = flip ? -c : c;
            w[k] = weights[j];
            k++;
        }
        return new Taps(dr, dc, w);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Kernel that && that.height == height && that.width == width
                && Arrays.equals(that.weights, weights);
    }

    @Override
    public int hashCode() {
        return (31 * height + width) * 31 + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "Kernel " + height + "×" + width + " " + Arrays.deepToString(toArray());
    }
}
