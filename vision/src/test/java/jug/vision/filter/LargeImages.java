package jug.vision.filter;

import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayU8;
import jug.vision.Npy;

/**
 * The 600×600 images of {@code large.npz}, rebuilt from the formula in {@code scripts/vision-refs/filters.py}; large
 * enough for {@link jug.vision.Parallelism} to split rows over threads. The references hold a grid of samples.
 */
final class LargeImages {
    static final int SIZE = 600;
    private static final Refs REFS = new Refs("large.npz");

    private LargeImages() {
    }

    static GrayU8 u8() {
        GrayU8 img = new GrayU8(SIZE, SIZE);
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                img.set(r, c, (r * 31 + c * 17 + (r * c) % 7) % 251);
            }
        }
        return img;
    }

    static GrayF64 f64() {
        GrayU8 u8 = u8();
        GrayF64 img = new GrayF64(SIZE, SIZE);
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                img.set(r, c, u8.get(r, c) * 0.5 + (r % 9) * 0.25);
            }
        }
        return img;
    }

    /** Asserts that the sampled pixels of {@code actual} match reference {@code name}. */
    static void assertSamplesMatch(GrayImage actual, String name) {
        double[] at = REFS.get("rows").values();
        Npy.Array expected = REFS.get(name);
        int n = at.length;
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                v[i * n + j] = actual.getAsDouble((int) at[i], (int) at[j]);
            }
        }
        String descr = switch (actual.dtype()) {
            case U8 -> "|u1";
            case U16 -> "<u2";
            case S32 -> "<i4";
            case F32 -> "<f4";
            case F64 -> "<f8";
        };
        GrayImage sampled = new Npy.Array(descr, new int[] {n, n}, v).toImage();
        Refs.assertMatches(sampled, new Npy.Array(expected.dtype(), new int[] {n, n}, expected.values()), 255, name);
    }
}
