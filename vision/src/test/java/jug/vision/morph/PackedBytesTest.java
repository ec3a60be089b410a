package jug.vision.morph;

import static org.assertj.core.api.Assertions.assertThat;

import jug.vision.GrayU8;
import jug.vision.StructuringElement;
import org.junit.jupiter.api.Test;

class PackedBytesTest {
    @Test
    void packedMinAndMaxAreExactForEveryPairOfBytes() {
        // Row 0 holds a, row 1 holds b, for all 65,536 pairs. With the members (0, 0) and (1, 0), erosion reads
        // rows r and r + 1, so its row 0 is min(a, b); dilation reads rows r and r - 1, so its row 1 is max(a, b).
        GrayU8 pairs = new GrayU8(2, 65_536);
        for (int i = 0; i < 65_536; i++) {
            pairs.data()[i] = (byte) (i >>> 8);
            pairs.data()[65_536 + i] = (byte) i;
        }
        StructuringElement down = StructuringElement.of(new int[][] {{0}, {1}, {1}});
        GrayU8 min = Morphology.erode(pairs, down);
        GrayU8 max = Morphology.dilate(pairs, down);
        for (int i = 0; i < 65_536; i++) {
            int a = i >>> 8;
            int b = i & 0xFF;
            assertThat(min.get(0, i)).as("min(%d, %d)", a, b).isEqualTo(Math.min(a, b));
            assertThat(max.get(1, i)).as("max(%d, %d)", a, b).isEqualTo(Math.max(a, b));
        }
    }

    @Test
    void anyNonzeroByteIsTrueInBinaryOperators() {
        GrayU8 mask = new GrayU8(1, 256);
        for (int i = 0; i < 256; i++) {
            mask.data()[i] = (byte) i;
        }
        GrayU8 same = Morphology.binaryErode(mask, StructuringElement.ones(1, 1));
        assertThat(same.get(0, 0)).isZero();
        for (int i = 1; i < 256; i++) {
            assertThat(same.get(0, i)).as("byte %d", i).isOne();
        }
    }

    @Test
    void shiftsAcrossManyLongsReadTheRightPixels() {
        // A single bright pixel dilated by a one-row element with members 17 and 3 columns left of the origin.
        GrayU8 image = new GrayU8(1, 100);
        image.set(0, 40, 200);
        StructuringElement se = StructuringElement.of(new int[][] {{1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}});
        GrayU8 d = Morphology.dilate(image, se);
        for (int c = 0; c < 100; c++) {
            assertThat(d.get(0, c)).as("column %d", c).isEqualTo(c == 40 - 17 || c == 40 - 3 ? 200 : 0);
        }
    }
}
