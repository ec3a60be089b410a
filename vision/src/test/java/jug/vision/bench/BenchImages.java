package jug.vision.bench;

import java.util.Random;
import jug.vision.GrayF64;
import jug.vision.GrayU8;

/**
 * The synthetic images every vision benchmark uses, made deterministically: a smooth background field, about 9,000
 * Gaussian blobs and noise. {@link #binary} thresholds the blobs alone, giving roughly 9,000 connected components.
 */
public final class BenchImages {
    private BenchImages() {
    }

    /** A {@code size × size} float64 image with values in about [0, 255]. */
    public static GrayF64 field(int size) {
        GrayF64 image = new GrayF64(size, size);
        double[] d = image.data();
        double[] blobs = blobs(size);
        Random noise = new Random(7);
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                double background = 40 + 30 * Math.sin(r * 0.004) * Math.cos(c * 0.003);
                d[r * size + c] = background + 150 * blobs[r * size + c] + 8 * noise.nextGaussian();
            }
        }
        return image;
    }

    /** {@link #field} rounded and clamped to uint8. */
    public static GrayU8 fieldU8(int size) {
        double[] d = field(size).data();
        byte[] b = new byte[d.length];
        for (int i = 0; i < d.length; i++) {
            b[i] = (byte) Math.max(0, Math.min(255, Math.round(d[i])));
        }
        return new GrayU8(size, size, b);
    }

    /** The blobs alone, thresholded: 1 inside a blob, 0 elsewhere. */
    public static GrayU8 binary(int size) {
        double[] blobs = blobs(size);
        byte[] b = new byte[blobs.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (blobs[i] > 0.5 ? 1 : 0);
        }
        return new GrayU8(size, size, b);
    }

    private static double[] blobs(int size) {
        double[] field = new double[size * size];
        Random random = new Random(42);
        int count = (int) Math.round(9000.0 * size * size / (2048.0 * 2048.0));
        for (int k = 0; k < count; k++) {
            int cr = random.nextInt(size);
            int cc = random.nextInt(size);
            double sigma = 2 + 3 * random.nextDouble();
            int radius = (int) Math.ceil(3 * sigma);
            for (int r = Math.max(0, cr - radius); r <= Math.min(size - 1, cr + radius); r++) {
                for (int c = Math.max(0, cc - radius); c <= Math.min(size - 1, cc + radius); c++) {
                    double d2 = (r - cr) * (r - cr) + (c - cc) * (c - cc);
                    field[r * size + c] = Math.max(field[r * size + c], Math.exp(-d2 / (2 * sigma * sigma)));
                }
            }
        }
        return field;
    }
}
