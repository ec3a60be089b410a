package jug.vision.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jug.vision.Border;
import jug.vision.Convert;
import jug.vision.GrayF32;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayU16;
import jug.vision.GrayU8;
import jug.vision.Npy;
import jug.vision.StructuringElement;
import org.junit.jupiter.api.Test;

class ThresholdsTest {
    private static final Map<String, Npy.Array> REF = Npy.resourceArchive("/jug/vision/threshold/threshold.npz");

    /** mahotas.md oracle T1. */
    private static final byte[] T1 = {0, 0, 10, 10, 10, (byte) 200, (byte) 200, (byte) 210, (byte) 220, (byte) 255, 30, 30};

    private static GrayU8 t1() {
        return new GrayU8(3, 4, T1.clone());
    }

    private static List<String> globalCases() {
        List<String> names = new ArrayList<>();
        for (String k : REF.keySet()) {
            if (k.endsWith("_in") && !k.startsWith("local_")) {
                names.add(k.substring(0, k.length() - 3));
            }
        }
        assertThat(names).hasSize(10);
        return names;
    }

    @Test
    void otsuAndRcReproduceTheMahotasOracleT1() {
        GrayU8 im = t1();
        assertThat(Thresholds.otsu(im)).isEqualTo(30);
        assertThat(Thresholds.rc(im)).isEqualTo(114.92857142857143);
        assertThat(Thresholds.otsu(im, true)).isEqualTo(30);
        assertThat(Thresholds.rc(im, true)).isEqualTo(117.5);
        short[] wide = new short[T1.length];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = (short) ((T1[i] & 0xFF) * 257);
        }
        GrayU16 im16 = new GrayU16(3, 4, wide);
        assertThat(Thresholds.otsu(im16)).isEqualTo(7710);
        assertThat(Thresholds.rc(im16)).isEqualTo(29536.64285714286);
    }

    @Test
    void bimodalAndEmptyImagesGiveTheMahotasOracleValues() {
        byte[] two = new byte[100];
        for (int i = 0; i < 100; i++) {
            two[i] = (byte) (i < 50 ? 10 : 200);
        }
        GrayU8 bimodal = new GrayU8(10, 10, two);
        assertThat(Thresholds.otsu(bimodal)).isEqualTo(10);
        assertThat(Thresholds.rc(bimodal)).isEqualTo(105.0);
        GrayU8 zeros = new GrayU8(16, 16);
        assertThat(Thresholds.otsu(zeros)).isZero();
        assertThat(Thresholds.otsu(zeros, true)).isZero();
        assertThat(Thresholds.rc(zeros)).isZero();
        assertThat(Thresholds.rc(zeros, true)).isZero();
        GrayU8 mask = new GrayU8(2, 2, new byte[] {0, 1, 1, 0});
        assertThat(Thresholds.otsu(mask)).isZero();
        assertThat(Thresholds.otsu(new GrayU8(0, 5))).isZero();
    }

    @Test
    void otsuRcMeanAndHistogramMatchNumpyOnUint8AndUint16() {
        for (String name : globalCases()) {
            GrayImage img = REF.get(name + "_in").toImage();
            double[] otsu = REF.get(name + "_otsu").values();
            double[] rc = REF.get(name + "_rc").values();
            double[] mean = REF.get(name + "_mean").values();
            assertThat(Thresholds.histogram(img)).as(name).containsExactly(asLongs(REF.get(name + "_hist").values()));
            assertThat(Thresholds.otsu(img)).as(name).isEqualTo((int) otsu[0]);
            assertThat(Thresholds.otsu(img, true)).as(name).isEqualTo((int) otsu[1]);
            assertThat(Thresholds.rc(img)).as(name).isEqualTo(rc[0]);
            assertThat(Thresholds.rc(img, true)).as(name).isEqualTo(rc[1]);
            assertThat(Thresholds.mean(img)).as(name).isCloseTo(mean[0], within(1e-12 * mean[0]));
            assertThat(Thresholds.mean(img, true)).as(name).isCloseTo(mean[1], within(1e-12 * mean[1]));
        }
    }

    @Test
    void thresholdsOfACropViewUseOnlyTheViewsPixels() {
        GrayU8 big = new GrayU8(5, 6);
        big.fill(250);
        GrayU8 view = big.crop(1, 1, 3, 4);
        for (int i = 0; i < T1.length; i++) {
            view.set(i / 4, i % 4, T1[i] & 0xFF);
        }
        assertThat(Thresholds.otsu(view)).isEqualTo(30);
        assertThat(Thresholds.rc(view)).isEqualTo(114.92857142857143);
        assertThat(Thresholds.histogram(view)).hasSize(256).startsWith(2, 0);
    }

    @Test
    void uint16OtsuUsesTheFullRangeOfValues() {
        // By hand: T=1002 splits 3 pixels of mean 1001 from 5 of mean 1003.8, 3*5*2.8^2 = 117.6; T=1003 gives
        // 4*4*2.5^2 = 100 and T=1001 gives 2*6*(1000.5-1003.5)^2 = 108. A 256-bin quantisation (as ImageJ and
        // scikit-image do for 16-bit images) would put all five values in one bin and find no split.
        short[] d = {1000, 1001, 1002, 1003, 1004, 1004, 1004, 1004};
        GrayU16 img = new GrayU16(2, 4, d);
        assertThat(Thresholds.histogram(img)).hasSize(1005);
        assertThat(Thresholds.otsu(img)).isEqualTo(1002);
    }

    @Test
    void meanWorksOnFloatImagesAndIgnoresZerosOnRequest() {
        GrayF64 img = new GrayF64(1, 4, new double[] {0, 1.5, 0, 4.5});
        assertThat(Thresholds.mean(img)).isEqualTo(1.5);
        assertThat(Thresholds.mean(img, true)).isEqualTo(3.0);
        assertThat(Thresholds.mean(new GrayF32(2, 2), true)).isZero();
    }

    @Test
    void histogramMethodsRefuseTypesWithoutAFullHistogram() {
        assertThatThrownBy(() -> Thresholds.otsu(new GrayF32(2, 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("histogram thresholds need a uint8 or uint16 image, got float32");
        assertThatThrownBy(() -> Thresholds.rc(new jug.vision.GrayS32(2, 2))).hasMessageContaining("int32");
    }

    @Test
    void bernsenMatchesScipyNeighbourhoodExtremesOnEveryBorderTypeAndElement() {
        Map<String, StructuringElement> elements = Map.of(
                "disk3", StructuringElement.disk(3), "disk1", StructuringElement.disk(1),
                "block2x3", StructuringElement.ones(2, 3),
                "ell", StructuringElement.of(new int[][] {{1, 0, 0, 0}, {1, 0, 0, 0}, {1, 1, 1, 0}}));
        int checked = 0;
        for (String key : REF.keySet()) {
            if (!key.startsWith("local_") || !key.endsWith("_in")) {
                continue;
            }
            String name = key.substring(0, key.length() - 3);
            GrayImage img = REF.get(key).toImage();
            for (Map.Entry<String, StructuringElement> se : elements.entrySet()) {
                assertThat(REF.get("se_" + se.getKey()).toU8().data()).isEqualTo(mask(se.getValue()));
                for (Border border : Border.values()) {
                    String ref = name + "_" + se.getKey() + "_" + border.name().toLowerCase(java.util.Locale.ROOT);
                    GrayU8 got = Thresholds.gbernsen(img, se.getValue(), 15, 128, border);
                    assertThat(got.data()).as(ref).isEqualTo(REF.get(ref).toU8().data());
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(7 * 4 * 5);
    }

    @Test
    void bernsenUsesADiskAndMahotasDefaultGlobalThreshold() {
        GrayImage img = REF.get("local_u8_in").toImage();
        GrayU8 expected = REF.get("local_u8_disk3_reflect").toU8();
        assertThat(Thresholds.bernsen(img, 3, 15, Border.REFLECT).data()).isEqualTo(expected.data());
        assertThat(Thresholds.bernsen(img, 3, 15, 128, Border.REFLECT).data()).isEqualTo(expected.data());
    }

    @Test
    void bernsenFallsBackToTheGlobalThresholdInFlatRegions() {
        GrayU8 flat = new GrayU8(4, 4);
        flat.fill(100);
        assertThat(Thresholds.bernsen(flat, 2, 15, 99, Border.NEAREST).data()).containsOnly(1);
        assertThat(Thresholds.bernsen(flat, 2, 15, 100, Border.NEAREST).data()).containsOnly(0);
        GrayU8 edge = new GrayU8(1, 4, new byte[] {10, 10, 90, 90});
        assertThat(Thresholds.bernsen(edge, 3, 15, 200, Border.NEAREST).data()).containsExactly(0, 0, 1, 1);
    }

    @Test
    void bernsenRefusesNaNParameters() {
        GrayU8 img = new GrayU8(2, 2);
        assertThatThrownBy(() -> Thresholds.bernsen(img, 2, Double.NaN, Border.REFLECT))
                .hasMessage("contrastThreshold is NaN");
        assertThatThrownBy(() -> Thresholds.bernsen(img, 0, 15, Border.REFLECT)).hasMessage("radius <= 0: 0");
    }

    @Test
    void otsuSplitsTheBenchmarkFieldBetweenBackgroundAndBlobs() {
        GrayU8 field = jug.vision.bench.BenchImages.fieldU8(256);
        int t = Thresholds.otsu(field);
        GrayU8 blobs = jug.vision.bench.BenchImages.binary(256);
        GrayU8 fg = Convert.threshold(field, t);
        int agree = 0;
        for (int i = 0; i < fg.data().length; i++) {
            agree += fg.data()[i] == blobs.data()[i] ? 1 : 0;
        }
        assertThat(t).isBetween(60, 160);
        assertThat(agree).isGreaterThan(fg.data().length * 9 / 10);
    }

    private static byte[] mask(StructuringElement se) {
        byte[] m = new byte[se.height() * se.width()];
        for (int r = 0; r < se.height(); r++) {
            for (int c = 0; c < se.width(); c++) {
                m[r * se.width() + c] = (byte) (se.contains(r, c) ? 1 : 0);
            }
        }
        return m;
    }

    private static long[] asLongs(double[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (long) v[i];
        }
        return out;
    }
}
