package jug.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GrayImageTest {
    @Test
    void pixelsAreRowMajorAndUnsignedTypesReadUnsigned() {
        GrayU8 image = new GrayU8(2, 3, new byte[] {1, 2, 3, 4, 5, (byte) 250});
        assertThat(image.get(0, 2)).isEqualTo(3);
        assertThat(image.get(1, 0)).isEqualTo(4);
        assertThat(image.get(1, 2)).isEqualTo(250);
        GrayU16 wide = new GrayU16(1, 1, new short[] {(short) 65000});
        assertThat(wide.get(0, 0)).isEqualTo(65000);
    }

    @Test
    void cropIsAViewThatSharesTheArray() {
        GrayS32 image = new GrayS32(4, 5);
        GrayS32 view = image.crop(1, 2, 2, 3);
        view.set(1, 2, 7);
        assertThat(image.get(2, 4)).isEqualTo(7);
        assertThat(view.isContiguous()).isFalse();
        assertThat(view.compact().isContiguous()).isTrue();
        assertThat(view.compact()).isEqualTo(view);
        assertThat(view.crop(1, 1, 1, 2).get(0, 1)).isEqualTo(7);
    }

    @Test
    void outOfRangeAccessNamesThePixelAndTheShape() {
        GrayF64 image = new GrayF64(3, 4);
        assertThatThrownBy(() -> image.get(3, 0)).hasMessage("pixel (3, 0) is outside a 3×4 image");
        assertThatThrownBy(() -> image.crop(2, 2, 2, 2)).hasMessageContaining("does not fit in a 3×4 image");
        assertThatThrownBy(() -> new GrayU8(2, 2).set(0, 0, 256)).hasMessageContaining("256");
    }

    @Test
    void wrongArrayLengthIsRefused() {
        assertThatThrownBy(() -> new GrayF32(2, 3, new float[5]))
                .hasMessage("a 2×3 image needs 6 pixels, the array has 5");
    }

    @Test
    void conversionToF64IsExactForEveryType() {
        GrayU16 image = new GrayU16(1, 2, new short[] {(short) 65535, 3});
        assertThat(image.toF64().data()).containsExactly(65535.0, 3.0);
        GrayS32 negative = new GrayS32(1, 1, new int[] {-5});
        assertThat(negative.crop(0, 0, 1, 1).toF64().get(0, 0)).isEqualTo(-5.0);
    }

    @Test
    void equalityComparesTypeShapeAndValues() {
        assertThat(new GrayU8(2, 2)).isEqualTo(new GrayU8(2, 2)).isNotEqualTo(new GrayU16(2, 2)).isNotEqualTo(new GrayU8(1, 4));
        assertThat(new GrayU8(2, 2).hashCode()).isEqualTo(new GrayU8(2, 2).hashCode());
    }

    @Test
    void shapeMismatchPrintsBothShapes() {
        assertThatThrownBy(() -> GrayImage.requireSameShape("image", new GrayU8(3, 4), "labels", new GrayS32(4, 3)))
                .hasMessage("shape mismatch: image is 3×4, labels is 4×3");
    }
}
