package jug.vision.morph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayU8;
import jug.vision.Npy;
import jug.vision.StructuringElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegionalExtremaTest {
    private static final Refs REFS = Refs.of("extrema");

    // Oracle R1 of mahotas.md (the regmax docstring example) and its literal outputs, default cross.
    private static final int[][] R1 = {{0, 0, 0, 0, 0}, {0, 0, 2, 0, 0}, {0, 0, 2, 0, 0}, {0, 0, 3, 0, 0},
        {0, 0, 3, 0, 0}, {0, 0, 0, 0, 0}};
    private static final int[][] R1_LOCMAX = {{1, 1, 0, 1, 1}, {1, 0, 1, 0, 1}, {1, 0, 0, 0, 1}, {1, 0, 1, 0, 1},
        {1, 0, 1, 0, 1}, {1, 1, 0, 1, 1}};

    static Stream<String> inputs() {
        return REFS.suffixes("in__");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void localAndRegionalExtremaMatchTheReferenceForEveryTypeAndElement(String key) {
        GrayImage in = REFS.get("in__" + key).toImage();
        check("locmax__" + key, Morphology::locmax, in);
        check("locmin__" + key, Morphology::locmin, in);
        check("regmax__" + key, Morphology::regmax, in);
        check("regmin__" + key, Morphology::regmin, in);
        GrayImage view = Refs.embedded(in);
        check("regmax__" + key, Morphology::regmax, view);
        check("locmin__" + key, Morphology::locmin, view);
    }

    private static void check(String key, BiFunction<GrayImage, StructuringElement, GrayU8> op, GrayImage in) {
        Npy.Array stacked = REFS.get(key);
        List<Map.Entry<String, StructuringElement>> elements = REFS.elements();
        for (int k = 0; k < elements.size(); k++) {
            Refs.assertSame(op.apply(in, elements.get(k).getValue()), Refs.slice(stacked, k),
                    key + " with " + elements.get(k).getKey());
        }
    }

    @Test
    void oracleR1LocalMaximaIncludeTheTopTwoAndFlatZeros() {
        assertThat(rows(Morphology.locmax(image(R1), StructuringElement.cross()))).isDeepEqualTo(R1_LOCMAX);
    }

    @Test
    void oracleR1RegionalMaximumIsOnlyTheThreePlateau() {
        int[][] expected = new int[6][5];
        expected[3][2] = 1;
        expected[4][2] = 1;
        assertThat(rows(Morphology.regmax(image(R1), StructuringElement.cross()))).isDeepEqualTo(expected);
    }

    @Test
    void oracleR1RegionalMinimumIsEverythingButTheRidge() {
        int[][] expected = new int[6][5];
        for (int[] row : expected) {
            java.util.Arrays.fill(row, 1);
        }
        for (int r = 1; r <= 4; r++) {
            expected[r][2] = 0;
        }
        assertThat(rows(Morphology.regmin(image(R1), StructuringElement.cross()))).isDeepEqualTo(expected);
    }

    @Test
    void regionalMaximaAreLocalMaxima() {
        GrayImage in = REFS.get("in__noisy__f64__16x23").toImage();
        GrayU8 reg = Morphology.regmax(in, StructuringElement.square());
        GrayU8 loc = Morphology.locmax(in, StructuringElement.square());
        for (int i = 0; i < reg.data().length; i++) {
            assertThat(reg.data()[i] <= loc.data()[i]).as("pixel %d", i).isTrue();
        }
        assertThat(reg.data()).contains((byte) 1);
    }

    @Test
    void nanPixelsAndTheirNeighboursAreNeverExtrema() {
        GrayF64 f = new GrayF64(1, 3, new double[] {1, Double.NaN, 0});
        assertThat(Morphology.locmax(f, StructuringElement.cross()).data()).containsExactly(0, 0, 0);
        assertThat(Morphology.regmin(f, StructuringElement.cross()).data()).containsExactly(0, 0, 0);
    }

    @Test
    void anElementWithOnlyTheOriginMakesEveryPixelAnExtremum() {
        GrayU8 mark = Morphology.regmax(image(R1), StructuringElement.ones(1, 1));
        assertThat(mark.data()).containsOnly((byte) 1);
    }

    static GrayU8 image(int[][] rows) {
        GrayU8 g = new GrayU8(rows.length, rows[0].length);
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[0].length; c++) {
                g.set(r, c, rows[r][c]);
            }
        }
        return g;
    }

    static int[][] rows(GrayU8 g) {
        int[][] out = new int[g.height()][g.width()];
        for (int r = 0; r < g.height(); r++) {
            for (int c = 0; c < g.width(); c++) {
                out[r][c] = g.get(r, c);
            }
        }
        return out;
    }
}
