package jug.vision.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import jug.vision.Border;
import jug.vision.DType;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU8;
import jug.vision.Npy;
import jug.vision.StructuringElement;
import org.junit.jupiter.api.Test;

/** The tap-list filters of {@link Filters}: correlate, convolve, the Laplacians, Sobel and the mean. */
class TapsTest {
    private static final Refs LINEAR = new Refs("linear.npz");
    private static final Map<String, StructuringElement> FOOTPRINTS = Map.of(
            "square", StructuringElement.square(),
            "cross", StructuringElement.cross(),
            "even", StructuringElement.of(new int[][] {{1, 1}, {1, 0}}),
            "asym", StructuringElement.of(new int[][] {{1, 1, 0}, {0, 1, 1}}));

    /** Runs {@code filter} on every input and mode of every reference starting with {@code prefix}. */
    private static int checkAll(String prefix, Filter filter) {
        int checked = 0;
        for (String key : LINEAR.keys(prefix)) {
            String param = Refs.field(key, 1);
            String dtype = Refs.field(key, 2);
            List<GrayImage> inputs = LINEAR.inputs(dtype, Refs.field(key, 3));
            for (int m = 0; m < Refs.BORDERS.length; m++) {
                for (int i = 0; i < inputs.size(); i++) {
                    GrayImage in = inputs.get(i);
                    GrayImage got = filter.apply(in, param, Refs.BORDERS[m]);
                    Refs.assertMatches(got, LINEAR.expected(key, m, i), Refs.maxAbs(in),
                            key + " " + Refs.BORDERS[m] + " " + in.shape());
                    checked++;
                }
            }
        }
        return checked;
    }

    private interface Filter {
        GrayImage apply(GrayImage in, String param, Border border);
    }

    private static Kernel kernel(String name) {
        Npy.Array k = LINEAR.get("kernel~" + name);
        return Kernel.of(k.rows(), k.cols(), k.values());
    }

    @Test
    void correlateMatchesScipyForEveryKernelModeDtypeAndShape() {
        int n = checkAll("correlate~", (in, k, b) -> Filters.correlate(in, kernel(k), b, Refs.CVAL, in.zerosLike()));
        // C1 and the even kernel on every shape of every dtype, the others on every shape of float64 only.
        assertThat(n).isEqualTo(2 * 5 * 5 * 5 + 2 * (5 * 5 + 4 * 5));
    }

    @Test
    void convolveMatchesScipyAndFlipsTheKernel() {
        checkAll("convolve~", (in, k, b) -> Filters.convolve(in, kernel(k), b, Refs.CVAL, in.zerosLike()));
    }

    @Test
    void correlationOfOracleC1MatchesMahotasConvolveInEveryMode() {
        GrayF64 f = new GrayF64(4, 4);
        for (int i = 0; i < 16; i++) {
            f.set(i / 4, i % 4, i);
        }
        Kernel k = Kernel.of(new double[][] {{1, 2, 0}, {0, 0, 0}, {0, 0, -1}});
        double[][][] rows = {
            {{-5, -4, -2, 1}, {11, 12, 14, 17}},
            {{-5, -4, -2, 1}, {11, 12, 14, 17}},
            {{34, 32, 34, 40}, {26, 24, 26, 32}},
            {{8, 8, 10, 14}, {16, 16, 18, 22}},
            {{-5, -6, -7, 0}, {16, 26, 29, 32}},
        };
        for (int m = 0; m < Refs.BORDERS.length; m++) {
            GrayImage out = Filters.correlate(f, k, Refs.BORDERS[m]);
            for (int c = 0; c < 4; c++) {
                assertThat(out.getAsDouble(0, c)).as("%s row 0 col %d", Refs.BORDERS[m], c).isEqualTo(rows[m][0][c]);
                assertThat(out.getAsDouble(3, c)).as("%s row 3 col %d", Refs.BORDERS[m], c).isEqualTo(rows[m][1][c]);
            }
        }
    }

    @Test
    void evenKernelsHaveTheirOriginAtHalfTheShape() {
        // mahotas' test_22: [[0,1],[2,3]] acts as the 3×3 [[0,1,0],[2,3,0],[0,0,0]].
        GrayImage in = LINEAR.inputs("f64", "all").get(3);
        GrayImage small = Filters.correlate(in, Kernel.of(new double[][] {{0, 1}, {2, 3}}), Border.REFLECT);
        GrayImage padded = Filters.correlate(in, Kernel.of(new double[][] {{0, 1, 0}, {2, 3, 0}, {0, 0, 0}}), Border.REFLECT);
        assertThat(small).isEqualTo(padded);
    }

