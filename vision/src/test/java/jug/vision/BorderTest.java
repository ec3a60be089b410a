package jug.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BorderTest {
    private static final Map<String, Npy.Array> REFERENCE = Npy.resourceArchive("/jug/vision/border.npz");

    @Test
    void everyModeExtendsLikeScipy() {
        for (Border border : new Border[] {Border.REFLECT, Border.MIRROR, Border.NEAREST, Border.WRAP}) {
            for (int n : new int[] {1, 2, 3, 4, 7}) {
                double[] expected = REFERENCE.get(border.name().toLowerCase(Locale.ROOT) + "_" + n).values();
                int pad = 2 * n + 3;
                for (int k = 0; k < expected.length; k++) {
                    assertThat(border.map(k - pad, n)).as("%s n=%d i=%d", border, n, k - pad).isEqualTo((int) expected[k]);
                }
            }
        }
    }

    @Test
    void constantReadsOutsidePixelsAsMinusOne() {
        assertThat(Border.CONSTANT.map(-1, 5)).isEqualTo(-1);
        assertThat(Border.CONSTANT.map(5, 5)).isEqualTo(-1);
        assertThat(Border.CONSTANT.map(3, 5)).isEqualTo(3);
    }

    @Test
    void farOutsideCoordinatesStillMap() {
        assertThat(Border.REFLECT.map(-1_000_001, 4)).isBetween(0, 3);
        assertThat(Border.MIRROR.map(Integer.MAX_VALUE, 3)).isBetween(0, 2);
    }
}
