package jug.vision.morph;

import jug.vision.GrayImage;
import jug.vision.StructuringElement;

/** Flat erosion and dilation straight from their definitions, pixel by pixel, to check the fast paths against. */
final class BruteForce {
    private BruteForce() {
    }

    /** {@code out[x] = min over members b in the image of in[x + b]}, or +∞ cast to the type when none is. */
    static <T extends GrayImage> T erode(T in, StructuringElement se) {
        return filter(in, se, 1, false);
    }

    /** {@code out[x] = max over members b with x - b in the image of in[x - b]}. */
    static <T extends GrayImage> T dilate(T in, StructuringElement se) {
        return filter(in, se, -1, true);
    }

    private static <T extends GrayImage> T filter(T in, StructuringElement se, int sign, boolean max) {
        T out = Morphology.newLike(in);
        double[] row = new double[in.width()];
        for (int r = 0; r < in.height(); r++) {
            for (int c = 0; c < in.width(); c++) {
                double best = max ? in.dtype().min() : in.dtype().max();
                if (in.dtype().isFloating()) {
                    best = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                }
                for (int k = 0; k < se.size(); k++) {
                    int rr = r + sign * se.rowOffset(k);
                    int cc = c + sign * se.colOffset(k);
                    if (rr >= 0 && rr < in.height() && cc >= 0 && cc < in.width()) {
                        double v = in.getAsDouble(rr, cc);
                        best = max ? Math.max(best, v) : Math.min(best, v);
                    }
                }
                row[c] = best;
            }
            Rows.write(row, out, r);
        }
        return out;
    }
}