    @Test
    void integerOutputsRoundHalfToEvenAndSaturate() {
        GrayU8 in = new GrayU8(1, 4, new byte[] {1, 3, (byte) 200, (byte) 250});
        GrayImage half = Filters.correlate(in, Kernel.of(1, 1, 0.5), Border.REFLECT);
        assertThat(new int[] {((GrayU8) half).get(0, 0), ((GrayU8) half).get(0, 1), ((GrayU8) half).get(0, 2)})
                .containsExactly(0, 2, 100);
        GrayImage doubled = Filters.correlate(in, Kernel.of(1, 1, 2.0), Border.REFLECT);
        assertThat(((GrayU8) doubled).get(0, 3)).isEqualTo(255);
        GrayImage negated = Filters.correlate(in, Kernel.of(1, 1, -1.0), Border.REFLECT);
        assertThat(((GrayU8) negated).get(0, 1)).isZero();
        GrayS32 big = new GrayS32(1, 1, new int[] {Integer.MAX_VALUE});
        assertThat(((GrayS32) Filters.correlate(big, Kernel.of(1, 1, 4.0), Border.REFLECT)).get(0, 0))
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aFloatOutputKeepsTheExactSumOfAnIntegerImage() {
        GrayU8 in = new GrayU8(1, 3, new byte[] {1, 2, 3});
        GrayF64 out = new GrayF64(1, 3);
        Filters.correlate(in, Kernel.of(1, 3, 1 / 3.0, 1 / 3.0, 1 / 3.0), Border.NEAREST, 0, out);
        assertThat(out.get(0, 1)).isEqualTo(1 / 3.0 + 2 / 3.0 + 3 / 3.0);
    }

    @Test
    void laplacianMatchesScipyLaplace() {
        checkAll("laplace~", (in, p, b) -> Filters.laplacian(in, b, Refs.CVAL,
                GrayImage.zeros(Rows.floatTypeFor(in.dtype()), in.height(), in.width())));
    }

    @Test
    void laplacian2DMatchesMahotasKernelForSeveralAlphas() {
        checkAll("laplacian2D~", (in, alpha, b) -> Filters.laplacian2D(in, Double.parseDouble(alpha), b));
        assertThatThrownBy(() -> Filters.laplacian2D(new GrayF64(2, 2), 1.5, Border.NEAREST))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("alpha outside [0, 1]: 1.5");
    }

    @Test
    void sobelMatchesMahotasJustFilterRecipe() {
        checkAll("sobel~", (in, p, b) -> Filters.sobel(in, b));
    }

    @Test
    void sobelOfAVerticalLineIsOracleS1() {
        GrayU8 line = new GrayU8(6, 6);
        for (int r = 1; r <= 4; r++) {
            line.set(r, 3, 1);
        }
        GrayF64 s = Filters.sobel(line);
        assertThat(new double[] {s.get(2, 0), s.get(2, 1), s.get(2, 2), s.get(2, 3), s.get(2, 4), s.get(2, 5)})
                .containsExactly(0, 0, 0.25, 0, 0.25, 0);
    }

    @Test
    void sobelOfAConstantImageIsZeroNotNaN() {
        GrayF64 flat = new GrayF64(16, 16);
        flat.fill(4);
        GrayF64 s = Filters.sobel(flat);
        assertThat(s.dtype()).isEqualTo(DType.F64);
        assertThat(Refs.maxAbs(s)).isZero();
    }

    @Test
    void meanMatchesScipyGenericFilterOverFootprints() {
        checkAll("mean~", (in, fp, b) -> Filters.mean(in, FOOTPRINTS.get(fp), b, Refs.CVAL, new GrayF64(in.height(), in.width())));
    }

    @Test
    void meanOfAnEvenFootprintAveragesTheTopLeftBlock() {
        // mahotas' test_mean_filter: a 2×2 mean at (a, b) is the mean of f[a-1:a+1, b-1:b+1].
        GrayImage f = LINEAR.inputs("f64", "all").get(3);
        GrayF64 m = Filters.mean(f, StructuringElement.ones(2, 2), Border.REFLECT);
        double expected = (f.getAsDouble(4, 6) + f.getAsDouble(4, 7) + f.getAsDouble(5, 6) + f.getAsDouble(5, 7)) / 4;
        assertThat(m.get(5, 7)).isEqualTo(expected);
    }

    @Test
    void correlationOfALargeImageSplitOverThreadsMatchesScipy() {
        LargeImages.assertSamplesMatch(Filters.correlate(LargeImages.f64(), kernel("C1"), Border.NEAREST), "correlate~f64");
    }

    @Test
    void cropViewsAreCorrelatedAsTheirPixels() {
        GrayImage in = LINEAR.inputs("s32", "one").get(0);
        GrayS32 big = new GrayS32(in.height() + 1, in.width() + 3);
        for (int r = 0; r < in.height(); r++) {
            for (int c = 0; c < in.width(); c++) {
                big.set(r + 1, c + 2, (int) in.getAsDouble(r, c));
            }
        }
        GrayImage view = big.crop(1, 2, in.height(), in.width());
        Refs.assertMatches(Filters.correlate(view, kernel("C1"), Border.WRAP, Refs.CVAL, view.zerosLike()),
                LINEAR.expected("correlate~C1~s32~all", 2, 2), 0, "crop");
    }

    @Test
    void meanInsideAveragesOnlyPixelsInTheImageAsMahotasIgnoreModeOfOracleM1() {
        GrayU8 a = new GrayU8(3, 4, new byte[] {1, 9, 2, 8, 7, 3, 6, 4, 5, 5, 0, 1});
        GrayF64 m = Filters.meanInside(a, StructuringElement.square());
        assertThat(m.get(0, 0)).isEqualTo(5.0);
        assertThat(m.get(0, 1)).isCloseTo(4.6667, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(m.get(0, 2)).isCloseTo(5.3333, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(m.get(0, 3)).isEqualTo(5.0);
        assertThat(m.get(1, 1)).isEqualTo((1 + 9 + 2 + 7 + 3 + 6 + 5 + 5 + 0) / 9.0);
    }
}
