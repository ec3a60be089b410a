package jug.vision.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU16;
import jug.vision.GrayU8;
import jug.vision.Npy;
import org.junit.jupiter.api.Test;

class DistanceTest {
    static final Map<String, Npy.Array> REF = Npy.resourceArchive("/jug/vision/segment/segment.npz");
    private static final List<String> IMAGES = List.of("row", "column", "odd", "sparse", "half", "blobs", "point",
            "corners", "grid");

    @Test
    void euclideanEqualsScipyBitForBitAndSquaredEqualsTheExactSquare() {
        for (String name : IMAGES) {
            GrayImage bw = REF.get("d_" + name).toImage();
            assertThat(Distance.euclidean(bw).data()).as(name).containsExactly(REF.get("d_" + name + "_edt").values());
            assertThat(Distance.squared(bw).data()).as(name).containsExactly(REF.get("d_" + name + "_sq").values());
        }
    }

    @Test
    void everyDtypeIsBinarisedAsNonzero() {
        GrayImage bw = REF.get("d_blobs").toImage();
        double[] expected = REF.get("d_blobs_sq").values();
        GrayF64 f64 = bw.toF64();
        for (int i = 0; i < f64.data().length; i++) {
            f64.data()[i] = f64.data()[i] == 0 ? 0 : (i % 3 == 0 ? -0.5 : Double.NaN);
        }
        GrayU16 u16 = new GrayU16(bw.height(), bw.width());
        GrayS32 s32 = new GrayS32(bw.height(), bw.width());
        for (int r = 0; r < bw.height(); r++) {
            for (int c = 0; c < bw.width(); c++) {
                int v = (int) bw.getAsDouble(r, c);
                u16.set(r, c, v * 65535);
                s32.set(r, c, -v * 12345);
            }
        }
        for (GrayImage img : new GrayImage[] {bw.toF32(), f64, u16, s32}) {
            assertThat(Distance.squared(img).data()).as(img.toString()).containsExactly(expected);
        }
    }

    @Test
    void mahotasOracleD1() {
        GrayU8 bw = new GrayU8(5, 7);
        bw.fill(1);
        bw.set(2, 3, 0);
        GrayF64 sq = Distance.squared(bw);
        assertThat(java.util.Arrays.copyOfRange(sq.data(), 0, 7)).containsExactly(13, 8, 5, 4, 5, 8, 13);
        assertThat(java.util.Arrays.copyOfRange(sq.data(), 7, 14)).containsExactly(10, 5, 2, 1, 2, 5, 10);
        assertThat(java.util.Arrays.copyOfRange(sq.data(), 14, 21)).containsExactly(9, 4, 1, 0, 1, 4, 9);
        GrayU8 five = new GrayU8(5, 5);
        five.fill(1);
        five.set(0, 0, 0);
        assertThat(Distance.euclidean(five).get(4, 4)).isCloseTo(5.656854, within(1e-6));
    }

    @Test
    void noBackgroundPixelGivesInfinityEverywhere() {
        GrayU8 ones = new GrayU8(3, 4);
        ones.fill(1);
        assertThat(Distance.euclidean(ones).data()).containsOnly(Double.POSITIVE_INFINITY);
        assertThat(Distance.squared(ones).data()).containsOnly(Double.POSITIVE_INFINITY);
        assertThat(Distance.squared(new GrayU8(2, 3)).data()).containsOnly(0.0);
        assertThat(Distance.squared(new GrayU8(0, 3)).data()).isEmpty();
    }

    @Test
    void cropViewsAreReadAndWrittenInPlace() {
        GrayImage bw = REF.get("d_half").toImage();
        GrayImage crop = bw.crop(2, 3, 31, 40);
        GrayF64 canvas = new GrayF64(40, 50);
        canvas.fill(-1);
        GrayF64 view = canvas.crop(1, 2, 31, 40);
        assertThat(Distance.euclidean(crop, view)).isSameAs(view);
        assertThat(view.copy()).isEqualTo(Distance.euclidean(crop.copy()));
        assertThat(canvas.get(0, 0)).isEqualTo(-1);
        assertThatThrownBy(() -> Distance.squared(bw, new GrayF64(3, 3)))
                .hasMessage("shape mismatch: binary is 40×50, out is 3×3");
    }

    @Test
    void largeImagesSplitAcrossThreadsGiveTheSameResultAsBruteForceOnSamples() {
        // 700×600 is above Parallelism's split threshold; check a sample of pixels against a direct search.
        int h = 700;
        int w = 600;
        GrayU8 bw = new GrayU8(h, w);
        bw.fill(1);
        java.util.Random random = new java.util.Random(5);
        int[][] zeros = new int[40][];
        for (int k = 0; k < zeros.length; k++) {
            zeros[k] = new int[] {random.nextInt(h), random.nextInt(w)};
            bw.set(zeros[k][0], zeros[k][1], 0);
        }
        GrayF64 sq = Distance.squared(bw);
        for (int s = 0; s < 2000; s++) {
            int r = random.nextInt(h);
            int c = random.nextInt(w);
            long best = Long.MAX_VALUE;
            for (int[] z : zeros) {
                long dr = z[0] - r;
                long dc = z[1] - c;
                best = Math.min(best, dr * dr + dc * dc);
            }
            assertThat(sq.get(r, c)).as("(%d, %d)", r, c).isEqualTo((double) best);
        }
    }
}
