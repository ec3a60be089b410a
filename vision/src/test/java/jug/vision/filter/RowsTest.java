package jug.vision.filter;

import static org.assertj.core.api.Assertions.assertThat;

import jug.vision.DType;
import jug.vision.GrayF32;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU16;
import jug.vision.GrayU8;
import org.junit.jupiter.api.Test;

class RowsTest {
    @Test
    void integerOutputsRoundHalfToEvenLikeNumpyRint() {
        double[] values = {0.5, 1.5, 2.5, -0.5, 2.4999, 2.5001};
        GrayS32 out = new GrayS32(1, values.length);
        Rows.store(values, out, 0);
        assertThat(out.data()).containsExactly(0, 2, 2, 0, 2, 3);
    }

    @Test
    void integerOutputsSaturateAtTheTypeRangeAndNaNBecomesZero() {
        double[] values = {-3, 256, 1e12, Double.NaN, Double.NEGATIVE_INFINITY};
        GrayU8 u8 = new GrayU8(1, 5);
        Rows.store(values, u8, 0);
        assertThat(new int[] {u8.get(0, 0), u8.get(0, 1), u8.get(0, 2), u8.get(0, 3), u8.get(0, 4)})
                .containsExactly(0, 255, 255, 0, 0);
        GrayU16 u16 = new GrayU16(1, 5);
        Rows.store(values, u16, 0);
        assertThat(new int[] {u16.get(0, 0), u16.get(0, 1), u16.get(0, 2), u16.get(0, 3), u16.get(0, 4)})
                .containsExactly(0, 256, 65535, 0, 0);
        GrayS32 s32 = new GrayS32(1, 5);
        Rows.store(values, s32, 0);
        assertThat(s32.data()).containsExactly(-3, 256, Integer.MAX_VALUE, 0, Integer.MIN_VALUE);
    }

    @Test
    void float32OutputsRoundToNearest() {
        GrayF32 out = new GrayF32(1, 1);
        Rows.store(new double[] {0.1}, out, 0);
        assertThat(out.get(0, 0)).isEqualTo(0.1f);
        assertThat(Rows.convert(0.1, DType.F32)).isEqualTo((double) 0.1f);
        assertThat(Rows.convert(-7.5, DType.U8)).isZero();
    }

    @Test
    void loadAndStoreFollowCropViews() {
        GrayU16 big = new GrayU16(3, 4, new short[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        GrayImage view = big.crop(1, 1, 2, 2);
        double[] row = new double[3];
        view.readRow(1, row, 1);
        assertThat(row).containsExactly(0, 10, 11);
        Rows.store(new double[] {40, 41}, view, 0);
        assertThat(big.get(1, 1)).isEqualTo(40);
        assertThat(big.get(1, 2)).isEqualTo(41);
        assertThat(big.get(1, 3)).isEqualTo(8);
        assertThat(Rows.shareArray(view, big)).isTrue();
        assertThat(Rows.shareArray(view, big.copy())).isFalse();
    }
}
