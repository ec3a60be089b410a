package jug.vision.filter;

import jug.vision.DType;
import jug.vision.GrayF32;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU16;
import jug.vision.GrayU8;

/**
 * Writes {@code double} working rows (read with {@link GrayImage#readRow}) to images of any type, applying the
 * package's one conversion rule on the way out: integer outputs are rounded half to even and saturated to the type's range (NaN becomes 0),
 * float32 outputs are rounded to nearest, float64 outputs are stored as they are.
 */
final class Rows {
    private Rows() {
    }

    /** Writes {@code src[0 .. width)} into row {@code row} of {@code out}, converting to its type. */
    static void store(double[] src, GrayImage out, int row) {
        store(src, 0, out.width(), out, row, 0);
    }

    /** Writes {@code src[from .. from + n)} into row {@code row} of {@code out} from column {@code col}, converting. */
    static void store(double[] src, int from, int n, GrayImage out, int row, int col) {
        int base = out.index(row, col) - from;
        int to = from + n;
        switch (out.dtype()) {
            case U8 -> {
                byte[] d = ((GrayU8) out).data();
                for (int c = from; c < to; c++) {
                    d[base + c] = (byte) saturate(src[c], 0, 255);
                }
            }
            case U16 -> {
                short[] d = ((GrayU16) out).data();
                for (int c = from; c < to; c++) {
                    d[base + c] = (short) saturate(src[c], 0, 65535);
                }
            }
            case S32 -> {
                int[] d = ((GrayS32) out).data();
                for (int c = from; c < to; c++) {
                    d[base + c] = (int) Math.rint(src[c]);
                }
            }
            case F32 -> {
                float[] d = ((GrayF32) out).data();
                for (int c = from; c < to; c++) {
                    d[base + c] = (float) src[c];
                }
            }
            case F64 -> System.arraycopy(src, from, ((GrayF64) out).data(), base + from, n);
        }
    }

    /** The value {@code v} becomes when stored as {@code type}, as a double. */
    static double convert(double v, DType type) {
        return switch (type) {
            case U8 -> saturate(v, 0, 255);
            case U16 -> saturate(v, 0, 65535);
            case S32 -> (int) Math.rint(v);
            case F32 -> (float) v;
            case F64 -> v;
        };
    }

    /** The float type a derived filter returns: float32 for float32 input, float64 for everything else. */
    static DType floatTypeFor(DType in) {
        return in == DType.F32 ? DType.F32 : DType.F64;
    }

    /** Rounds half to even and clamps to {@code [lo, hi]}; NaN gives 0. */
    static int saturate(double v, int lo, int hi) {
        double r = Math.rint(v);
        if (r < lo) {
            return lo;
        }
        if (r > hi) {
            return hi;
        }
        return (int) r;
    }

    /** True if the two images share a backing array, so that writing one may change what is read from the other. */
    static boolean shareArray(GrayImage a, GrayImage b) {
        return array(a) == array(b);
    }

    private static Object array(GrayImage img) {
        return switch (img.dtype()) {
            case U8 -> ((GrayU8) img).data();
            case U16 -> ((GrayU16) img).data();
            case S32 -> ((GrayS32) img).data();
            case F32 -> ((GrayF32) img).data();
            case F64 -> ((GrayF64) img).data();
        };
    }
}
