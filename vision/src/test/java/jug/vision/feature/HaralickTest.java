package jug.vision.feature;

import static jug.vision.feature.Close.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import jug.vision.GrayF32;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU16;
import jug.vision.GrayU8;
import jug.vision.Npy;
import jug.vision.feature.Haralick.Options;
import org.junit.jupiter.api.Test;

class HaralickTest {
    /** Oracle H1 of mahotas.md §4: the classic 4×4 image. */
    static final GrayU8 H1 = u8(4, 4, 0, 0, 1, 1, 0, 0, 1, 1, 0, 2, 2, 2, 2, 2, 3, 3);
    static final double[][] H1_FEATURES = {
        {0.1458333333, 0.5833333333, 0.7195325543, 1.0399305556, 0.8083333333, 2.5833333333, 3.5763888889,
            2.459147917, 3.0220552089, 0.0659722222, 1.1887218755, -0.4274787236, 0.8981149096},
        {0.1172839506, 1.7777777778, 0.1627906977, 1.0617283951, 0.5111111111, 2.4444444444, 2.4691358025,
            2.0588138903, 3.1971597234, 0.0270061728, 1.5304930568, -0.3093302998, 0.8304274687},
        {0.1388888889, 1.0, 0.4857142857, 0.9722222222, 0.7, 2.3333333333, 2.8888888889, 2.1887218755, 3.0220552089,
            0.0347222222, 1.459147917, -0.3712008886, 0.8647413063},
        {0.1481481481, 0.4444444444, 0.7352941176, 0.8395061728, 0.7777777778, 2.4444444444, 2.9135802469,
            2.5032583348, 2.9477027792, 0.0640432099, 0.9910760598, -0.351595619, 0.8459455774},
    };
    static final int[][] H1_GLCMS = {
        {4, 2, 1, 0, 2, 4, 0, 0, 1, 0, 6, 1, 0, 0, 1, 2},
        {2, 1, 3, 0, 1, 2, 1, 0, 3, 1, 0, 2, 0, 0, 2, 0},
        {6, 0, 2, 0, 0, 4, 2, 0, 2, 2, 2, 2, 0, 0, 2, 0},
        {4, 1, 0, 0, 1, 2, 2, 0, 0, 2, 4, 1, 0, 0, 1, 0},
    };
    /** The oracle gives 10 decimals. */
    static final double ORACLE_TOLERANCE = 1e-9;

    static GrayU8 u8(int h, int w, int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return new GrayU8(h, w, b);
    }

