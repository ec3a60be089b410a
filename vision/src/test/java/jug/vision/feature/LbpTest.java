package jug.vision.feature;

import static jug.vision.feature.Close.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU8;
import jug.vision.Npy;
import org.junit.jupiter.api.Test;

class LbpTest {
    /** Oracle LBP1 of mahotas.md §4. */
    static final GrayU8 LBP1 = HaralickTest.u8(8, 8,
            19, 198, 111, 184, 249, 137, 127, 18, 68, 127, 173, 204, 97, 16, 73, 231,
            54, 115, 237, 6, 153, 242, 58, 139, 231, 33, 133, 191, 170, 119, 52, 125,
            94, 121, 93, 213, 196, 80, 146, 70, 115, 90, 167, 94, 117, 183, 105, 231,
            46, 188, 107, 108, 161, 133, 105, 0, 23, 180, 133, 177, 243, 174, 13, 78);

    @Test
    void histogramsOfLbp1MatchMahotas() {
        assertThat(Lbp.histogram(LBP1, 1, 8)).containsExactly(18, 6, 11, 0, 1, 0, 0, 2, 5, 0, 1, 0, 0, 0, 4, 0, 1, 0,
                0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 4, 0, 7, 0);
        assertThat(Lbp.histogram(LBP1, 2, 4)).containsExactly(23, 18, 12, 3, 7, 1);
    }

    @Test
    void transformOfLbp1MatchesMahotasOnItsFirstAndLastRows() {
        GrayS32 t = Lbp.transform(LBP1, 1, 8);
        assertThat(Arrays.copyOfRange(t.data(), 0, 8)).containsExactly(31, 1, 55, 19, 0, 0, 3, 3);
        assertThat(Arrays.copyOfRange(t.data(), 56, 64)).containsExactly(3, 0, 3, 3, 0, 0, 3, 0);
    }

    @Test
    void anglesUseTheSameSinesAndCosinesAsNumpy() {
        // Math.sin is off by an ulp for P=29, k=26 here; CircleAngles rounds correctly, as numpy does up to P=32
        Map<String, Npy.Array> ref = Close.archive("lbp.npz");
        for (int points = 1; points <= 32; points++) {
            double[][] sinCos = CircleAngles.of(points);
            assertThat(sinCos[0]).as("sin, P=" + points).containsExactly(ref.get("sin" + points).values());
            assertThat(sinCos[1]).as("cos, P=" + points).containsExactly(ref.get("cos" + points).values());
        }
    }

    @Test
    void transformAndHistogramsMatchTheSamplingModelForEveryDtypeAndRadius() {
        Map<String, Npy.Array> ref = Close.archive("lbp.npz");
        double[] params = ref.get("params").values();
        int checked = 0;
        for (int n = 0; ref.containsKey("img" + n); n++) {
            GrayImage img = ref.get("img" + n).toImage();
            for (int m = 0; m < params.length / 2; m++) {
                double radius = params[2 * m];
                int points = (int) params[2 * m + 1];
                String what = "img" + n + " " + img.dtype() + " " + img.shape() + " r=" + radius + " P=" + points;
                String key = "img" + n + "_p" + m;
                assertThat(Lbp.transform(img, radius, points)).as(what).isEqualTo(ref.get(key + "_transform").toS32());
                assertThat(Lbp.histogram(img, radius, points)).as(what).containsExactly(ref.get(key + "_hist").values());
                assertThat(Lbp.histogram(img, radius, points, true)).as(what + " ignoreZeros")
                        .containsExactly(ref.get(key + "_histnz").values());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(9 * 7);
    }

    @Test
    void moreThanSixteenPointsUseTheUntabulatedPathAndStillMatch() {
        Map<String, Npy.Array> ref = Close.archive("lbp.npz");
        GrayImage img = ref.get("img4").toImage();
        assertThat(Lbp.transform(img, 2, 18)).isEqualTo(ref.get("p18_transform").toS32());
        assertThat(Lbp.histogram(img, 2, 18)).containsExactly(ref.get("p18_hist").values());
    }

    @Test
    void eightPointsHaveThirtySixRotationInvariantCodes() {
        int[] bins = Lbp.binCodes(8);
        assertThat(bins).hasSize(36).startsWith(0, 1, 3, 5).endsWith(127, 255);
        assertThat(IntStream.range(0, 256).map(c -> Lbp.minRotation(c, 8)).distinct().sorted().toArray()).isEqualTo(bins);
        assertThat(Lbp.binCodes(4)).containsExactly(0, 1, 3, 5, 7, 15);
        assertThat(Lbp.minRotation(0b1000_0001, 8)).isEqualTo(0b11);
    }

    @Test
    void histogramCountsEveryPixelOrEveryNonZeroPixel() {
        GrayImage img = Close.archive("lbp.npz").get("img3").toImage();
        assertThat(Arrays.stream(Lbp.histogram(img, 1.5, 6)).sum()).isEqualTo(img.size());
        long nonZero = Arrays.stream(img.toF64().data()).filter(v -> v != 0).count();
        assertThat(nonZero).isLessThan(img.size());
        assertThat(Arrays.stream(Lbp.histogram(img, 1.5, 6, true)).sum()).isEqualTo(nonZero);
    }

    @Test
    void codesStayBelowTwoToThePoints() {
        GrayS32 t = Lbp.transform(LBP1, 3, 12);
        assertThat(Arrays.stream(t.data()).max().getAsInt()).isLessThan(1 << 12);
        assertThat(Arrays.stream(t.data()).min().getAsInt()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void cropViewsAndCallerOutputsGiveTheSameCodes() {
        GrayImage img = Close.archive("lbp.npz").get("img4").toImage();
        GrayImage crop = img.crop(2, 3, 20, 25);
        GrayS32 expected = Lbp.transform(crop.copy(), 2, 8);
        assertThat(Lbp.transform(crop, 2, 8)).isEqualTo(expected);
        GrayS32 big = new GrayS32(30, 40);
        GrayS32 view = big.crop(5, 6, 20, 25);
        assertThat(Lbp.transform(crop, 2, 8, view)).isSameAs(view).isEqualTo(expected);
        assertThat(big.get(4, 6)).isZero();
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> Lbp.transform(LBP1, 0, 8)).hasMessage("radius must be positive and finite: 0.0");
        assertThatThrownBy(() -> Lbp.histogram(LBP1, Double.NaN, 8)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Lbp.histogram(LBP1, 1, 0)).hasMessage("points outside 1..24: 0");
        assertThatThrownBy(() -> Lbp.binCodes(25)).hasMessage("points outside 1..24: 25");
        assertThatThrownBy(() -> Lbp.transform(LBP1, 1, 8, new GrayS32(8, 7)))
                .hasMessage("shape mismatch: image is 8×8, out is 8×7");
    }

    @Test
    void emptyImagesGiveEmptyCodesAndAZeroHistogram() {
        assertThat(Lbp.transform(new GrayF64(0, 5), 1, 8).size()).isZero();
        assertClose(Lbp.histogram(new GrayF64(0, 5), 1, 4), new double[6], "empty");
    }
}
