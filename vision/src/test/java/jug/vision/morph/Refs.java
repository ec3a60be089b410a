package jug.vision.morph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import jug.vision.GrayImage;
import jug.vision.Npy;
import jug.vision.StructuringElement;

/**
 * The scipy references of scripts/vision-refs/morph.py: archives under /jug/vision/morph/, their numbered
 * structuring elements and templates, and slices of the stacked result arrays.
 */
final class Refs {
    private static final Map<String, Map<String, Npy.Array>> CACHE = new ConcurrentHashMap<>();

    private final Map<String, Npy.Array> arrays;

    private Refs(Map<String, Npy.Array> arrays) {
        this.arrays = arrays;
    }

    /** The archive {@code /jug/vision/morph/<name>.npz}, read once per test run. */
    static Refs of(String name) {
        return new Refs(CACHE.computeIfAbsent(name, n -> Npy.resourceArchive("/jug/vision/morph/" + n + ".npz")));
    }

    Npy.Array get(String key) {
        Npy.Array a = arrays.get(key);
        if (a == null) {
            fail("no array " + key + " in the archive; rerun scripts/vision-refs/morph.py");
        }
        return a;
    }

    /** The keys after {@code prefix} of every array whose key starts with {@code prefix}, in file order. */
    Stream<String> suffixes(String prefix) {
        return arrays.keySet().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length()));
    }

    /** The archive's structuring elements in stacking order, as {@code name -> element}. */
    List<Map.Entry<String, StructuringElement>> elements() {
        List<Map.Entry<String, StructuringElement>> out = new ArrayList<>();
        for (Map.Entry<String, int[][]> e : numbered("se__").values()) {
            out.add(Map.entry(e.getKey(), StructuringElement.of(e.getValue())));
        }
        return out;
    }

    /** The archive's hit-or-miss templates in stacking order, as {@code name -> template}. */
    List<Map.Entry<String, int[][]>> templates() {
        return new ArrayList<>(numbered("template__").values());
    }

    private TreeMap<Integer, Map.Entry<String, int[][]>> numbered(String prefix) {
        TreeMap<Integer, Map.Entry<String, int[][]>> byIndex = new TreeMap<>();
        arrays.forEach((key, a) -> {
            if (key.startsWith(prefix)) {
                String[] parts = key.substring(prefix.length()).split("__");
                byIndex.put(Integer.parseInt(parts[0]), Map.entry(parts[1], toRows(a)));
            }
        });
        return byIndex;
    }

    static int[][] toRows(Npy.Array a) {
        int[][] rows = new int[a.rows()][a.cols()];
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < a.cols(); c++) {
                rows[r][c] = (int) a.values()[r * a.cols() + c];
            }
        }
        return rows;
    }

    /** Slice {@code k} of a stacked (k, rows, cols) array, as an array of its own dtype and shape (rows, cols). */
    static Npy.Array slice(Npy.Array stacked, int k) {
        int rows = stacked.shape()[1];
        int cols = stacked.shape()[2];
        double[] v = Arrays.copyOfRange(stacked.values(), k * rows * cols, (k + 1) * rows * cols);
        return new Npy.Array(stacked.dtype(), new int[] {rows, cols}, v);
    }

    /** Asserts that {@code actual} has the expected dtype (bool as uint8), shape and exactly the expected values. */
    static void assertSame(GrayImage actual, Npy.Array expected, String what) {
        GrayImage e = expected.toImage();
        assertThat(actual.dtype()).as(what + " dtype").isEqualTo(e.dtype());
        assertThat(actual.shape()).as(what + " shape").isEqualTo(e.shape());
        for (int r = 0; r < e.height(); r++) {
            for (int c = 0; c < e.width(); c++) {
                double want = e.getAsDouble(r, c);
                double got = actual.getAsDouble(r, c);
                if (!(want == got || Double.isNaN(want) && Double.isNaN(got))) {
                    fail(what + ": pixel (" + r + ", " + c + ") is " + got + ", scipy says " + want);
                }
            }
        }
    }

    /** A view of {@code image} inside a larger image (offset and stride not trivial), holding the same pixels. */
    static GrayImage embedded(GrayImage image) {
        GrayImage big = GrayImage.zeros(image.dtype(), image.height() + 3, image.width() + 5);
        GrayImage view = big.crop(2, 3, image.height(), image.width());
        copyInto(image, view);
        return view;
    }

    static void copyInto(GrayImage from, GrayImage to) {
        double[] row = new double[from.width()];
        for (int r = 0; r < from.height(); r++) {
            from.readRow(r, row);
            Rows.write(row, to, r);
        }
    }
}