    static void assertOracle(double[] actual, double[] expected, String what) {
        assertThat(actual).as(what).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as(what + "[" + i + "]").isCloseTo(expected[i], org.assertj.core.data.Offset.offset(ORACLE_TOLERANCE));
        }
    }

    @Test
    void featuresOfH1MatchMahotasInEveryDirection() {
        double[][] f = Haralick.features(H1);
        assertThat(f).hasDimensions(4, 13);
        for (int d = 0; d < 4; d++) {
            assertOracle(f[d], H1_FEATURES[d], "H1 direction " + d);
        }
    }

    @Test
    void symmetricGlcmsOfH1MatchMahotas() {
        for (int d = 0; d < 4; d++) {
            GrayS32 glcm = Haralick.cooccurrence(H1, d, 1, true);
            assertThat(glcm.shape()).isEqualTo("4×4");
            assertThat(glcm.data()).as("direction " + d).containsExactly(H1_GLCMS[d]);
        }
    }

    @Test
    void xMinusYVarianceChangesOnlyF9AndMatchesMahotas() {
        double[] expected = {0.4097222222, 0.5432098765, 0.5555555556, 0.2469135802};
        double[][] plain = Haralick.features(H1);
        double[][] f = Haralick.features(H1, Options.DEFAULT.withXMinusYVariance(true));
        int changed = 0;
        for (int d = 0; d < 4; d++) {
            assertThat(f[d][9]).isCloseTo(expected[d], org.assertj.core.data.Offset.offset(ORACLE_TOLERANCE));
            for (int k = 0; k < 13; k++) {
                if (f[d][k] != plain[d][k]) {
                    changed++;
                }
            }
        }
        assertThat(changed).isEqualTo(4);
    }

    @Test
    void distanceTwoOfH1MatchesMahotas() {
        double[] expected = {0.1796875, 1.25, 0.4117647059, 1.0625, 0.525, 2.5, 3.0, 1.75, 2.625, 0.0859375,
            1.0612781245, -0.6355094587, 0.9556617884};
        assertOracle(Haralick.features(H1, Options.DEFAULT.withDistance(2))[0], expected, "H1 distance 2");
    }

    @Test
    void fourteenthFeatureOfH1IsNaNWhereMahotasFails() {
        // direction 2 has the constant row [2, 2, 2, 2]: numpy's corrcoef divides by 0 and eigvalsh raises
        double[][] f = Haralick.features(H1, Options.DEFAULT.withFourteenth(true));
        assertThat(f[2]).hasSize(14);
        assertThat(f[2][13]).isNaN();
        assertThat(Arrays.copyOf(f[0], 13)).containsExactly(Haralick.features(H1)[0]);
    }

    @Test
    void featuresMatchNumpyOnRandomImagesOfEveryDtypeAndOption() {
        Map<String, Npy.Array> ref = Close.archive("haralick.npz");
        int images = 0;
        int checks = 0;
        for (int n = 0; ref.containsKey("img" + n); n++, images++) {
            String key = "img" + n;
            GrayImage img = ref.get(key).toImage();
            Map<String, Options> variants = Map.of("_default", Options.DEFAULT,
                    "_ignore", Options.DEFAULT.withIgnoreZeros(true),
                    "_bug", Options.DEFAULT.withPreserveHaralickBug(true),
                    "_xmy", Options.DEFAULT.withXMinusYVariance(true),
                    "_d2", Options.DEFAULT.withDistance(2),
                    "_d3", Options.DEFAULT.withDistance(3),
                    "_f14", Options.DEFAULT.withFourteenth(true));
            for (Map.Entry<String, Options> v : variants.entrySet()) {
                Npy.Array expected = ref.get(key + v.getKey());
                if (expected != null) {
                    assertClose(Haralick.features(img, v.getValue()), expected.values(), key + v.getKey() + " " + img.dtype());
                    checks++;
                }
            }
            double[][] f = Haralick.features(img);
            assertClose(Haralick.mean(f), ref.get(key + "_mean").values(), key + " mean");
            assertClose(Haralick.meanAndPtp(f), ref.get(key + "_meanptp").values(), key + " mean+ptp");
        }
        assertThat(images).isEqualTo(9);
        assertThat(checks).isGreaterThanOrEqualTo(40);
    }

    @Test
    void cooccurrenceMatchesNumpyAtDistancesOneAndTwo() {
        Map<String, Npy.Array> ref = Close.archive("haralick.npz");
        int checked = 0;
        for (int n = 0; ref.containsKey("img" + n); n++) {
            GrayImage img = ref.get("img" + n).toImage();
            for (String suffix : new String[] {"_glcm", "_glcm_d2"}) {
                Npy.Array glcm = ref.get("img" + n + suffix);
                if (glcm == null) {
                    continue;
                }
                int g = glcm.shape()[1];
                for (int d = 0; d < 4; d++) {
                    double[] expected = Arrays.copyOfRange(glcm.values(), d * g * g, (d + 1) * g * g);
                    GrayS32 actual = Haralick.cooccurrence(img, d, suffix.equals("_glcm") ? 1 : 2, true);
                    assertThat(actual.toF64().data()).as("img" + n + suffix + " direction " + d).containsExactly(expected);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(24);
    }

    @Test
    void nonSymmetricCooccurrenceCountsEachPairOnceFromItsFirstPixel() {
        GrayU8 img = u8(2, 3, 0, 1, 2, 2, 2, 1);
        // → pairs: (0,1) (1,2) (2,2) (2,1)
        assertThat(Haralick.cooccurrence(img, 0, 1, false).data()).containsExactly(0, 1, 0, 0, 0, 1, 0, 1, 1);
        // ↙ pairs from (0,1) to (1,0) and from (0,2) to (1,1): (1,2) (2,2)
        assertThat(Haralick.cooccurrence(img, 3, 1, false).data()).containsExactly(0, 0, 0, 0, 0, 1, 0, 0, 1);
    }

    @Test
    void featuresOfACallersMatrixMatchNumpyIncludingNonSymmetricOnes() {
        Map<String, Npy.Array> ref = Close.archive("haralick.npz");
        for (int n = 0; n < 3; n++) {
            GrayS32 asym = ref.get("asym" + n).toS32();
            GrayS32 before = (GrayS32) asym.copy();
            assertClose(Haralick.featuresOf(asym, Options.DEFAULT), ref.get("asym" + n + "_f").values(), "asym" + n);
            assertClose(Haralick.featuresOf(asym, Options.DEFAULT.withIgnoreZeros(true)),
                    ref.get("asym" + n + "_ignore").values(), "asym" + n + " ignoreZeros");
            assertThat(asym).isEqualTo(before);
            assertClose(Haralick.featuresOf(ref.get("dense" + n).toS32(), Options.DEFAULT.withFourteenth(true)),
                    ref.get("dense" + n + "_f14").values(), "dense" + n + " with F13");
        }
    }

    @Test
    void featuresOfTheImageGlcmEqualTheImageFeatures() {
        GrayImage img = Close.archive("haralick.npz").get("img3").toImage();
        double[][] f = Haralick.features(img);
        for (int d = 0; d < 4; d++) {
            assertThat(Haralick.featuresOf(Haralick.cooccurrence(img, d, 1, true), Options.DEFAULT)).containsExactly(f[d]);
        }
    }

    @Test
    void cropViewsGiveTheFeaturesOfTheirPixels() {
        GrayImage img = Close.archive("haralick.npz").get("img3").toImage();
        GrayImage crop = img.crop(3, 5, 30, 27);
        assertThat(crop.isContiguous()).isFalse();
        assertThat(Haralick.features(crop)).isDeepEqualTo(Haralick.features(crop.copy()));
    }

    @Test
    void everyIntegerDtypeGivesTheSameFeaturesForTheSameValues() {
        GrayU8 u8 = (GrayU8) Close.archive("haralick.npz").get("img1").toImage();
        double[][] expected = Haralick.features(u8);
        GrayU16 u16 = new GrayU16(u8.height(), u8.width());
        GrayS32 s32 = new GrayS32(u8.height(), u8.width());
        for (int r = 0; r < u8.height(); r++) {
            for (int c = 0; c < u8.width(); c++) {
                u16.set(r, c, u8.get(r, c));
                s32.set(r, c, u8.get(r, c));
            }
        }
        assertThat(Haralick.features(u16)).isDeepEqualTo(expected);
        assertThat(Haralick.features(s32)).isDeepEqualTo(expected);
    }

    @Test
    void floatImagesAreRefusedWithTheirDtype() {
        assertThatThrownBy(() -> Haralick.features(new GrayF64(3, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integer image").hasMessageContaining("float64");
        assertThatThrownBy(() -> Haralick.features(new GrayF32(3, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("float32");
    }

    @Test
    void negativeGreyLevelsAreRefused() {
        GrayS32 img = new GrayS32(2, 2, new int[] {0, 1, -3, 2});
        assertThatThrownBy(() -> Haralick.features(img))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-negative").hasMessageContaining("-3");
    }

    @Test
    void hugeGreyLevelsAreRefusedWithAdviceToQuantise() {
        GrayS32 img = new GrayS32(1, 2, new int[] {0, 100_000});
        assertThatThrownBy(() -> Haralick.features(img))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100000").hasMessageContaining("quantise");
    }

    @Test
    void aSingleRowHasNoVerticalPairsAndThrowsNamingTheDirection() {
        GrayU8 row = u8(1, 5, 1, 2, 3, 1, 2);
        assertThatThrownBy(() -> Haralick.features(row))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("direction 1 (↘)").hasMessageContaining("1×5");
        assertThatThrownBy(() -> Haralick.features(u8(5, 1, 1, 2, 3, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("direction 0 (→)");
        assertThat(Haralick.cooccurrence(row, 0, 1, true).data()[1 * 4 + 2]).isEqualTo(2);
        assertThatThrownBy(() -> Haralick.features(H1, Options.DEFAULT.withDistance(4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distance 4");
    }

    @Test
    void ignoringZerosOfAnImageWithoutNonZeroPairsThrows() {
        GrayU8 img = u8(2, 2, 0, 1, 0, 0);
        assertThatThrownBy(() -> Haralick.features(img, Options.DEFAULT.withIgnoreZeros(true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ignoreZeros");
        Map<String, Npy.Array> ref = Close.archive("haralick.npz");
        assertThat(ref).doesNotContainKey("img6_ignore");
        GrayImage img6 = ref.get("img6").toImage();
        assertThatThrownBy(() -> Haralick.features(img6, Options.DEFAULT.withIgnoreZeros(true)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> Options.DEFAULT.withDistance(0)).hasMessage("distance < 1: 0");
        assertThatThrownBy(() -> Haralick.cooccurrence(H1, 4, 1, true)).hasMessage("direction outside 0..3: 4");
        assertThatThrownBy(() -> Haralick.featuresOf(new GrayS32(2, 3), Options.DEFAULT)).hasMessageContaining("2×3");
        assertThatThrownBy(() -> Haralick.featuresOf(new GrayS32(2, 2), Options.DEFAULT)).hasMessageContaining("empty");
        assertThatThrownBy(() -> Haralick.mean(new double[][] {{1, 2}, {3}})).hasMessageContaining("different");
    }

    @Test
    void labelsNameAllFourteenFeatures() {
        assertThat(Haralick.LABELS).hasSize(14).startsWith("Angular Second Moment").endsWith("Maximal Correlation Coefficient");
    }
}
