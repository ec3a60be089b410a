package jug.vision.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jug.vision.Border;
import jug.vision.DType;
import jug.vision.GrayImage;
import jug.vision.Npy;

/**
 * The scipy references written by {@code scripts/vision-refs/filters.py}, in the layout that script describes: inputs
 * of every shape concatenated per dtype, and per result one row per border mode holding every shape's output.
 */
final class Refs {
    /** The border modes in the order of the reference rows. */
    static final Border[] BORDERS = {Border.REFLECT, Border.NEAREST, Border.WRAP, Border.MIRROR, Border.CONSTANT};
    /** The shapes of the 'all' set, in the order of the reference columns. */
    static final int[][] SHAPES = {{1, 17}, {13, 1}, {7, 9}, {16, 23}, {2, 3}};
    /** What constant mode reads in every reference except the integer rank filters. */
    static final double CVAL = 2.5;
    /** What constant mode reads in the rank filters on integer images. */
    static final int CVAL_INT = 7;
    static final String[] DTYPES = {"u8", "u16", "s32", "f32", "f64"};

    private final Map<String, Npy.Array> arrays;

    Refs(String archive) {
        arrays = Npy.resourceArchive("/jug/vision/filter/" + archive);
    }

    /** The keys that start with {@code prefix}, sorted. */
    List<String> keys(String prefix) {
        List<String> keys = new ArrayList<>();
        for (String k : new TreeMap<>(arrays).keySet()) {
            if (k.startsWith(prefix)) {
                keys.add(k);
            }
        }
        assertThat(keys).as("reference keys starting with %s", prefix).isNotEmpty();
        return keys;
    }

    Npy.Array get(String key) {
        Npy.Array a = arrays.get(key);
        if (a == null) {
            fail("no reference " + key + "; rerun scripts/vision-refs/filters.py");
        }
        return a;
    }

    /** The shapes of a set: 'all' or 'one' (the 7×9 shape). */
    static int[][] shapes(String set) {
        return set.equals("all") ? SHAPES : new int[][] {SHAPES[2]};
    }

    /** The input images of a dtype for a set, in set order. */
    List<GrayImage> inputs(String dtype, String set) {
        Npy.Array all = get("in~" + dtype);
        List<GrayImage> images = new ArrayList<>();
        int at = 0;
        for (int[] s : SHAPES) {
            int n = s[0] * s[1];
            if (set.equals("all") || Arrays.equals(s, SHAPES[2])) {
                double[] v = Arrays.copyOfRange(all.values(), at, at + n);
                images.add(new Npy.Array(all.dtype(), s, v).toImage());
            }
            at += n;
        }
        return images;
    }

    /** One result of a reference table: the output for mode {@code mode} and the {@code index}-th shape of the set. */
    Npy.Array expected(String key, int mode, int index) {
        Npy.Array table = get(key);
        String set = key.substring(key.lastIndexOf('~') + 1);
        int[][] shapes = shapes(set);
        int cols = table.shape()[1];
        int at = mode * cols;
        for (int i = 0; i < index; i++) {
            at += shapes[i][0] * shapes[i][1];
        }
        int[] s = shapes[index];
        return new Npy.Array(table.dtype(), s, Arrays.copyOfRange(table.values(), at, at + s[0] * s[1]));
    }

    /** The {@code i}-th '~'-separated field of a key. */
    static String field(String key, int i) {
        return key.split("~")[i];
    }

    /** Parses comma-separated numbers. */
    static double[] numbers(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    /**
     * Asserts that {@code actual} has the type and values of {@code expected}: integers exactly, float64 within
     * 1e-9 of the larger of the reference's and {@code scale}'s magnitude, float32 within 1e-6 of it (a few float32
     * roundings of intermediates bounded by that magnitude).
     */
    static void assertMatches(GrayImage actual, Npy.Array expected, double scale, String what) {
        GrayImage want = expected.toImage();
        assertThat(actual.dtype()).as("%s: dtype", what).isEqualTo(want.dtype());
        assertThat(actual.shape()).as("%s: shape", what).isEqualTo(want.shape());
        double magnitude = scale;
        for (double v : expected.values()) {
            magnitude = Math.max(magnitude, Math.abs(v));
        }
        double tolerance = switch (want.dtype()) {
            case F64 -> 1e-9 * magnitude;
            case F32 -> 1e-6 * magnitude;
            default -> 0;
        };
        for (int r = 0; r < want.height(); r++) {
            for (int c = 0; c < want.width(); c++) {
                double a = actual.getAsDouble(r, c);
                double e = want.getAsDouble(r, c);
                if (!(Math.abs(a - e) <= tolerance) && !(Double.isNaN(a) && Double.isNaN(e))) {
                    fail("%s: pixel (%d, %d) is %s, scipy gives %s (tolerance %s)", what, r, c, a, e, tolerance);
                }
            }
        }
    }

    /** The largest magnitude among an image's pixels. */
    static double maxAbs(GrayImage img) {
        double m = 0;
        for (int r = 0; r < img.height(); r++) {
            for (int c = 0; c < img.width(); c++) {
                m = Math.max(m, Math.abs(img.getAsDouble(r, c)));
            }
        }
        return m;
    }

    /** The dtype a reference name stands for. */
    static DType dtype(String name) {
        return switch (name) {
            case "u8" -> DType.U8;
            case "u16" -> DType.U16;
            case "s32" -> DType.S32;
            case "f32" -> DType.F32;
            case "f64" -> DType.F64;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
