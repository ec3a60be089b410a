package jug.vision.segment;

import jug.vision.GrayF32;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU16;
import jug.vision.GrayU8;

/**
 * The exact Euclidean distance transform: for every foreground pixel, how far it is from the nearest background
 * pixel (mahotas's {@code distance}, scipy's {@code distance_transform_edt}).
 *
 * <p>Foreground is every nonzero pixel (NaN included), in any dtype; background pixels get 0. Results are float64
 * and exact: the squared distance is an integer computed in integer arithmetic, and {@link #euclidean} is its
 * correctly rounded square root, so both equal scipy's {@code distance_transform_edt(bw)} (and its square) bit for
 * bit. mahotas's {@code distance} defaults to the squared metric; here each metric has its own method.
 *
 * <p>An image with no background pixel has no finite distance, and every pixel gets +Infinity. (mahotas returns
 * the constant {@code 2·max(h, w)² + 1} instead, and scipy an arbitrary value computed from a missing index.)
 */
public final class Distance {
    private Distance() {
    }

    /** The distance from each pixel to the nearest zero pixel of {@code binary}. */
    public static GrayF64 euclidean(GrayImage binary) {
        return euclidean(binary, new GrayF64(binary.height(), binary.width()));
    }

    /** As {@link #euclidean(GrayImage)}, writing into {@code out} (which may be a view); returns {@code out}. */
    public static GrayF64 euclidean(GrayImage binary, GrayF64 out) {
        return run(binary, out, true);
    }

    /** The squared distance from each pixel to the nearest zero pixel of {@code binary} (mahotas's default metric). */
    public static GrayF64 squared(GrayImage binary) {
        return squared(binary, new GrayF64(binary.height(), binary.width()));
    }

    /** As {@link #squared(GrayImage)}, writing into {@code out} (which may be a view); returns {@code out}. */
    public static GrayF64 squared(GrayImage binary, GrayF64 out) {
        return run(binary, out, false);
    }

    private static GrayF64 run(GrayImage binary, GrayF64 out, boolean sqrt) {
        GrayImage.requireSameShape("binary", binary, "out", out);
        int h = binary.height();
        int w = binary.width();
        double[] result = out.isContiguous() ? out.data() : new double[h * w];
        NearestSite.transform(sites(binary), h, w, result, sqrt, null);
        if (result != out.data()) {
            for (int r = 0; r < h; r++) {
                System.arraycopy(result, r * w, out.data(), out.index(r, 0), w);
            }
        }
        return out;
    }

    /** The transform's starting heights: 0 where the image is zero (the background, the sites), NONE elsewhere. */
    static int[] sites(GrayImage image) {
        int h = image.height();
        int w = image.width();
        int[] v = new int[h * w];
        int none = NearestSite.NONE;
        for (int r = 0; r < h; r++) {
            int base = image.index(r, 0);
            int o = r * w;
            if (image instanceof GrayU8 g) {
                byte[] d = g.data();
                for (int c = 0; c < w; c++) {
                    v[o + c] = d[base + c] == 0 ? 0 : none;
                }
            } else if (image instanceof GrayU16 g) {
                short[] d = g.data();
                for (int c = 0; c < w; c++) {
                    v[o + c] = d[base + c] == 0 ? 0 : none;
                }
            } else if (image instanceof GrayS32 g) {
                int[] d = g.data();
                for (int c = 0; c < w; c++) {
                    v[o + c] = d[base + c] == 0 ? 0 : none;
                }
            } else if (image instanceof GrayF32 g) {
                float[] d = g.data();
                for (int c = 0; c < w; c++) {
                    v[o + c] = d[base + c] == 0 ? 0 : none;
                }
            } else {
                double[] d = ((GrayF64) image).data();
                for (int c = 0; c < w; c++) {
                    v[o + c] = d[base + c] == 0 ? 0 : none;
                }
            }
        }
        return v;
    }
}
