package jug.vision.morph;

import jug.vision.GrayF32;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU16;
import jug.vision.GrayU8;

/**
 * Whole {@code double[]} rows written back to images of any type (they are read with {@link GrayImage#readRow}),
 * plus the pixel-wise operations (min, max, difference) that morphology composes.
 */
final class Rows {
    private Rows() {
    }

    /**
     * Writes {@code src[0, width)} to row {@code row} of {@code image}. Values must already be in the type's range,
     * except for int32, which wraps modulo 2³² like numpy's integer arithmetic.
     */
    static void write(double[] src, GrayImage image, int row) {
        int start = image.index(row, 0);
        int w = image.width();
        switch (image.dtype()) {
            case U8 -> {
                byte[] d = ((GrayU8) image).data();
                for (int c = 0; c < w; c++) {
                    d[start + c] = (byte) (int) src[c];
                }
            }
            case U16 -> {
                short[] d = ((GrayU16) image).data();
                for (int c = 0; c < w; c++) {
                    d[start + c] = (short) (int) src[c];
                }
            }
            case S32 -> {
                int[] d = ((GrayS32) image).data();
                for (int c = 0; c < w; c++) {
                    d[start + c] = (int) (long) src[c];
                }
            }
            case F32 -> {
                float[] d = ((GrayF32) image).data();
                for (int c = 0; c < w; c++) {
                    d[start + c] = (float) src[c];
                }
            }
            case F64 -> System.arraycopy(src, 0, ((GrayF64) image).data(), start, w);
        }
    }

    /** A pixel-wise operation on two rows, writing into the first. */
    enum Pixelwise {
        MIN, MAX, SUBTRACT;

        void apply(double[] a, double[] b, int n) {
            switch (this) {
                case MIN -> {
                    for (int i = 0; i < n; i++) {
                        a[i] = Math.min(a[i], b[i]);
                    }
                }
                case MAX -> {
                    for (int i = 0; i < n; i++) {
                        a[i] = Math.max(a[i], b[i]);
                    }
                }
                case SUBTRACT -> {
                    for (int i = 0; i < n; i++) {
                        a[i] -= b[i];
                    }
                }
            }
        }
    }

    /** {@code out = op(a, b)} pixel by pixel; all three have one type and shape, and out may be a or b. */
    static void apply(Pixelwise op, GrayImage a, GrayImage b, GrayImage out) {
        int w = a.width();
        double[] ra = new double[w];
        double[] rb = new double[w];
        for (int r = 0; r < a.height(); r++) {
            a.readRow(r, ra);
            b.readRow(r, rb);
            op.apply(ra, rb, w);
            write(ra, out, r);
        }
    }

    /** True if the two images (same type and shape) hold the same values; NaN equals NaN. */
    static boolean sameValues(GrayImage a, GrayImage b) {
        int w = a.width();
        double[] ra = new double[w];
        double[] rb = new double[w];
        for (int r = 0; r < a.height(); r++) {
            a.readRow(r, ra);
            b.readRow(r, rb);
            for (int c = 0; c < w; c++) {
                if (Double.compare(ra[c], rb[c]) != 0 && ra[c] != rb[c]) {
                    return false;
                }
            }
        }
        return true;
    }
}
