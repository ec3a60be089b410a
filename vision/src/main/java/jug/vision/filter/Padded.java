package jug.vision.filter;

import java.util.Arrays;
import jug.vision.Border;
import jug.vision.GrayImage;

/**
 * A float64 copy of an image with a margin filled by a border mode, so that neighbourhood kernels read every
 * neighbour with plain index arithmetic and no per-pixel border test.
 */
final class Padded {
    final double[] data;
    final int stride;
    private final int top;
    private final int left;

    private Padded(double[] data, int stride, int top, int left) {
        this.data = data;
        this.stride = stride;
        this.top = top;
        this.left = left;
    }

    /**
     * Pads a non-empty image by just enough for every offset {@code (dr[k], dc[k])} from every pixel to land in the
     * padded copy, reading outside pixels as {@code border} says.
     */
    static Padded around(GrayImage in, int[] dr, int[] dc, Border border, double cval) {
        int top = 0;
        int bottom = 0;
        int left = 0;
        int right = 0;
        for (int k = 0; k < dr.length; k++) {
            top = Math.max(top, -dr[k]);
            bottom = Math.max(bottom, dr[k]);
            left = Math.max(left, -dc[k]);
            right = Math.max(right, dc[k]);
        }
        return of(in, top, bottom, left, right, border, cval);
    }

    /** Pads a non-empty image by the given margins, reading outside pixels as {@code border} says. */
    static Padded of(GrayImage in, int top, int bottom, int left, int right, Border border, double cval) {
        int h = in.height();
        int w = in.width();
        int stride = left + w + right;
        int rows = top + h + bottom;
        double[] data = new double[Math.multiplyExact(rows, stride)];
        int[] colMap = new int[stride];
        for (int j = 0; j < stride; j++) {
            colMap[j] = border.map(j - left, w);
        }
        for (int pr = 0; pr < rows; pr++) {
            int base = pr * stride;
            int source = border.map(pr - top, h);
            if (source < 0) {
                Arrays.fill(data, base, base + stride, cval);
                continue;
            }
            int first = base + left;
            in.readRow(source, data, first);
            for (int j = 0; j < left; j++) {
                data[base + j] = colMap[j] < 0 ? cval : data[first + colMap[j]];
            }
            for (int j = left + w; j < stride; j++) {
                data[base + j] = colMap[j] < 0 ? cval : data[first + colMap[j]];
            }
        }
        return new Padded(data, stride, top, left);
    }

    /** Index in {@link #data} of source pixel (row, col); row and col may lie in the margin. */
    int index(int row, int col) {
        return (row + top) * stride + left + col;
    }
}
