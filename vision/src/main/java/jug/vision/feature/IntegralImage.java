package jug.vision.feature;

import jug.vision.GrayImage;

/** Summed-area table of an image, for O(1) box sums: {@code sum(y0, x0, y1, x1)} over rows [y0, y1), cols [x0, x1). */
final class IntegralImage {
    final int height;
    final int width;
    private final int stride;
    /** (height + 1) × (width + 1); row 0 and column 0 are zero, so no box needs a special case at the top or left. */
    private final double[] table;

    IntegralImage(GrayImage image) {
        height = image.height();
        width = image.width();
        stride = width + 1;
        table = new double[(height + 1) * stride];
        for (int r = 0; r < height; r++) {
            int base = image.index(r, 0);
            double rowSum = 0;
            int above = r * stride;
            int here = above + stride;
            for (int c = 0; c < width; c++) {
                rowSum += image.valueAt(base + c);
                table[here + c + 1] = table[above + c + 1] + rowSum;
            }
        }
    }

    /** The sum of the pixels in rows [y0, y1) and columns [x0, x1), clipped to the image (outside counts as 0). */
    double sum(int y0, int x0, int y1, int x1) {
        int a = Math.max(0, Math.min(height, y0));
        int b = Math.max(0, Math.min(height, y1));
        int l = Math.max(0, Math.min(width, x0));
        int r = Math.max(0, Math.min(width, x1));
        if (b <= a || r <= l) {
            return 0;
        }
        return (table[b * stride + r] - table[a * stride + r]) - (table[b * stride + l] - table[a * stride + l]);
    }

    /** {@link #sum} for a box known to lie inside the image: no clipping. */
    double sumInside(int y0, int x0, int y1, int x1) {
        return (table[y1 * stride + x1] - table[y0 * stride + x1]) - (table[y1 * stride + x0] - table[y0 * stride + x0]);
    }

    /** {@link #centredSum} for a box known to lie inside the image. */
    double centredSumInside(int y, int x, int dy, int dx, int h, int w) {
        int y0 = y + dy - h / 2;
        int x0 = x + dx - w / 2;
        return sumInside(y0, x0, y0 + h, x0 + w);
    }

    /** The sum of the h × w box centred on (y + dy, x + dx), with the centre at offset (h/2, w/2) of the box. */
    double centredSum(int y, int x, int dy, int dx, int h, int w) {
        int y0 = y + dy - h / 2;
        int x0 = x + dx - w / 2;
        return sum(y0, x0, y0 + h, x0 + w);
    }

    /** Haar response along x at (y, x) with a square of side w: right half minus left half. */
    double haarX(int y, int x, int w) {
        int y0 = y - w / 2;
        int x0 = x - w / 2;
        return sum(y0, x, y0 + w, x0 + w) - sum(y0, x0, y0 + w, x);
    }

    /** Haar response along y at (y, x) with a square of side w: bottom half minus top half. */
    double haarY(int y, int x, int w) {
        int y0 = y - w / 2;
        int x0 = x - w / 2;
        return sum(y, x0, y0 + w, x0 + w) - sum(y0, x0, y, x0 + w);
    }
}
