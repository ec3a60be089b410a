package jug.vision.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import jug.vision.Border;
import jug.vision.DType;
import jug.vision.GrayF32;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayU8;
import jug.vision.Npy;
import org.junit.jupiter.api.Test;

/** Gaussian, difference of Gaussians and the shared argument handling of {@link Filters}. */
class FiltersTest {
    private static final Refs GAUSSIAN = new Refs("gaussian.npz");

    @Test
    void gaussianMatchesScipyOnEveryBorderModeDtypeOrderAndShape() {
        int checked = 0;
        for (String key : GAUSSIAN.keys("gaussian~")) {
            double[] p = Refs.numbers(Refs.field(key, 1));
            String dtype = Refs.field(key, 2);
            String set = Refs.field(key, 3);
            List<GrayImage> inputs = GAUSSIAN.inputs(dtype, set);
            for (int m = 0; m < Refs.BORDERS.length; m++) {
                for (int i = 0; i < inputs.size(); i++) {
                    GrayImage in = inputs.get(i);
                    GrayImage out = GrayImage.zeros(Rows.floatTypeFor(in.dtype()), in.height(), in.width());
                    Filters.gaussian(in, p[0], p[1], (int) p[2], (int) p[3], Refs.BORDERS[m], Refs.CVAL, out);
                    Refs.assertMatches(out, GAUSSIAN.expected(key, m, i), Refs.maxAbs(in),
                            key + " " + Refs.BORDERS[m] + " " + in.shape());
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(5 * 5 * 5 + 5 * 2 * 5);
    }

    @Test
    void gaussianCoversSeveralRowBandsAndRadiiWiderThanTheImage() {
        GrayImage in = GAUSSIAN.get("tall~in").toF64();
        Npy.Array out = GAUSSIAN.get("tall~out");
        int n = in.size();
        for (int m = 0; m < Refs.BORDERS.length; m++) {
            double[] rows = java.util.Arrays.copyOfRange(out.values(), m * n, (m + 1) * n);
            GrayImage got = Filters.gaussian(in, 2.0, 3.0, 0, 0, Refs.BORDERS[m], Refs.CVAL, new GrayF64(in.height(), in.width()));
            Refs.assertMatches(got, new Npy.Array("<f8", new int[] {in.height(), in.width()}, rows), 100, "tall " + Refs.BORDERS[m]);
        }
    }

    @Test
    void gaussianOfAnImpulseIsOracleG1() {
        GrayF64 impulse = new GrayF64(7, 7);
        impulse.set(3, 3, 1.0);
        GrayImage g = Filters.gaussian(impulse, 1.0, Border.REFLECT);
        double[] row3 = {0.0018214531, 0.0215394077, 0.096532928, 0.1591558917, 0.096532928, 0.0215394077, 0.0018214531};
        double sum = 0;
        for (int c = 0; c < 7; c++) {
            assertThat(g.getAsDouble(3, c)).as("column %d", c).isCloseTo(row3[c], within(1e-10));
        }
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 7; c++) {
                sum += g.getAsDouble(r, c);
            }
        }
        assertThat(sum).isCloseTo(1.0, within(1e-12));
        Refs.assertMatches(g, GAUSSIAN.get("G1"), 1, "G1");
    }

    @Test
    void firstDerivativeFollowsScipysSignOnARamp() {
        GrayF64 ramp = new GrayF64(1, 40);
        for (int c = 0; c < 40; c++) {
            ramp.set(0, c, c);
        }
        GrayImage d = Filters.gaussian(ramp, 2.0, 0, 1, Border.REFLECT);
        // mahotas.md §3.1: mahotas gives -0.99965 here (sigma 2), scipy +0.99965.
        assertThat(d.getAsDouble(0, 20)).isCloseTo(0.99965, within(1e-5));
    }

    @Test
    void gaussianKeepsFloat32AndTurnsIntegersIntoFloat64() {
        assertThat(Filters.gaussian(new GrayF32(3, 4), 1, Border.REFLECT).dtype()).isEqualTo(DType.F32);
        assertThat(Filters.gaussian(new GrayU8(3, 4), 1, Border.REFLECT).dtype()).isEqualTo(DType.F64);
        assertThat(Filters.gaussian(new GrayF64(3, 4), 1, Border.REFLECT).dtype()).isEqualTo(DType.F64);
    }

    @Test
    void gaussianIntoAnIntegerImageRoundsTheFloatResult() {
        GrayImage in = GAUSSIAN.inputs("u8", "one").get(0);
        GrayImage exact = Filters.gaussian(in, 1.3, Border.REFLECT);
        GrayU8 rounded = new GrayU8(in.height(), in.width());
        Filters.gaussian(in, 1.3, 1.3, 0, 0, Border.REFLECT, 0, rounded);
        for (int r = 0; r < in.height(); r++) {
            for (int c = 0; c < in.width(); c++) {
                assertThat(rounded.get(r, c)).isEqualTo((int) Math.rint(exact.getAsDouble(r, c)));
            }
        }
    }

    @Test
    void cropViewsAreFilteredAsTheirPixelsAndWrittenOnlyInsideTheOutputView() {
        GrayImage in = GAUSSIAN.inputs("f64", "one").get(0);
        GrayF64 big = new GrayF64(in.height() + 3, in.width() + 5);
        for (int r = 0; r < in.height(); r++) {
            for (int c = 0; c < in.width(); c++) {
                big.set(r + 1, c + 2, in.getAsDouble(r, c));
            }
        }
        GrayF64 target = new GrayF64(in.height() + 2, in.width() + 2);
        target.fill(-7);
        GrayImage view = target.crop(1, 1, in.height(), in.width());
        Filters.gaussian(big.crop(1, 2, in.height(), in.width()), 1.3, 1.3, 0, 0, Border.WRAP, 0, view);
        Refs.assertMatches(view, GAUSSIAN.expected("gaussian~1.3,1.3,0,0~f64~one", 2, 0), Refs.maxAbs(in), "crop");
        assertThat(target.get(0, 0)).isEqualTo(-7);
        assertThat(target.get(in.height() + 1, in.width() + 1)).isEqualTo(-7);
    }

    @Test
    void filteringAnImageIntoItselfReadsTheOriginalPixels() {
        GrayImage in = GAUSSIAN.inputs("f64", "all").get(3);
        GrayImage same = in.copy();
        Filters.gaussian(same, 1.0, 1.0, 0, 0, Border.MIRROR, 0, same);
        Refs.assertMatches(same, GAUSSIAN.expected("gaussian~1.0,1.0,0,0~f64~all", 3, 3), Refs.maxAbs(in), "in place");
    }

    @Test
    void emptyImagesGiveEmptyResults() {
        assertThat(Filters.gaussian(new GrayF64(0, 5), 1, Border.REFLECT).shape()).isEqualTo("0×5");
        assertThat(Filters.dog(new GrayU8(4, 0), 1, 1.6, Border.NEAREST).shape()).isEqualTo("4×0");
    }

    @Test
    void badSigmasOrdersAndShapesAreRefusedWithTheirValues() {
        GrayF64 img = new GrayF64(3, 3);
        assertThatThrownBy(() -> Filters.gaussian(img, -1.5, Border.REFLECT))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("rowSigma <= 0: -1.5");
        assertThatThrownBy(() -> Filters.gaussian(img, 0, Border.REFLECT)).hasMessageContaining("<= 0: 0.0");
        assertThatThrownBy(() -> Filters.gaussian(img, Double.NaN, Border.REFLECT)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Filters.gaussian(img, 1, 4, 0, Border.REFLECT))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("rowOrder outside 0..3: 4");
        assertThatThrownBy(() -> Filters.gaussian(img, 1, 0, -1, Border.REFLECT)).hasMessage("colOrder outside 0..3: -1");
        assertThatThrownBy(() -> Filters.gaussian(img, 1, 1, 0, 0, Border.REFLECT, 0, new GrayF64(3, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("shape mismatch: in is 3×3, out is 3×4");
        assertThatThrownBy(() -> Filters.gaussian(img, 1e30, Border.REFLECT)).hasMessageContaining("too large");
        assertThatThrownBy(() -> Filters.dog(img, 1, -2, Border.REFLECT)).hasMessageContaining("sigma·multiplier <= 0");
        assertThatThrownBy(() -> Filters.gaussian(img, 1, null)).isInstanceOf(NullPointerException.class).hasMessage("border");
    }

    @Test
    void differenceOfGaussiansMatchesScipy() {
        Refs linear = new Refs("linear.npz");
        for (String key : linear.keys("dog~")) {
            double[] p = Refs.numbers(Refs.field(key, 1));
            GrayImage in = linear.inputs(Refs.field(key, 2), "one").get(0);
            for (int m = 0; m < Refs.BORDERS.length; m++) {
                GrayF64 d = Filters.dog(in, p[0], p[1], Refs.BORDERS[m]);
                Refs.assertMatches(d, linear.expected(key, m, 0), Refs.maxAbs(in), key + " " + Refs.BORDERS[m]);
            }
        }
    }

    @Test
    void dogEdgesMatchAnIndependentNumpyVersionOfTheRule() {
        Refs linear = new Refs("linear.npz");
        int edges = 0;
        for (String key : linear.keys("dogEdges~")) {
            List<GrayImage> inputs = linear.inputs(Refs.field(key, 2), "all");
            for (int m = 0; m < Refs.BORDERS.length; m++) {
                for (int i = 0; i < inputs.size(); i++) {
                    GrayU8 e = Filters.dogEdges(inputs.get(i), 1.0, 1.6, Refs.BORDERS[m]);
                    Refs.assertMatches(e, linear.expected(key, m, i), 0, key + " " + Refs.BORDERS[m] + " " + e.shape());
                    edges += (int) java.util.stream.IntStream.range(0, e.size()).filter(k -> e.data()[k] != 0).count();
                }
            }
        }
        assertThat(edges).isGreaterThan(100);
    }

    @Test
    void dogEdgesOfAStepAtRow20LieOnRow20() {
        GrayU8 step = new GrayU8(40, 30);
        for (int r = 20; r < 40; r++) {
            for (int c = 0; c < 30; c++) {
                step.set(r, c, 1);
            }
        }
        GrayU8 edges = Filters.dogEdges(step, 2, 1.001, Border.NEAREST);
        for (int r = 0; r < 40; r++) {
            for (int c = 0; c < 30; c++) {
                assertThat(edges.get(r, c)).as("(%d, %d)", r, c).isEqualTo(r == 20 ? 1 : 0);
            }
        }
    }

    @Test
    void dogEdgesOfAConstantImageAreEmpty() {
        GrayF64 flat = new GrayF64(9, 9);
        flat.fill(3.25);
        GrayU8 edges = Filters.dogEdges(flat, 1.5, 1.6, Border.REFLECT);
        assertThat(Refs.maxAbs(edges)).isZero();
    }

    @Test
    void gaussianOfALargeImageSplitOverThreadsMatchesScipy() {
        LargeImages.assertSamplesMatch(Filters.gaussian(LargeImages.f64(), 2.3, Border.REFLECT), "gaussian~f64");
        LargeImages.assertSamplesMatch(Filters.gaussian(LargeImages.u8(), 1.0, 8.0, 0, 1, Border.MIRROR, 0,
                new GrayF64(LargeImages.SIZE, LargeImages.SIZE)), "gaussian~u8");
    }
}
