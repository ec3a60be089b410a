package jug.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConvertTest {
    private static final Map<String, Npy.Array> REF = Npy.resourceArchive("/jug/vision/convert/convert.npz");

    private static List<String> cases() {
        List<String> keys = new ArrayList<>();
        for (String k : REF.keySet()) {
            if (k.startsWith("c") && k.endsWith("_in")) {
                keys.add(k.substring(0, k.length() - 3));
            }
        }
        assertThat(keys).hasSize(20);
        return keys;
    }

    private static GrayImage input(String key) {
        return REF.get(key + "_in").toImage();
    }

    private static GrayImage expected(String key, String what) {
        return REF.get(key + "_" + what).toImage();
    }

    /** The image as a view inside a larger array, so that offset and stride are exercised too. */
    private static GrayImage asCrop(GrayImage img) {
        GrayImage big = GrayImage.zeros(img.dtype(), img.height() + 2, img.width() + 3);
        GrayImage view = big.crop(1, 2, img.height(), img.width());
        for (int r = 0; r < img.height(); r++) {
            for (int c = 0; c < img.width(); c++) {
                double v = img.getAsDouble(r, c);
                set(view, r, c, v);
            }
        }
        return view;
    }

    private static void set(GrayImage view, int r, int c, double v) {
        if (view instanceof GrayU8 u) {
            u.set(r, c, (int) v);
        } else if (view instanceof GrayU16 u) {
            u.set(r, c, (int) v);
        } else if (view instanceof GrayS32 s) {
            s.set(r, c, (int) v);
        } else if (view instanceof GrayF32 f) {
            f.set(r, c, (float) v);
        } else {
            ((GrayF64) view).set(r, c, v);
        }
    }

    @Test
    void integerConversionsRoundHalfToEvenAndSaturateLikeNumpyRintAndClip() {
        for (String key : cases()) {
            for (GrayImage in : List.of(input(key), asCrop(input(key)))) {
                assertThat(Convert.toU8(in)).as(key).satisfies(same(expected(key, "tou8")));
                assertThat(Convert.toU16(in)).as(key).satisfies(same(expected(key, "tou16")));
                assertThat(Convert.toS32(in)).as(key).satisfies(same(expected(key, "tos32")));
                assertThat(Convert.to(in, DType.U8)).as(key).satisfies(same(expected(key, "tou8")));
            }
        }
    }

    @Test
    void conversionExamplesFromTheJavadocHold() {
        GrayF64 in = new GrayF64(1, 7, new double[] {3.5, 2.5, -2, 300, Double.NaN, 254.5, -0.5});
        assertThat(Convert.toU8(in).data()).containsExactly(4, 2, 0, (byte) 255, 0, (byte) 254, 0);
        GrayS32 wide = new GrayS32(1, 2, new int[] {-1, 70000});
        assertThat(Convert.toU16(wide).get(0, 1)).isEqualTo(65535);
        assertThat(Convert.toS32(new GrayF64(1, 1, new double[] {1e300})).get(0, 0)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void floatConversionsAreExactOrNearestAndAlwaysCopy() {
        GrayF32 f = new GrayF32(1, 2, new float[] {1.5f, -2f});
        assertThat(Convert.toF32(f)).isEqualTo(f).isNotSameAs(f);
        GrayS32 big = new GrayS32(1, 1, new int[] {16_777_217});
        assertThat(Convert.toF32(big).get(0, 0)).isEqualTo(16_777_216f);
        assertThat(Convert.toF64(big).get(0, 0)).isEqualTo(16_777_217.0);
        assertThat(Convert.to(f, DType.F64).dtype()).isEqualTo(DType.F64);
    }

    @Test
    void stretchMatchesTheMahotasFormulaOnEveryTypeAndRange() {
        for (String key : cases()) {
            for (GrayImage in : List.of(input(key), asCrop(input(key)))) {
                assertThat(Convert.stretch(in)).as(key).satisfies(same(expected(key, "stretch")));
                assertThat(Convert.stretch(in, 100)).as(key).satisfies(same(expected(key, "stretch100")));
                assertThat(Convert.stretch(in, 20, 40)).as(key).satisfies(same(expected(key, "stretch20to40")));
                assertThat(Convert.stretch(in, 40, 20)).as(key).satisfies(same(expected(key, "stretch40to20")));
                assertThat(Convert.stretch(in, 1000, 60000, DType.U16)).as(key)
                        .satisfies(same(expected(key, "stretchu16")));
                GrayF64 f = (GrayF64) Convert.stretch(in, -1, 1, DType.F64);
                double[] want = ((GrayF64) expected(key, "stretchf64")).data();
                for (int i = 0; i < want.length; i++) {
                    assertThat(f.data()[i]).as(key).isCloseTo(want[i], within(1e-12));
                }
            }
        }
    }

    @Test
    void stretchReproducesTheMahotasOracles() {
        GrayU8 a = new GrayU8(1, 4, new byte[] {10, 20, 30, 40});
        assertThat(Convert.stretch(a).data()).containsExactly(0, 85, (byte) 170, (byte) 255);
        GrayU8 b = new GrayU8(1, 3, new byte[] {10, 15, 40});
        assertThat(Convert.stretch(b, 100).data()).containsExactly(0, 16, 100);
        GrayU8 c = new GrayU8(1, 3, new byte[] {10, 20, 30});
        assertThat(Convert.stretch(c, 5, 15).data()).containsExactly(5, 10, 15);
        assertThat(Convert.stretch(new GrayF64(2, 2), 7, 9).data()).containsOnly(7);
        // mahotas multiplies 200 by the rounded factor 255 / 200 and truncates 254.99999999999997 to 254.
        GrayU16 d = new GrayU16(1, 3, new short[] {100, 200, 300});
        assertThat(Convert.stretch(d).data()).containsExactly(0, 127, (byte) 255);
    }

    @Test
    void stretchRefusesARangeTheTargetTypeCannotHold() {
        GrayU8 a = new GrayU8(1, 2);
        assertThatThrownBy(() -> Convert.stretch(a, 300)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max outside the uint8 range: 300.0");
        assertThatThrownBy(() -> Convert.stretch(a, -1, 5)).hasMessage("min outside the uint8 range: -1.0");
        assertThatThrownBy(() -> Convert.stretch(a, 0, Double.NaN, DType.F64)).hasMessageContaining("NaN");
    }

    @Test
    void thresholdMasksMatchNumpyComparisonsOnEveryType() {
        for (String key : cases()) {
            double t = REF.get(key + "_t").values()[0];
            for (GrayImage in : List.of(input(key), asCrop(input(key)))) {
                assertThat(Convert.threshold(in, t)).as(key).satisfies(same(expected(key, "above")));
                assertThat(Convert.thresholdBelow(in, t)).as(key).satisfies(same(expected(key, "below")));
                assertThat(Convert.nonZero(in)).as(key).satisfies(same(expected(key, "nonzero")));
            }
        }
    }

    @Test
    void uint8ThresholdHandlesFractionalAndOutOfRangeLimits() {
        GrayU8 img = new GrayU8(1, 4, new byte[] {0, 10, 11, (byte) 255});
        assertThat(Convert.threshold(img, 10.5).data()).containsExactly(0, 0, 1, 1);
        assertThat(Convert.threshold(img, 10).data()).containsExactly(0, 0, 1, 1);
        assertThat(Convert.thresholdBelow(img, 10.5).data()).containsExactly(1, 1, 0, 0);
        assertThat(Convert.thresholdBelow(img, 10).data()).containsExactly(1, 0, 0, 0);
        assertThat(Convert.threshold(img, -3).data()).containsOnly(1);
        assertThat(Convert.threshold(img, 255).data()).containsOnly(0);
        assertThat(Convert.thresholdBelow(img, 1e9).data()).containsOnly(1);
        assertThat(Convert.threshold(img, Double.NaN).data()).containsOnly(0);
    }

    @Test
    void maskAlgebraIsElementwiseLogic() {
        GrayU8 a = new GrayU8(1, 4, new byte[] {0, 0, 1, 7});
        GrayU8 b = new GrayU8(1, 4, new byte[] {0, 1, 0, 1});
        assertThat(Convert.and(a, b).data()).containsExactly(0, 0, 0, 1);
        assertThat(Convert.or(a, b).data()).containsExactly(0, 1, 1, 1);
        assertThat(Convert.xor(a, b).data()).containsExactly(0, 1, 1, 0);
        assertThat(Convert.not(a).data()).containsExactly(1, 1, 0, 0);
        assertThat(Convert.maskTo255(a).data()).containsExactly(0, 0, (byte) 255, (byte) 255);
        assertThatThrownBy(() -> Convert.and(a, new GrayU8(4, 1)))
                .hasMessage("shape mismatch: a is 1×4, b is 4×1");
    }

    @Test
    void rgbToGreyUsesMahotasWeightsAndBandMeanIsNumpyMean() {
        int checked = 0;
        for (String key : REF.keySet()) {
            if (!key.startsWith("rgb") || !key.endsWith("_grey")) {
                continue;
            }
            String base = key.substring(0, key.length() - 5);
            List<GrayImage> bands = new ArrayList<>();
            for (String band : List.of("r", "g", "b", "a")) {
                Npy.Array a = REF.get(base + "_" + band);
                if (a != null) {
                    bands.add(a.toImage());
                }
            }
            Planar<GrayImage> img = Planar.of(bands);
            assertClose(Convert.rgbToGrey(img), REF.get(key).toF64(), base);
            assertClose(Convert.bandMean(img), REF.get(base + "_mean").toF64(), base);
            assertThat(Convert.bandMax(img)).as(base).isEqualTo(REF.get(base + "_max").toImage());
            checked++;
        }
        assertThat(checked).isEqualTo(6);
        assertThatThrownBy(() -> Convert.rgbToGrey(Planar.of(new GrayU8(2, 2), new GrayU8(2, 2))))
                .hasMessage("rgbToGrey needs 3 (RGB) or 4 (RGBA) bands: 2");
    }

    /** An assertion that names the first differing pixel, which plain equals cannot. */
    static java.util.function.Consumer<GrayImage> same(GrayImage expected) {
        return actual -> {
            assertThat(actual.dtype()).isEqualTo(expected.dtype());
            assertThat(actual.shape()).isEqualTo(expected.shape());
            for (int r = 0; r < expected.height(); r++) {
                for (int c = 0; c < expected.width(); c++) {
                    assertThat(actual.getAsDouble(r, c)).as("pixel (%d, %d)", r, c)
                            .isEqualTo(expected.getAsDouble(r, c));
                }
            }
        };
    }

    private static void assertClose(GrayF64 actual, GrayF64 expected, String what) {
        assertThat(actual.height()).isEqualTo(expected.height());
        for (int i = 0; i < expected.data().length; i++) {
            double want = expected.data()[i];
            assertThat(actual.data()[i]).as(what + "[" + i + "]").isCloseTo(want, within(1e-12 * Math.max(1, Math.abs(want))));
        }
    }
}
